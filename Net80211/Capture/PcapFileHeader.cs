using System.Buffers.Binary;

namespace Net80211.Capture;

/// <summary>The global header of a classic pcap file (libpcap file format, draft-ietf-opsawg-pcap).</summary>
/// <remarks>
/// <code>
///  octets:    4          2          2          4         4          4          4
///        +----------+----------+----------+----------+---------+----------+-----------+
///        |  magic   |  major   |  minor   | thiszone | sigfigs | snaplen  | link type |
///        |          |   (2)    |   (4)    |  (0)     |  (0)    |          | (+FCS len)|
///        +----------+----------+----------+----------+---------+----------+-----------+
///  offset     0          4          6          8         12         16         20
/// </code>
/// Fields are in the writer's byte order: the magic reads A1B2C3D4 (µs) or A1B23C4D (ns) in that
/// order and byte-swapped in the other. The link type is the low 16 bits of the last word; the upper
/// bits may carry an FCS length, which readers ignore here and detect per frame instead.
/// </remarks>
public readonly record struct PcapFileHeader
{
    public const int Length = 24;
    public const uint MagicMicroseconds = 0xA1B2C3D4;
    public const uint MagicNanoseconds = 0xA1B23C4D;
    public const ushort VersionMajor = 2;
    public const ushort VersionMinor = 4;

    private const int MagicOffset = 0;
    private const int MajorOffset = 4;
    private const int MinorOffset = 6;
    private const int SnapLengthOffset = 16;
    private const int LinkTypeOffset = 20;
    private const uint LinkTypeMask = 0xFFFF;

    public bool BigEndian { get; init; }
    public bool Nanoseconds { get; init; }
    public int SnapLength { get; init; }
    public LinkType LinkType { get; init; }

    /// <summary>True when <paramref name="magic"/> (the first four octets read little-endian) is a pcap magic number.</summary>
    public static bool IsMagic(uint magic)
        => magic is MagicMicroseconds or MagicNanoseconds
            || BinaryPrimitives.ReverseEndianness(magic) is MagicMicroseconds or MagicNanoseconds;

    public static bool TryRead(ReadOnlySpan<byte> source, out PcapFileHeader header, out CaptureError error)
    {
        header = default;
        if (source.Length < Length)
        {
            error = CaptureError.Truncated;
            return false;
        }
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(source[MagicOffset..]);
        bool big;
        if (magic is MagicMicroseconds or MagicNanoseconds) big = false;
        else if (BinaryPrimitives.ReverseEndianness(magic) is MagicMicroseconds or MagicNanoseconds)
        {
            big = true;
            magic = BinaryPrimitives.ReverseEndianness(magic);
        }
        else
        {
            error = CaptureError.NotACapture;
            return false;
        }
        if (Endian.ReadUInt16(source[MajorOffset..], big) != VersionMajor)
        {
            error = CaptureError.UnsupportedVersion;
            return false;
        }
        uint snap = Endian.ReadUInt32(source[SnapLengthOffset..], big);
        header = new PcapFileHeader
        {
            BigEndian = big,
            Nanoseconds = magic == MagicNanoseconds,
            SnapLength = (int)Math.Min(snap, int.MaxValue),
            LinkType = (LinkType)(Endian.ReadUInt32(source[LinkTypeOffset..], big) & LinkTypeMask),
        };
        error = CaptureError.None;
        return true;
    }

    /// <summary>Writes the header little-endian.</summary>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Length) return false;
        Span<byte> h = destination[..Length];
        h.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(h[MagicOffset..], Nanoseconds ? MagicNanoseconds : MagicMicroseconds);
        BinaryPrimitives.WriteUInt16LittleEndian(h[MajorOffset..], VersionMajor);
        BinaryPrimitives.WriteUInt16LittleEndian(h[MinorOffset..], VersionMinor);
        BinaryPrimitives.WriteUInt32LittleEndian(h[SnapLengthOffset..], (uint)SnapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(h[LinkTypeOffset..], (uint)LinkType & LinkTypeMask);
        return true;
    }
}
