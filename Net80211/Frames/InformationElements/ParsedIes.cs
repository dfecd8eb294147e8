using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>The elements of one management frame body, found and validated in a single pass.</summary>
/// <remarks>
/// <para>For each element the stack acts on, the occurrence is checked against the standard's size
/// rules by that element's reader and kept as a typed view over the frame's octets (nothing is
/// copied). A second occurrence of a standard element is <see cref="FrameParseError.IeDuplicate"/>:
/// two SSIDs or two TIMs leave no safe way to pick one. Vendor elements (WPA, WMM) have no such rule,
/// so the first one counts and later ones are ignored, as other stacks do.</para>
/// <para>Everything else — unknown IDs, other vendors' elements such as WPS, ID-255 extension
/// elements — is skipped once its framing has been checked.</para>
/// </remarks>
public ref struct ParsedIes
{
    private const int IbssParameterSetLength = 2;
    private const int ErpInformationLength = 1;

    /// <summary>The element list this view was built from.</summary>
    public ReadOnlySpan<byte> Elements { get; private set; }

    public ParsedElements Present { get; private set; }

    public SsidElement Ssid { get; private set; }
    public SupportedRatesElement SupportedRates { get; private set; }
    public SupportedRatesElement ExtendedSupportedRates { get; private set; }
    public DsParameterSetElement DsParameterSet { get; private set; }
    public TimElement Tim { get; private set; }
    /// <summary>ATIM Window in TU from the IBSS Parameter Set element (9.4.2.6).</summary>
    public ushort IbssAtimWindow { get; private set; }
    public CountryElement Country { get; private set; }
    /// <summary>Shared Key challenge text (9.4.2.7), 1..253 octets.</summary>
    public ReadOnlySpan<byte> ChallengeText { get; private set; }
    /// <summary>ERP element flags (9.4.2.11): B0 NonERP_Present, B1 Use_Protection, B2 Barker_Preamble_Mode.</summary>
    public byte ErpInformation { get; private set; }
    public RsnElement Rsn { get; private set; }
    public HtCapabilitiesElement HtCapabilities { get; private set; }
    public HtOperationElement HtOperation { get; private set; }
    public ExtendedCapabilitiesElement ExtendedCapabilities { get; private set; }
    public WpaElement Wpa { get; private set; }
    public WmmInformationElement WmmInformation { get; private set; }
    public WmmParameterElement WmmParameter { get; private set; }

    public readonly bool Has(ParsedElements elements) => (Present & elements) == elements;

    /// <summary>Parses <paramref name="elements"/>; on failure <paramref name="error"/> says why and
    /// <paramref name="ies"/> holds nothing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> elements, out ParsedIes ies, out FrameParseError error)
    {
        ies = default;
        var result = new ParsedIes { Elements = elements };
        var reader = new IeReader(elements);
        while (reader.MoveNext())
        {
            InformationElement ie = reader.Current;
            if (!result.TryAdd(ie, out error)) return false;
        }
        if (reader.Error != FrameParseError.None)
        {
            error = reader.Error;
            return false;
        }
        ies = result;
        error = FrameParseError.None;
        return true;
    }

    private bool TryAdd(InformationElement ie, out FrameParseError error)
    {
        ReadOnlySpan<byte> body = ie.Body;
        switch (ie.Id)
        {
            case ElementId.Ssid:
                if (!TryMark(ParsedElements.Ssid, out error) || !SsidElement.TryRead(body, out SsidElement ssid, out error)) return false;
                Ssid = ssid;
                return true;

            case ElementId.SupportedRates:
                if (!TryMark(ParsedElements.SupportedRates, out error)
                    || !SupportedRatesElement.TryRead(body, out SupportedRatesElement rates, out error)) return false;
                SupportedRates = rates;
                return true;

            case ElementId.ExtendedSupportedRates:
                if (!TryMark(ParsedElements.ExtendedSupportedRates, out error)
                    || !SupportedRatesElement.TryReadExtended(body, out SupportedRatesElement xrates, out error)) return false;
                ExtendedSupportedRates = xrates;
                return true;

            case ElementId.DsParameterSet:
                if (!TryMark(ParsedElements.DsParameterSet, out error)
                    || !DsParameterSetElement.TryRead(body, out DsParameterSetElement ds, out error)) return false;
                DsParameterSet = ds;
                return true;

            case ElementId.Tim:
                if (!TryMark(ParsedElements.Tim, out error) || !TimElement.TryRead(body, out TimElement tim, out error)) return false;
                Tim = tim;
                return true;

            case ElementId.IbssParameterSet:
                if (!TryMark(ParsedElements.IbssParameterSet, out error)
                    || !ElementLength.Check(body, IbssParameterSetLength, IbssParameterSetLength, out error)) return false;
                IbssAtimWindow = BinaryPrimitives.ReadUInt16LittleEndian(body);
                return true;

            case ElementId.Country:
                if (!TryMark(ParsedElements.Country, out error) || !CountryElement.TryRead(body, out CountryElement country, out error)) return false;
                Country = country;
                return true;

            case ElementId.ChallengeText:
                if (!TryMark(ParsedElements.ChallengeText, out error)
                    || !ChallengeTextElement.TryRead(body, out ChallengeTextElement challenge, out error)) return false;
                ChallengeText = challenge.Text;
                return true;

            case ElementId.ErpInformation:
                if (!TryMark(ParsedElements.ErpInformation, out error)
                    || !ElementLength.Check(body, ErpInformationLength, ErpInformationLength, out error)) return false;
                ErpInformation = body[0];
                return true;

            case ElementId.Rsn:
                if (!TryMark(ParsedElements.Rsn, out error) || !RsnElement.TryRead(body, out RsnElement rsn, out error)) return false;
                Rsn = rsn;
                return true;

            case ElementId.HtCapabilities:
                if (!TryMark(ParsedElements.HtCapabilities, out error)
                    || !HtCapabilitiesElement.TryRead(body, out HtCapabilitiesElement htCap, out error)) return false;
                HtCapabilities = htCap;
                return true;

            case ElementId.HtOperation:
                if (!TryMark(ParsedElements.HtOperation, out error)
                    || !HtOperationElement.TryRead(body, out HtOperationElement htOp, out error)) return false;
                HtOperation = htOp;
                return true;

            case ElementId.ExtendedCapabilities:
                if (!TryMark(ParsedElements.ExtendedCapabilities, out error)
                    || !ExtendedCapabilitiesElement.TryRead(body, out ExtendedCapabilitiesElement extCap, out error)) return false;
                ExtendedCapabilities = extCap;
                return true;

            case ElementId.VendorSpecific:
                return TryAddVendor(body, out error);

            default:
                error = FrameParseError.None;
                return true;
        }
    }

    private bool TryAddVendor(ReadOnlySpan<byte> body, out FrameParseError error)
    {
        if (body.Length < VendorSpecificElement.OuiLength)
        {
            error = FrameParseError.IeTooShort;
            return false;
        }
        error = FrameParseError.None;
        if (WpaElement.IsWpa(body))
        {
            if (Has(ParsedElements.Wpa)) return true;
            if (!WpaElement.TryRead(body, out WpaElement wpa, out error)) return false;
            Wpa = wpa;
            Present |= ParsedElements.Wpa;
        }
        else if (WmmParameterElement.IsWmmParameter(body))
        {
            if (Has(ParsedElements.WmmParameter)) return true;
            if (!WmmParameterElement.TryRead(body, out WmmParameterElement parameter, out error)) return false;
            WmmParameter = parameter;
            Present |= ParsedElements.WmmParameter;
        }
        else if (WmmInformationElement.IsWmmInformation(body))
        {
            if (Has(ParsedElements.WmmInformation)) return true;
            if (!WmmInformationElement.TryRead(body, out WmmInformationElement information, out error)) return false;
            WmmInformation = information;
            Present |= ParsedElements.WmmInformation;
        }
        return true;
    }

    private bool TryMark(ParsedElements element, out FrameParseError error)
    {
        if ((Present & element) != 0)
        {
            error = FrameParseError.IeDuplicate;
            return false;
        }
        Present |= element;
        error = FrameParseError.None;
        return true;
    }
}
