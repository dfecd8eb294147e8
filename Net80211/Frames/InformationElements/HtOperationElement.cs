namespace Net80211.Frames;

/// <summary>HT Operation element (IEEE 802.11-2020 9.4.2.57).</summary>
/// <remarks>
/// <code>
///  octets:   1     1        1               5                    16
///        +------+-----+----------+------------------------+-----------------+
///        |ID 61 | 22  | Primary  | HT Operation           | Basic HT-MCS    |
///        |      |     | Channel  | Information            | Set             |
///        +------+-----+----------+------------------------+-----------------+
///  body offset         0          1                        6
///
///  HT Operation Information (40 bits):
///   B0-B1 Secondary Channel Offset   B2 STA Channel Width   B3 RIFS Mode        B4-B7 reserved
///   B8-B9 HT Protection              B10 Nongreenfield HT STAs Present          B11 reserved
///   B12 OBSS Non-HT STAs Present     B13-B20 Channel Center Frequency Segment 2 B21-B29 reserved
///   B30 Dual Beacon                  B31 Dual CTS Protection  B32 STBC Beacon   B33-B39 reserved
/// </code>
/// </remarks>
public readonly record struct HtOperationElement
{
    public const int BodyLength = 22;
    private const int PrimaryChannelOffset = 0;
    private const int InformationOffset = 1;
    private const int InformationLength = 5;
    private const int BasicMcsSetOffset = 6;

    public byte PrimaryChannel { get; init; }

    /// <summary>The 40-bit HT Operation Information field, bit 0 = first octet's bit 0.</summary>
    public ulong Information { get; init; }

    public HtMcsSet BasicMcsSet { get; init; }

    public SecondaryChannelOffset SecondaryChannelOffset => (SecondaryChannelOffset)(Information & 0x3);
    /// <summary>STA Channel Width: any channel width in the Supported Channel Width Set may be used.</summary>
    public bool AnyChannelWidth => Bit(2);
    public bool RifsMode => Bit(3);
    public HtProtection Protection => (HtProtection)((Information >> 8) & 0x3);
    public bool NongreenfieldStationsPresent => Bit(10);
    public bool ObssNonHtStationsPresent => Bit(12);
    public byte ChannelCenterFrequencySegment2 => (byte)(Information >> 13);
    public bool DualBeacon => Bit(30);
    public bool DualCtsProtection => Bit(31);
    public bool StbcBeacon => Bit(32);

    /// <summary>Composes the Information field from its commonly used subfields.</summary>
    public static ulong ComposeInformation(SecondaryChannelOffset secondaryChannelOffset, bool anyChannelWidth,
        HtProtection protection = HtProtection.None, bool nongreenfieldStationsPresent = false, bool rifsMode = false,
        bool obssNonHtStationsPresent = false, byte channelCenterFrequencySegment2 = 0)
        => (ulong)secondaryChannelOffset
            | (anyChannelWidth ? 1UL << 2 : 0)
            | (rifsMode ? 1UL << 3 : 0)
            | ((ulong)protection << 8)
            | (nongreenfieldStationsPresent ? 1UL << 10 : 0)
            | (obssNonHtStationsPresent ? 1UL << 12 : 0)
            | ((ulong)channelCenterFrequencySegment2 << 13);

    public static bool TryRead(ReadOnlySpan<byte> body, out HtOperationElement element, out FrameParseError error)
    {
        element = default;
        if (!ElementLength.Check(body, BodyLength, BodyLength, out error)) return false;
        ulong info = 0;
        for (int i = InformationLength - 1; i >= 0; i--) info = (info << 8) | body[InformationOffset + i];
        element = new HtOperationElement
        {
            PrimaryChannel = body[PrimaryChannelOffset],
            Information = info,
            BasicMcsSet = HtMcsSet.Read(body[BasicMcsSetOffset..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!ElementWriter.TryBegin(destination, ElementId.HtOperation, BodyLength, out Span<byte> body)) return false;
        body[PrimaryChannelOffset] = PrimaryChannel;
        for (int i = 0; i < InformationLength; i++) body[InformationOffset + i] = (byte)(Information >> (8 * i));
        BasicMcsSet.WriteTo(body[BasicMcsSetOffset..]);
        bytesWritten = InformationElement.HeaderLength + BodyLength;
        return true;
    }

    private bool Bit(int index) => ((Information >> index) & 1) != 0;
}
