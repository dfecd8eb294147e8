using System.Buffers.Binary;

namespace Net80211.Capture;

/// <summary>The header in front of every packet of a classic pcap file.</summary>
/// <remarks>
/// <code>
///  octets:     4            4               4                4
///        +-----------+----------------+---------------+----------------+
///        |  ts_sec   | ts_usec/ts_nsec| captured len  | original len   |
///        +-----------+----------------+---------------+----------------+
///  offset      0            4               8               12
/// </code>
/// In the file's byte order; the fraction is µs or ns as the file magic says.
/// </remarks>
public readonly record struct PcapRecordHeader(uint Seconds, uint Fraction, uint CapturedLength, uint OriginalLength)
{
    public const int Length = 16;

    private const int SecondsOffset = 0;
    private const int FractionOffset = 4;
    private const int CapturedLengthOffset = 8;
    private const int OriginalLengthOffset = 12;

    public static bool TryRead(ReadOnlySpan<byte> source, bool bigEndian, out PcapRecordHeader header)
    {
        if (source.Length < Length)
        {
            header = default;
            return false;
        }
        header = new PcapRecordHeader(
            Endian.ReadUInt32(source[SecondsOffset..], bigEndian),
            Endian.ReadUInt32(source[FractionOffset..], bigEndian),
            Endian.ReadUInt32(source[CapturedLengthOffset..], bigEndian),
            Endian.ReadUInt32(source[OriginalLengthOffset..], bigEndian));
        return true;
    }

    /// <summary>Writes the header little-endian.</summary>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Length) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[SecondsOffset..], Seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[FractionOffset..], Fraction);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[CapturedLengthOffset..], CapturedLength);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[OriginalLengthOffset..], OriginalLength);
        return true;
    }

    /// <summary>Time stamp in nanoseconds since the epoch.</summary>
    public long ToNanoseconds(bool nanosecondFraction)
        => Seconds * 1_000_000_000L + (nanosecondFraction ? Fraction : Fraction * 1_000L);
}
