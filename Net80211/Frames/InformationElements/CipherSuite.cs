namespace Net80211.Frames;

/// <summary>Cipher suite selectors (IEEE 802.11-2020 9.4.2.24.2, Table 9-149) as 32-bit values:
/// the three OUI octets followed by the suite type, read big-endian so the hex reads like the
/// standard's "00-0F-AC:4".</summary>
public enum CipherSuite : uint
{
    /// <summary>RSN: use the group cipher as pairwise cipher (legacy).</summary>
    UseGroup = 0x000FAC00,
    Wep40 = 0x000FAC01,
    Tkip = 0x000FAC02,
    Ccmp128 = 0x000FAC04,
    Wep104 = 0x000FAC05,
    BipCmac128 = 0x000FAC06,
    /// <summary>Group-addressed traffic not allowed.</summary>
    GroupAddressedTrafficNotAllowed = 0x000FAC07,
    Gcmp128 = 0x000FAC08,
    Gcmp256 = 0x000FAC09,
    Ccmp256 = 0x000FAC0A,
    BipGmac128 = 0x000FAC0B,
    BipGmac256 = 0x000FAC0C,
    BipCmac256 = 0x000FAC0D,

    // Pre-RSNA WPA element selectors, OUI 00-50-F2.
    WpaNone = 0x0050F200,
    WpaWep40 = 0x0050F201,
    WpaTkip = 0x0050F202,
    WpaCcmp = 0x0050F204,
    WpaWep104 = 0x0050F205,
}
