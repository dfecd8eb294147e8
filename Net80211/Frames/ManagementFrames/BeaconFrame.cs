using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>Body of a Beacon (IEEE 802.11-2020 9.3.3.3) or Probe Response (9.3.3.11) frame; the two
/// share their fixed fields and differ only in which elements may follow.</summary>
/// <remarks>
/// <code>
///  octets:     8             2                 2              variable
///        +-----------+-----------------+-----------------+--------------+
///        | Timestamp | Beacon Interval | Capability Info | Elements ... |
///        +-----------+-----------------+-----------------+--------------+
///  offset      0             8                10                12
/// </code>
/// Timestamp is the transmitter's TSF in µs; Beacon Interval is in TU (1024 µs).
/// </remarks>
public readonly ref struct BeaconFrame
{
    public const int FixedLength = 12;

    private const int TimestampOffset = 0;
    private const int BeaconIntervalOffset = 8;
    private const int CapabilityOffset = 10;

    public ulong Timestamp { get; init; }
    public ushort BeaconInterval { get; init; }
    public CapabilityInfo Capabilities { get; init; }
    public ReadOnlySpan<byte> Elements { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> body, out BeaconFrame beacon, out FrameParseError error)
    {
        beacon = default;
        if (!ManagementBody.TryCheck(body, FixedLength, out error)) return false;
        beacon = new BeaconFrame
        {
            Timestamp = BinaryPrimitives.ReadUInt64LittleEndian(body[TimestampOffset..]),
            BeaconInterval = BinaryPrimitives.ReadUInt16LittleEndian(body[BeaconIntervalOffset..]),
            Capabilities = (CapabilityInfo)BinaryPrimitives.ReadUInt16LittleEndian(body[CapabilityOffset..]),
            Elements = body[FixedLength..],
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (!ManagementBody.TryReserve(destination, FixedLength, Elements, out bytesWritten)) return false;
        BinaryPrimitives.WriteUInt64LittleEndian(destination[TimestampOffset..], Timestamp);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[BeaconIntervalOffset..], BeaconInterval);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[CapabilityOffset..], (ushort)Capabilities);
        return true;
    }
}
