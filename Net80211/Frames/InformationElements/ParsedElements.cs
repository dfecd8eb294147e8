namespace Net80211.Frames;

/// <summary>Which elements <see cref="ParsedIes"/> found.</summary>
[Flags]
public enum ParsedElements : uint
{
    None = 0,
    Ssid = 1 << 0,
    SupportedRates = 1 << 1,
    ExtendedSupportedRates = 1 << 2,
    DsParameterSet = 1 << 3,
    Tim = 1 << 4,
    IbssParameterSet = 1 << 5,
    Country = 1 << 6,
    ChallengeText = 1 << 7,
    ErpInformation = 1 << 8,
    Rsn = 1 << 9,
    HtCapabilities = 1 << 10,
    HtOperation = 1 << 11,
    ExtendedCapabilities = 1 << 12,
    Wpa = 1 << 13,
    WmmInformation = 1 << 14,
    WmmParameter = 1 << 15,
}
