namespace Net80211.Frames;

/// <summary>HT Protection subfield of HT Operation (IEEE 802.11-2020 9.4.2.57, 10.27.3).</summary>
public enum HtProtection : byte
{
    None = 0,
    NonMember = 1,
    TwentyMhz = 2,
    NonHtMixed = 3,
}
