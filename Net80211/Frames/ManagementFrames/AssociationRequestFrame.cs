using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>Body of an Association Request frame (IEEE 802.11-2020 9.3.3.6).</summary>
/// <remarks>
/// <code>
///  octets:       2                  2               variable
///        +-----------------+-----------------+--------------------------------+
///        | Capability Info | Listen Interval | Elements (SSID, rates, RSN...) |
///        +-----------------+-----------------+--------------------------------+
///  offset        0                  2                4
/// </code>
/// Listen Interval is in beacon intervals.
/// </remarks>
public readonly ref struct AssociationRequestFrame
{
    public const int FixedLength = 4;

    private const int CapabilityOffset = 0;
    private const int ListenIntervalOffset = 2;

    public CapabilityInfo Capabilities { get; init; }
    public ushort ListenInterval { get; init; }
    public ReadOnlySpan<byte> Elements { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> body, out AssociationRequestFrame request, out FrameParseError error)
    {
        request = default;
        if (!ManagementBody.TryCheck(body, FixedLength, out error)) return false;
        request = new AssociationRequestFrame
        {
            Capabilities = (CapabilityInfo)BinaryPrimitives.ReadUInt16LittleEndian(body[CapabilityOffset..]),
            ListenInterval = BinaryPrimitives.ReadUInt16LittleEndian(body[ListenIntervalOffset..]),
            Elements = body[FixedLength..],
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (!ManagementBody.TryReserve(destination, FixedLength, Elements, out bytesWritten)) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[CapabilityOffset..], (ushort)Capabilities);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[ListenIntervalOffset..], ListenInterval);
        return true;
    }
}
