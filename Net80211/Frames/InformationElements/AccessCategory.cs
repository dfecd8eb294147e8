namespace Net80211.Frames;

/// <summary>EDCA access categories as numbered by the ACI subfield (IEEE 802.11-2020 9.4.2.28, Table 9-155).</summary>
public enum AccessCategory : byte
{
    BestEffort = 0,
    Background = 1,
    Video = 2,
    Voice = 3,
}
