namespace Net80211.Frames;

/// <summary>The header every WMM element shares (WMM spec 2.2): Vendor Specific, OUI 00-50-F2, type 2.</summary>
/// <remarks>
/// <code>
///  body octets:   3          1          1             1
///              +----------+----------+-------------+---------+
///              | 00-50-F2 | Type (2) | Subtype     | Version |
///              |          |          | 0 info      | (1)     |
///              |          |          | 1 parameter |         |
///              +----------+----------+-------------+---------+
/// </code>
/// </remarks>
internal static class WmmLayout
{
    internal const int SubtypeOffset = 4;
    internal const int VersionOffset = 5;
    internal const int HeaderLength = 6;
    internal const byte Version = 1;
    internal const byte SubtypeInformation = 0;
    internal const byte SubtypeParameter = 1;

    internal static bool IsWmm(ReadOnlySpan<byte> vendorBody, byte subtype)
        => VendorSpecificElement.Matches(vendorBody, VendorOui.Microsoft, VendorOui.MicrosoftTypeWmm)
            && vendorBody.Length > SubtypeOffset && vendorBody[SubtypeOffset] == subtype;

    internal static bool TryCheck(ReadOnlySpan<byte> vendorBody, byte subtype, int length, out FrameParseError error)
    {
        // Identify first so a short body of the right kind is "too short", not "wrong kind".
        if (!IsWmm(vendorBody, subtype))
        {
            error = vendorBody.Length <= SubtypeOffset ? FrameParseError.IeTooShort : FrameParseError.BadValue;
            return false;
        }
        if (!ElementLength.Check(vendorBody, length, length, out error)) return false;
        if (vendorBody[VersionOffset] != Version)
        {
            error = FrameParseError.BadVersion;
            return false;
        }
        return true;
    }

    internal static bool TryBegin(Span<byte> destination, byte subtype, int length, out Span<byte> body)
    {
        if (!ElementWriter.TryBegin(destination, ElementId.VendorSpecific, length, out body)) return false;
        VendorSpecificElement.WriteOui(body, VendorOui.Microsoft);
        body[VendorSpecificElement.OuiLength] = VendorOui.MicrosoftTypeWmm;
        body[SubtypeOffset] = subtype;
        body[VersionOffset] = Version;
        return true;
    }
}
