namespace Net80211.Capture;

/// <summary>An Interface Description Block (draft-ietf-opsawg-pcapng, section 4.2): the link type and
/// time stamp units of the packets that name this interface.</summary>
/// <remarks>
/// <code>
///  octets:     4        4       2          2         4         variable       4
///        +-----------+-----+-----------+----------+----------+-------------+-----+
///        | type = 1  | len | link type | reserved | snaplen  |   options   | len |
///        +-----------+-----+-----------+----------+----------+-------------+-----+
///  offset      0        4       8          10        12          16
///
///  option:  code (2) | length (2) | value, padded to 32 bits      (code 0 ends the list)
/// </code>
/// if_tsresol (code 9, 1 octet): bit 7 clear = 10^-n seconds, set = 2^-n seconds; default 10^-6.
/// if_tsoffset (code 14, 8 octets): seconds to add to every time stamp.
/// </remarks>
public readonly record struct PcapNgInterface
{
    public const int MinBlockLength = 20;

    private const int LinkTypeOffset = 8;
    private const int SnapLengthOffset = 12;
    private const int OptionsOffset = 16;
    private const int OptionHeaderLength = 4;
    private const ushort OptionEnd = 0;
    private const ushort OptionTsResol = 9;
    private const ushort OptionTsOffset = 14;
    private const byte TsResolBase2 = 0x80;
    private const ulong NanosecondsPerSecond = 1_000_000_000;

    public LinkType LinkType { get; init; }
    /// <summary>0 = no limit.</summary>
    public int SnapLength { get; init; }
    /// <summary>Time stamp units per second.</summary>
    public ulong UnitsPerSecond { get; init; }
    public long OffsetSeconds { get; init; }

    /// <summary>Parses a whole IDB (<paramref name="block"/> from its type field to its trailing length).</summary>
    public static bool TryRead(ReadOnlySpan<byte> block, bool bigEndian, out PcapNgInterface idb)
    {
        idb = default;
        if (block.Length < MinBlockLength) return false;
        ulong units = 1_000_000;
        long offsetSeconds = 0;
        ReadOnlySpan<byte> options = block[OptionsOffset..^4];
        while (options.Length >= OptionHeaderLength)
        {
            ushort code = Endian.ReadUInt16(options, bigEndian);
            int length = Endian.ReadUInt16(options[2..], bigEndian);
            if (code == OptionEnd) break;
            int padded = PcapNgBlock.Pad4(length);
            if (padded > options.Length - OptionHeaderLength) return false;
            ReadOnlySpan<byte> value = options.Slice(OptionHeaderLength, length);
            if (code == OptionTsResol && length >= 1)
            {
                if (!TryUnits(value[0], out units)) return false;
            }
            else if (code == OptionTsOffset && length >= 8)
            {
                offsetSeconds = Endian.ReadInt64(value, bigEndian);
            }
            options = options[(OptionHeaderLength + padded)..];
        }
        idb = new PcapNgInterface
        {
            LinkType = (LinkType)Endian.ReadUInt16(block[LinkTypeOffset..], bigEndian),
            SnapLength = (int)Math.Min(Endian.ReadUInt32(block[SnapLengthOffset..], bigEndian), int.MaxValue),
            UnitsPerSecond = units,
            OffsetSeconds = offsetSeconds,
        };
        return true;
    }

    /// <summary>A 64-bit time stamp in this interface's units, as nanoseconds since the epoch (saturating).</summary>
    public long ToNanoseconds(ulong timestamp)
    {
        ulong units = UnitsPerSecond == 0 ? 1_000_000 : UnitsPerSecond;
        // 128-bit so that fine resolutions (up to 2^-63 s) cannot overflow the product.
        UInt128 ns = (UInt128)timestamp * NanosecondsPerSecond / units;
        Int128 total = (Int128)ns + (Int128)OffsetSeconds * (Int128)NanosecondsPerSecond;
        if (total > long.MaxValue) return long.MaxValue;
        if (total < long.MinValue) return long.MinValue;
        return (long)total;
    }

    private static bool TryUnits(byte tsresol, out ulong units)
    {
        int exponent = tsresol & ~TsResolBase2;
        if ((tsresol & TsResolBase2) != 0)
        {
            units = exponent <= 63 ? 1UL << exponent : 0;
            return exponent <= 63;
        }
        // 10^19 is the largest power of ten in 64 bits.
        if (exponent > 19)
        {
            units = 0;
            return false;
        }
        units = 1;
        for (int i = 0; i < exponent; i++) units *= 10;
        return true;
    }
}
