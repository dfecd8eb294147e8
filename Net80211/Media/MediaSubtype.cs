namespace Net80211.Media;

/// <summary>The IFM_IEEE80211 media subtypes in use (net/if_media.h): autoselect, the legacy rates, and the HT
/// placeholder "MCS" (a fixed MCS is set another way, not through media).</summary>
public enum MediaSubtype
{
    Auto = 0,
    Ds1,
    Ds2,
    Ds5_5,
    Ds11,
    Ofdm6,
    Ofdm9,
    Ofdm12,
    Ofdm18,
    Ofdm24,
    Ofdm36,
    Ofdm48,
    Ofdm54,
    Mcs,
}
