namespace Net80211.Frames;

/// <summary>AKM suite selectors (IEEE 802.11-2020 9.4.2.24.3, Table 9-151), OUI then type as in <see cref="CipherSuite"/>.</summary>
public enum AkmSuite : uint
{
    Ieee8021X = 0x000FAC01,
    Psk = 0x000FAC02,
    FtIeee8021X = 0x000FAC03,
    FtPsk = 0x000FAC04,
    Ieee8021XSha256 = 0x000FAC05,
    PskSha256 = 0x000FAC06,
    Tdls = 0x000FAC07,
    Sae = 0x000FAC08,
    FtSae = 0x000FAC09,
    ApPeerKey = 0x000FAC0A,
    Ieee8021XSuiteB = 0x000FAC0B,
    Ieee8021XSuiteB192 = 0x000FAC0C,
    FtIeee8021XSha384 = 0x000FAC0D,
    FilsSha256 = 0x000FAC0E,
    FilsSha384 = 0x000FAC0F,
    FtFilsSha256 = 0x000FAC10,
    FtFilsSha384 = 0x000FAC11,
    Owe = 0x000FAC12,

    // WPA element selectors, OUI 00-50-F2.
    WpaIeee8021X = 0x0050F201,
    WpaPsk = 0x0050F202,
}
