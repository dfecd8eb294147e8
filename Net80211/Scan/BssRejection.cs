namespace Net80211.Scan;

/// <summary>Why a scan entry is not a candidate to join (FreeBSD's MATCH_* bits in ieee80211_scan_sta.c).
/// All reasons that apply are reported together.</summary>
[Flags]
public enum BssRejection
{
    None = 0,
    /// <summary>The SSID differs from the configured one, or is not known (a hidden network no probe response has revealed).</summary>
    Ssid = 1 << 0,
    /// <summary>Not the BSSID the VAP was told to use.</summary>
    Bssid = 1 << 1,
    /// <summary>Not on the desired channel's frequency.</summary>
    Channel = 1 << 2,
    /// <summary>The Privacy capability bit does not match what the VAP wants (MATCH_PRIVACY).</summary>
    Privacy = 1 << 3,
    /// <summary>None of the required security protocols is offered.</summary>
    Security = 1 << 4,
    /// <summary>A basic rate of the BSS we do not support, or no rate in common (MATCH_RATE).</summary>
    Rates = 1 << 5,
    /// <summary>ESS where an IBSS is wanted or the reverse (MATCH_CAPINFO).</summary>
    Capability = 1 << 6,
    /// <summary>Still in join-failure backoff (<see cref="ScanEntry.RetryAfter"/>).</summary>
    Failed = 1 << 7,
    /// <summary>Hidden SSID and no SSID configured: there is nothing to associate with.</summary>
    Hidden = 1 << 8,
}
