using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>Body of a Timing Advertisement frame (IEEE 802.11-2020 9.3.3.15), sent outside a BSS context.</summary>
/// <remarks>
/// <code>
///  octets:     8              2                variable
///        +-----------+-----------------+-----------------------------------+
///        | Timestamp | Capability Info | Elements (Country, Time Adv., ...) |
///        +-----------+-----------------+-----------------------------------+
///  offset      0             8                 10
/// </code>
/// </remarks>
public readonly ref struct TimingAdvertisementFrame
{
    public const int FixedLength = 10;

    private const int TimestampOffset = 0;
    private const int CapabilityOffset = 8;

    public ulong Timestamp { get; init; }
    public CapabilityInfo Capabilities { get; init; }
    public ReadOnlySpan<byte> Elements { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> body, out TimingAdvertisementFrame frame, out FrameParseError error)
    {
        frame = default;
        if (!ManagementBody.TryCheck(body, FixedLength, out error)) return false;
        frame = new TimingAdvertisementFrame
        {
            Timestamp = BinaryPrimitives.ReadUInt64LittleEndian(body[TimestampOffset..]),
            Capabilities = (CapabilityInfo)BinaryPrimitives.ReadUInt16LittleEndian(body[CapabilityOffset..]),
            Elements = body[FixedLength..],
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (!ManagementBody.TryReserve(destination, FixedLength, Elements, out bytesWritten)) return false;
        BinaryPrimitives.WriteUInt64LittleEndian(destination[TimestampOffset..], Timestamp);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[CapabilityOffset..], (ushort)Capabilities);
        return true;
    }
}
