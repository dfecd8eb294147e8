namespace Net80211.Capture;

/// <summary>The packet carried by an Enhanced Packet Block or a Simple Packet Block
/// (draft-ietf-opsawg-pcapng, sections 4.3 and 4.4).</summary>
/// <remarks>
/// <code>
///  Enhanced Packet Block:
///  octets:     4        4       4           4          4          4           4        variable     variable   4
///        +-----------+-----+-----------+----------+----------+-----------+-----------+-------------+---------+-----+
///        | type = 6  | len | interface | ts high  | ts low   | captured  | original  | data, pad32 | options | len |
///        +-----------+-----+-----------+----------+----------+-----------+-----------+-------------+---------+-----+
///  offset      0        4       8          12         16         20          24          28
///
///  Simple Packet Block (interface 0, no time stamp):
///  octets:     4        4        4            variable      4
///        +-----------+-----+-------------+---------------+-----+
///        | type = 3  | len | original    | data, pad32   | len |
///        +-----------+-----+-------------+---------------+-----+
///  offset      0        4        8             12
/// </code>
/// A Simple Packet Block's captured length is the smaller of the original length, interface 0's
/// snap length and the room in the block.
/// </remarks>
public readonly ref struct PcapNgPacket
{
    public const int EnhancedMinLength = 32;
    public const int SimpleMinLength = 16;

    private const int EnhancedInterfaceOffset = 8;
    private const int EnhancedTimestampHighOffset = 12;
    private const int EnhancedTimestampLowOffset = 16;
    private const int EnhancedCapturedOffset = 20;
    private const int EnhancedOriginalOffset = 24;
    private const int EnhancedDataOffset = 28;
    private const int SimpleOriginalOffset = 8;
    private const int SimpleDataOffset = 12;

    public int InterfaceIndex { get; init; }
    public ulong Timestamp { get; init; }
    public int OriginalLength { get; init; }
    public ReadOnlySpan<byte> Data { get; init; }

    /// <summary>Parses a whole EPB; false when its lengths do not fit the block.</summary>
    public static bool TryReadEnhanced(ReadOnlySpan<byte> block, bool bigEndian, out PcapNgPacket packet)
    {
        packet = default;
        if (block.Length < EnhancedMinLength) return false;
        uint captured = Endian.ReadUInt32(block[EnhancedCapturedOffset..], bigEndian);
        // The data must end before the trailing length.
        if (captured > (uint)(block.Length - EnhancedMinLength)) return false;
        uint interfaceId = Endian.ReadUInt32(block[EnhancedInterfaceOffset..], bigEndian);
        ulong high = Endian.ReadUInt32(block[EnhancedTimestampHighOffset..], bigEndian);
        ulong low = Endian.ReadUInt32(block[EnhancedTimestampLowOffset..], bigEndian);
        packet = new PcapNgPacket
        {
            InterfaceIndex = (int)Math.Min(interfaceId, int.MaxValue),
            Timestamp = (high << 32) | low,
            OriginalLength = (int)Math.Min(Endian.ReadUInt32(block[EnhancedOriginalOffset..], bigEndian), int.MaxValue),
            Data = block.Slice(EnhancedDataOffset, (int)captured),
        };
        return true;
    }

    /// <summary>Parses a whole SPB; <paramref name="snapLength"/> is interface 0's (0 = none).</summary>
    public static bool TryReadSimple(ReadOnlySpan<byte> block, bool bigEndian, int snapLength, out PcapNgPacket packet)
    {
        packet = default;
        if (block.Length < SimpleMinLength) return false;
        uint original = Endian.ReadUInt32(block[SimpleOriginalOffset..], bigEndian);
        long captured = Math.Min(original, (long)(block.Length - SimpleMinLength));
        if (snapLength > 0) captured = Math.Min(captured, snapLength);
        packet = new PcapNgPacket
        {
            InterfaceIndex = 0,
            OriginalLength = (int)Math.Min(original, int.MaxValue),
            Data = block.Slice(SimpleDataOffset, (int)captured),
        };
        return true;
    }
}
