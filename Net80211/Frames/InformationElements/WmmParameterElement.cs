namespace Net80211.Frames;

/// <summary>WMM Parameter element (WMM spec 2.2.2): Vendor Specific, 00-50-F2 type 2 subtype 1.</summary>
/// <remarks>
/// <code>
///  octets: 1    1     3       1    1     1       1        1        4       4       4       4
///        +---+----+--------+----+----+-------+--------+--------+-------+-------+-------+-------+
///        |221| 24 |00-50-F2| 02 | 01 | Ver 1 |QoS Info|Reserved| AC_BE | AC_BK | AC_VI | AC_VO |
///        +---+----+--------+----+----+-------+--------+--------+-------+-------+-------+-------+
///  body offset                                  6        7        8       12      16      20
/// </code>
/// The records come in the fixed order BE, BK, VI, VO; each also names its AC in its ACI subfield.
/// </remarks>
public readonly record struct WmmParameterElement
{
    public const int BodyLength = 24;
    private const int QosInfoOffset = WmmLayout.HeaderLength;
    private const int ReservedOffset = 7;
    private const int FirstRecordOffset = 8;

    public byte QosInfo { get; init; }
    public WmmAcParameters BestEffort { get; init; }
    public WmmAcParameters Background { get; init; }
    public WmmAcParameters Video { get; init; }
    public WmmAcParameters Voice { get; init; }

    /// <summary>Incremented by the AP whenever the parameters change.</summary>
    public int ParameterSetCount => QosInfo & 0xF;
    public bool ApUapsd => (QosInfo & 0x80) != 0;

    public WmmAcParameters this[AccessCategory ac] => ac switch
    {
        AccessCategory.BestEffort => BestEffort,
        AccessCategory.Background => Background,
        AccessCategory.Video => Video,
        AccessCategory.Voice => Voice,
        _ => throw new ArgumentOutOfRangeException(nameof(ac)),
    };

    /// <summary>True when a vendor element body (OUI onwards) is a WMM Parameter element.</summary>
    public static bool IsWmmParameter(ReadOnlySpan<byte> vendorBody) => WmmLayout.IsWmm(vendorBody, WmmLayout.SubtypeParameter);

    /// <summary>Parses the body of a Vendor Specific element, OUI included.</summary>
    public static bool TryRead(ReadOnlySpan<byte> vendorBody, out WmmParameterElement element, out FrameParseError error)
    {
        element = default;
        if (!WmmLayout.TryCheck(vendorBody, WmmLayout.SubtypeParameter, BodyLength, out error)) return false;
        element = new WmmParameterElement
        {
            QosInfo = vendorBody[QosInfoOffset],
            BestEffort = WmmAcParameters.Read(vendorBody[Record(0)..]),
            Background = WmmAcParameters.Read(vendorBody[Record(1)..]),
            Video = WmmAcParameters.Read(vendorBody[Record(2)..]),
            Voice = WmmAcParameters.Read(vendorBody[Record(3)..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!WmmLayout.TryBegin(destination, WmmLayout.SubtypeParameter, BodyLength, out Span<byte> body)) return false;
        body[QosInfoOffset] = QosInfo;
        body[ReservedOffset] = 0;
        BestEffort.WriteTo(body[Record(0)..]);
        Background.WriteTo(body[Record(1)..]);
        Video.WriteTo(body[Record(2)..]);
        Voice.WriteTo(body[Record(3)..]);
        bytesWritten = InformationElement.HeaderLength + BodyLength;
        return true;
    }

    private static int Record(int index) => FirstRecordOffset + index * WmmAcParameters.Length;
}
