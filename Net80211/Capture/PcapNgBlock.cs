namespace Net80211.Capture;

/// <summary>The framing shared by every pcapng block (draft-ietf-opsawg-pcapng, section 3.1).</summary>
/// <remarks>
/// <code>
///  octets:     4              4                variable              4
///        +------------+------------------+----------------------+------------------+
///        | block type | total length     | body (padded to 32)  | total length     |
///        +------------+------------------+----------------------+------------------+
///  offset      0              4                  8               total length - 4
/// </code>
/// Numbers are in the byte order the section's Section Header Block declared through its
/// byte-order magic 1A2B3C4D. A file is one or more sections; each starts with an SHB and has its
/// own interfaces.
/// </remarks>
public static class PcapNgBlock
{
    public const uint SectionHeader = 0x0A0D0D0A;
    public const uint InterfaceDescription = 0x00000001;
    /// <summary>The obsolete Packet Block; skipped.</summary>
    public const uint ObsoletePacket = 0x00000002;
    public const uint SimplePacket = 0x00000003;
    public const uint EnhancedPacket = 0x00000006;

    public const uint ByteOrderMagic = 0x1A2B3C4D;
    public const ushort SupportedMajorVersion = 1;

    /// <summary>Type, length, and the trailing length copy.</summary>
    public const int Overhead = 12;
    public const int TypeOffset = 0;
    public const int LengthOffset = 4;
    public const int BodyOffset = 8;

    // Section Header Block body: byte-order magic (4), major (2), minor (2), section length (8), options.
    public const int SectionByteOrderOffset = 8;
    public const int SectionMajorOffset = 12;
    public const int SectionHeaderMinLength = 28;

    /// <summary><paramref name="length"/> rounded up to the 32-bit boundary blocks and options pad to.</summary>
    public static int Pad4(int length) => (length + 3) & ~3;
}
