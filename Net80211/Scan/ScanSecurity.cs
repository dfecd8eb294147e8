namespace Net80211.Scan;

/// <summary>
/// How a BSS protects its traffic, as its beacon or probe response advertises it (the summary
/// <c>ifconfig list scan</c> prints in its CAPS/IE columns). Flags, because a transitional AP
/// offers WPA and WPA2 at once.
/// </summary>
/// <remarks>
/// Classification (IEEE 802.11-2020 12.6.1 and the WPA 1.0 specification): an RSN element means
/// <see cref="Wpa2"/> (an RSNA; SAE and OWE networks carry one too); the Microsoft WPA vendor
/// element means <see cref="Wpa"/>; neither element but the Privacy capability bit set means
/// <see cref="Wep"/> (pre-RSNA, 9.4.1.4); nothing at all is <see cref="Open"/>.
/// </remarks>
[Flags]
public enum ScanSecurity
{
    /// <summary>No protection advertised. As a requirement: any security the privacy setting allows.</summary>
    Open = 0,
    /// <summary>Privacy bit without an RSN or WPA element: static WEP.</summary>
    Wep = 1 << 0,
    /// <summary>WPA vendor element (00-50-F2:1).</summary>
    Wpa = 1 << 1,
    /// <summary>RSN element (IEEE 802.11i / WPA2 and later).</summary>
    Wpa2 = 1 << 2,
}

/// <summary>The one classification rule (the remarks of <see cref="ScanSecurity"/>), shared by the scan cache
/// and the capture scanner.</summary>
public static class ScanSecurityRules
{
    public static ScanSecurity Classify(bool privacy, bool hasWpa, bool hasRsn)
    {
        var security = (hasRsn ? ScanSecurity.Wpa2 : ScanSecurity.Open) | (hasWpa ? ScanSecurity.Wpa : ScanSecurity.Open);
        return security == ScanSecurity.Open && privacy ? ScanSecurity.Wep : security;
    }
}
