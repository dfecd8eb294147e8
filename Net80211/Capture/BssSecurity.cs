using System.Text;
using Net80211.Frames;
using Net80211.Scan;

namespace Net80211.Capture;

/// <summary>Data ciphers a network offers (group and pairwise together).</summary>
[Flags]
public enum CipherSet
{
    None = 0,
    Wep40 = 1 << 0,
    Wep104 = 1 << 1,
    Tkip = 1 << 2,
    Ccmp = 1 << 3,
    Ccmp256 = 1 << 4,
    Gcmp = 1 << 5,
    Gcmp256 = 1 << 6,
    Other = 1 << 7,
}

/// <summary>Key management a network offers.</summary>
[Flags]
public enum AkmSet
{
    None = 0,
    Ieee8021X = 1 << 0,
    Psk = 1 << 1,
    FtIeee8021X = 1 << 2,
    FtPsk = 1 << 3,
    Ieee8021XSha256 = 1 << 4,
    PskSha256 = 1 << 5,
    Sae = 1 << 6,
    FtSae = 1 << 7,
    Owe = 1 << 8,
    SuiteB = 1 << 9,
    Other = 1 << 10,
}

/// <summary>Security advertised by a BSS: the Privacy capability, and the ciphers and AKMs of its WPA
/// (vendor 00-50-F2:1) and RSN elements. A plain value; gathering it allocates nothing.</summary>
public readonly record struct BssSecurity
{
    public bool Privacy { get; init; }
    public bool HasWpa { get; init; }
    public CipherSet WpaCiphers { get; init; }
    public AkmSet WpaAkms { get; init; }
    public bool HasRsn { get; init; }
    public CipherSet RsnCiphers { get; init; }
    public AkmSet RsnAkms { get; init; }

    /// <summary>Open, WEP, WPA, WPA2 or WPA|WPA2, by the same rule as the scan cache.</summary>
    public ScanSecurity Kind => ScanSecurityRules.Classify(Privacy, HasWpa, HasRsn);

    /// <summary>Everything either value advertises (a BSS seen with different elements over time).</summary>
    public BssSecurity Union(BssSecurity other) => new()
    {
        Privacy = Privacy | other.Privacy,
        HasWpa = HasWpa | other.HasWpa,
        WpaCiphers = WpaCiphers | other.WpaCiphers,
        WpaAkms = WpaAkms | other.WpaAkms,
        HasRsn = HasRsn | other.HasRsn,
        RsnCiphers = RsnCiphers | other.RsnCiphers,
        RsnAkms = RsnAkms | other.RsnAkms,
    };

    /// <summary>Reads the security of a beacon or probe response. Elements that do not parse are left
    /// out; the walk stops where the element framing breaks.</summary>
    public static BssSecurity FromBeacon(CapabilityInfo capabilities, ReadOnlySpan<byte> elements)
    {
        var security = new BssSecurity { Privacy = (capabilities & CapabilityInfo.Privacy) != 0 };
        var reader = new IeReader(elements);
        while (reader.MoveNext())
        {
            InformationElement ie = reader.Current;
            if (ie.Id == ElementId.Rsn && !security.HasRsn && RsnElement.TryRead(ie.Body, out RsnElement rsn, out _))
            {
                // RSN defaults when the lists are absent: CCMP-128 and 802.1X (9.4.2.24.1).
                CipherSet ciphers = ToCipher((uint)rsn.EffectiveGroupDataCipher)
                    | (rsn.Has(RsnField.PairwiseCiphers) ? ToCiphers(rsn.PairwiseCiphers) : CipherSet.Ccmp);
                security = security with { HasRsn = true, RsnCiphers = ciphers, RsnAkms = ToAkms(rsn.Has(RsnField.Akms), rsn.Akms) };
            }
            else if (ie.Id == ElementId.VendorSpecific && !security.HasWpa && WpaElement.IsWpa(ie.Body)
                && WpaElement.TryRead(ie.Body, out WpaElement wpa, out _))
            {
                // WPA 1.0 defaults when the lists are absent: TKIP and 802.1X.
                CipherSet ciphers = (wpa.Has(RsnField.GroupDataCipher) ? ToCipher((uint)wpa.GroupCipher) : CipherSet.Tkip)
                    | (wpa.Has(RsnField.PairwiseCiphers) ? ToCiphers(wpa.PairwiseCiphers) : CipherSet.None);
                security = security with { HasWpa = true, WpaCiphers = ciphers, WpaAkms = ToAkms(wpa.Has(RsnField.Akms), wpa.Akms) };
            }
        }
        return security;
    }

    /// <summary>"open", "WEP", "WPA(TKIP/PSK)", "WPA2(CCMP/PSK)", "WPA(TKIP/PSK) WPA2(CCMP/PSK)".</summary>
    public override string ToString()
    {
        switch (Kind)
        {
            case ScanSecurity.Open: return "open";
            case ScanSecurity.Wep: return "WEP";
        }
        var text = new StringBuilder();
        if (HasWpa) Append(text, "WPA", WpaCiphers, WpaAkms);
        if (HasRsn)
        {
            if (text.Length > 0) text.Append(' ');
            Append(text, "WPA2", RsnCiphers, RsnAkms);
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string protocol, CipherSet ciphers, AkmSet akms)
    {
        text.Append(protocol).Append('(');
        AppendNames(text, (int)ciphers, CipherNames);
        text.Append('/');
        AppendNames(text, (int)akms, AkmNames);
        text.Append(')');
    }

    private static void AppendNames(StringBuilder text, int bits, string[] names)
    {
        bool first = true;
        for (int i = 0; i < names.Length; i++)
        {
            if ((bits & (1 << i)) == 0) continue;
            if (!first) text.Append('+');
            text.Append(names[i]);
            first = false;
        }
        if (first) text.Append('-');
    }

    private static readonly string[] CipherNames = ["WEP40", "WEP104", "TKIP", "CCMP", "CCMP-256", "GCMP", "GCMP-256", "?"];
    private static readonly string[] AkmNames =
        ["802.1X", "PSK", "FT-802.1X", "FT-PSK", "802.1X-SHA256", "PSK-SHA256", "SAE", "FT-SAE", "OWE", "SUITE-B", "?"];

    // Suite selectors are OUI then type; RSN (00-0F-AC) and WPA (00-50-F2) number the common suites alike.
    private const uint OuiMask = 0xFFFFFF00;
    private const uint RsnOui = VendorOui.Ieee80211 << 8;
    private const uint WpaOui = VendorOui.Microsoft << 8;

    private static CipherSet ToCiphers(SuiteList suites)
    {
        CipherSet ciphers = CipherSet.None;
        foreach (uint suite in suites) ciphers |= ToCipher(suite);
        return ciphers;
    }

    /// <summary>The AKMs of a list, or 802.1X (the default of both RSN and WPA) when the list is absent.</summary>
    private static AkmSet ToAkms(bool present, SuiteList suites)
    {
        if (!present) return AkmSet.Ieee8021X;
        AkmSet akms = AkmSet.None;
        foreach (uint suite in suites) akms |= ToAkm(suite);
        return akms;
    }

    private static CipherSet ToCipher(uint suite)
    {
        if ((suite & OuiMask) is not (RsnOui or WpaOui)) return CipherSet.Other;
        return (suite & 0xFF) switch
        {
            0 => CipherSet.None, // "use the group cipher"
            1 => CipherSet.Wep40,
            2 => CipherSet.Tkip,
            4 => CipherSet.Ccmp,
            5 => CipherSet.Wep104,
            8 when (suite & OuiMask) == RsnOui => CipherSet.Gcmp,
            9 when (suite & OuiMask) == RsnOui => CipherSet.Gcmp256,
            10 when (suite & OuiMask) == RsnOui => CipherSet.Ccmp256,
            _ => CipherSet.Other,
        };
    }

    private static AkmSet ToAkm(uint suite)
    {
        if ((suite & OuiMask) == WpaOui)
        {
            return (suite & 0xFF) switch
            {
                1 => AkmSet.Ieee8021X,
                2 => AkmSet.Psk,
                _ => AkmSet.Other,
            };
        }
        if ((suite & OuiMask) != RsnOui) return AkmSet.Other;
        return (suite & 0xFF) switch
        {
            1 => AkmSet.Ieee8021X,
            2 => AkmSet.Psk,
            3 => AkmSet.FtIeee8021X,
            4 => AkmSet.FtPsk,
            5 => AkmSet.Ieee8021XSha256,
            6 => AkmSet.PskSha256,
            8 => AkmSet.Sae,
            9 => AkmSet.FtSae,
            11 or 12 => AkmSet.SuiteB,
            18 => AkmSet.Owe,
            _ => AkmSet.Other,
        };
    }
}
