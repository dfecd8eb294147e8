namespace Net80211.Frames;

/// <summary>Organizationally unique identifiers seen in vendor elements and suite selectors, as 24-bit values.</summary>
public static class VendorOui
{
    /// <summary>00-0F-AC, IEEE 802.11 itself (RSN suite selectors).</summary>
    public const uint Ieee80211 = 0x000FAC;

    /// <summary>00-50-F2, Microsoft: WPA (type 1), WMM (type 2), WPS (type 4).</summary>
    public const uint Microsoft = 0x0050F2;

    /// <summary>50-6F-9A, Wi-Fi Alliance: P2P, Hotspot 2.0, OWE transition, ...</summary>
    public const uint WiFiAlliance = 0x506F9A;

    public const byte MicrosoftTypeWpa = 1;
    public const byte MicrosoftTypeWmm = 2;
    public const byte MicrosoftTypeWps = 4;
}
