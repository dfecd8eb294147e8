using Net80211.Frames;

namespace Net80211.Scan;

/// <summary>
/// The cipher and AKM suites one RSN or WPA element offers, copied out of the frame so the scan
/// entry outlives it. Fields the element left out take the defaults the standard gives them
/// (RSN: 9.4.2.24.1, CCMP-128 and 802.1X; WPA 1.0: TKIP and 802.1X).
/// </summary>
public sealed record SecuritySuites(
    CipherSuite GroupCipher,
    IReadOnlyList<CipherSuite> PairwiseCiphers,
    IReadOnlyList<AkmSuite> Akms,
    bool MfpCapable,
    bool MfpRequired)
{
    /// <summary>Summarises an RSN element.</summary>
    public static SecuritySuites FromRsn(in RsnElement rsn)
    {
        CipherSuite[] pairwise = rsn.Has(RsnField.PairwiseCiphers) ? Ciphers(rsn.PairwiseCiphers) : [CipherSuite.Ccmp128];
        AkmSuite[] akms = rsn.Has(RsnField.Akms) ? Akm(rsn.Akms) : [AkmSuite.Ieee8021X];
        return new SecuritySuites(rsn.EffectiveGroupDataCipher, pairwise, akms,
            rsn.ManagementFrameProtectionCapable, rsn.ManagementFrameProtectionRequired);
    }

    /// <summary>Summarises a WPA vendor element.</summary>
    public static SecuritySuites FromWpa(in WpaElement wpa)
    {
        CipherSuite group = wpa.Has(RsnField.GroupDataCipher) ? wpa.GroupCipher : CipherSuite.WpaTkip;
        CipherSuite[] pairwise = wpa.Has(RsnField.PairwiseCiphers) ? Ciphers(wpa.PairwiseCiphers) : [CipherSuite.WpaTkip];
        AkmSuite[] akms = wpa.Has(RsnField.Akms) ? Akm(wpa.Akms) : [AkmSuite.WpaIeee8021X];
        return new SecuritySuites(group, pairwise, akms, MfpCapable: false, MfpRequired: false);
    }

    /// <summary>True when a pre-shared key (PSK, SAE, or their FT/SHA-256 variants) is offered.</summary>
    public bool OffersPsk
    {
        get
        {
            foreach (var a in Akms)
            {
                if (a is AkmSuite.Psk or AkmSuite.PskSha256 or AkmSuite.FtPsk or AkmSuite.Sae or AkmSuite.FtSae or AkmSuite.WpaPsk)
                    return true;
            }
            return false;
        }
    }

    /// <summary>"group CCMP128 pairwise CCMP128 akm PSK", for scan listings.</summary>
    public override string ToString()
        => $"group {GroupCipher} pairwise {string.Join(",", PairwiseCiphers)} akm {string.Join(",", Akms)}"
            + (MfpRequired ? " mfp-required" : MfpCapable ? " mfp-capable" : "");

    private static CipherSuite[] Ciphers(SuiteList list)
    {
        var result = new CipherSuite[list.Count];
        for (int i = 0; i < result.Length; i++) result[i] = (CipherSuite)list[i];
        return result;
    }

    private static AkmSuite[] Akm(SuiteList list)
    {
        var result = new AkmSuite[list.Count];
        for (int i = 0; i < result.Length; i++) result[i] = (AkmSuite)list[i];
        return result;
    }
}
