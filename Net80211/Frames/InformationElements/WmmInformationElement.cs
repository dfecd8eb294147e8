namespace Net80211.Frames;

/// <summary>WMM Information element (WMM spec 2.2.1): Vendor Specific, 00-50-F2 type 2 subtype 0.</summary>
/// <remarks>
/// <code>
///  octets: 1    1      3        1    1     1       1
///        +---+-----+--------+----+-----+-------+----------+
///        |221|  7  |00-50-F2| 02 | 00  | Ver 1 | QoS Info |
///        +---+-----+--------+----+-----+-------+----------+
///
///  QoS Info from an AP:  B0-B3 Parameter Set Count  B7 U-APSD
///  QoS Info from a STA:  B0 AC_VO U-APSD  B1 AC_VI  B2 AC_BK  B3 AC_BE  B5-B6 Max SP Length
/// </code>
/// </remarks>
public readonly record struct WmmInformationElement(byte QosInfo)
{
    public const int BodyLength = 7;
    private const int QosInfoOffset = WmmLayout.HeaderLength;

    public int ParameterSetCount => QosInfo & 0xF;
    public bool ApUapsd => (QosInfo & 0x80) != 0;

    /// <summary>True when a vendor element body (OUI onwards) is a WMM Information element.</summary>
    public static bool IsWmmInformation(ReadOnlySpan<byte> vendorBody) => WmmLayout.IsWmm(vendorBody, WmmLayout.SubtypeInformation);

    /// <summary>Parses the body of a Vendor Specific element, OUI included.</summary>
    public static bool TryRead(ReadOnlySpan<byte> vendorBody, out WmmInformationElement element, out FrameParseError error)
    {
        element = default;
        if (!WmmLayout.TryCheck(vendorBody, WmmLayout.SubtypeInformation, BodyLength, out error)) return false;
        element = new WmmInformationElement(vendorBody[QosInfoOffset]);
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!WmmLayout.TryBegin(destination, WmmLayout.SubtypeInformation, BodyLength, out Span<byte> body)) return false;
        body[QosInfoOffset] = QosInfo;
        bytesWritten = InformationElement.HeaderLength + BodyLength;
        return true;
    }
}
