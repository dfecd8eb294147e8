using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>The pre-RSNA WPA element: Vendor Specific, OUI 00-50-F2, type 1 (WPA 1.0 specification).</summary>
/// <remarks>
/// <code>
///  octets: 1    1     3         1     2       4        2       4*m       2      4*n      2
///        +---+-----+----------+----+-----+--------+--------+--------+------+-------+--------+
///        |221| Len | 00-50-F2 | 01 | Ver |Group   |Pairwise|Pairwise|AKM   |AKM    |WPA Caps|
///        |   |     |          |    | (1) |Cipher  |Count   |List    |Count |List   |(opt.)  |
///        +---+-----+----------+----+-----+--------+--------+--------+------+-------+--------+
/// </code>
/// The RSN layout without PMKIDs or management cipher (see <see cref="RsnElement"/>); suites use
/// OUI 00-50-F2. A few old APs append the 2-octet capabilities, so that tail is accepted too.
/// </remarks>
public readonly ref struct WpaElement
{
    public const ushort SupportedVersion = 1;

    private const int HeaderLength = VendorSpecificElement.OuiLength + 1; // OUI + type
    private const int VersionLength = 2;
    private const int CapabilitiesLength = 2;

    /// <summary>The last field present, <see cref="RsnField.Version"/> through <see cref="RsnField.Capabilities"/>.</summary>
    public RsnField LastField { get; init; }
    public CipherSuite GroupCipher { get; init; }
    public SuiteList PairwiseCiphers { get; init; }
    public SuiteList Akms { get; init; }
    public RsnCapabilities Capabilities { get; init; }

    public bool Has(RsnField field) => LastField >= field;

    /// <summary>True when a vendor element body (OUI onwards) is a WPA element.</summary>
    public static bool IsWpa(ReadOnlySpan<byte> vendorBody)
        => VendorSpecificElement.Matches(vendorBody, VendorOui.Microsoft, VendorOui.MicrosoftTypeWpa);

    /// <summary>Parses the body of a Vendor Specific element, OUI included.</summary>
    public static bool TryRead(ReadOnlySpan<byte> vendorBody, out WpaElement wpa, out FrameParseError error)
    {
        wpa = default;
        if (vendorBody.Length < HeaderLength + VersionLength)
        {
            error = FrameParseError.IeTooShort;
            return false;
        }
        if (!IsWpa(vendorBody))
        {
            error = FrameParseError.BadValue;
            return false;
        }
        if (BinaryPrimitives.ReadUInt16LittleEndian(vendorBody[HeaderLength..]) != SupportedVersion)
        {
            error = FrameParseError.BadVersion;
            return false;
        }
        ReadOnlySpan<byte> rest = vendorBody[(HeaderLength + VersionLength)..];
        if (!RsnElement.TryReadCipherAndAkmSuites(ref rest, out RsnField last, out CipherSuite group,
                out SuiteList pairwise, out SuiteList akms, out error))
        {
            return false;
        }
        RsnCapabilities caps = default;
        if (!rest.IsEmpty)
        {
            if (rest.Length < CapabilitiesLength)
            {
                error = FrameParseError.IeTooShort;
                return false;
            }
            caps = (RsnCapabilities)BinaryPrimitives.ReadUInt16LittleEndian(rest);
            rest = rest[CapabilitiesLength..];
            last = RsnField.Capabilities;
        }
        if (!rest.IsEmpty)
        {
            error = FrameParseError.BadLength;
            return false;
        }
        wpa = new WpaElement { LastField = last, GroupCipher = group, PairwiseCiphers = pairwise, Akms = akms, Capabilities = caps };
        error = FrameParseError.None;
        return true;
    }

    /// <exception cref="InvalidOperationException"><see cref="LastField"/> names a field WPA does not have.</exception>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (LastField > RsnField.Capabilities) throw new InvalidOperationException("WPA elements end at the capabilities field.");
        bytesWritten = 0;
        int bodyLength = HeaderLength + VersionLength + RsnElement.CipherAndAkmSuitesLength(LastField, PairwiseCiphers, Akms)
            + (Has(RsnField.Capabilities) ? CapabilitiesLength : 0);
        if (!ElementWriter.TryBegin(destination, ElementId.VendorSpecific, bodyLength, out Span<byte> body)) return false;
        VendorSpecificElement.WriteOui(body, VendorOui.Microsoft);
        body[VendorSpecificElement.OuiLength] = VendorOui.MicrosoftTypeWpa;
        BinaryPrimitives.WriteUInt16LittleEndian(body[HeaderLength..], SupportedVersion);
        int offset = HeaderLength + VersionLength;
        offset += RsnElement.WriteCipherAndAkmSuites(body[offset..], LastField, GroupCipher, PairwiseCiphers, Akms);
        if (Has(RsnField.Capabilities)) BinaryPrimitives.WriteUInt16LittleEndian(body[offset..], (ushort)Capabilities);
        bytesWritten = InformationElement.HeaderLength + bodyLength;
        return true;
    }
}
