using Net80211.Channels;
using Net80211.Rates;

namespace Net80211.Scan;

/// <summary>What the VAP wants of a BSS (the vap fields match_bss reads: iv_des_ssid, iv_des_bssid,
/// iv_des_chan, IEEE80211_F_PRIVACY, the rate set, the opmode).</summary>
/// <param name="Ssid">Configured SSID; null or empty accepts any (a hidden one still cannot be joined).</param>
/// <param name="DesiredBssid">Zero accepts any.</param>
/// <param name="DesiredChannel">Null accepts any; otherwise compared by frequency (isexcluded).</param>
/// <param name="Privacy">The VAP uses privacy: only BSSs with the Privacy bit; without it, only BSSs without.</param>
/// <param name="RequiredSecurity"><see cref="ScanSecurity.Open"/> adds nothing to <paramref name="Privacy"/>;
/// otherwise the BSS must offer at least one of the flags given (Wpa | Wpa2 accepts either).</param>
/// <param name="OurRates">Rates we support; the BSS's basic rates must all be among them.</param>
/// <param name="IbssMode">Join an IBSS (IBSS capability bit) rather than an ESS.</param>
public readonly record struct BssCriteria(
    byte[]? Ssid,
    MacAddress DesiredBssid,
    Ieee80211Channel? DesiredChannel,
    bool Privacy,
    ScanSecurity RequiredSecurity,
    RateSet OurRates,
    bool IbssMode);
