using System.Globalization;
using System.Text;
using Net80211.Channels;
using Net80211.Rates;

namespace Net80211.Scan;

/// <summary>
/// One BSS heard in beacons or probe responses (FreeBSD's <c>struct ieee80211_scan_entry</c> plus the
/// private <c>struct sta_entry</c> bookkeeping). Entries are owned and updated by a <see cref="ScanCache"/>
/// on the radio's queue; readers see the state after the last frame recorded.
/// </summary>
public sealed class ScanEntry
{
    /// <summary>FreeBSD's IEEE80211_RSSI_LPF_LEN: each new sample moves the average a tenth of the way.</summary>
    public const int RssiFilterLength = 10;

    internal ScanEntry(MacAddress bssid, TimeSpan firstSeen)
    {
        Bssid = bssid;
        FirstSeen = firstSeen;
        LastSeen = firstSeen;
    }

    /// <summary>The BSSID (Address 3 of the frame); the key of the cache.</summary>
    public MacAddress Bssid { get; }
    /// <summary>Address 2 of the last frame: the AP, or in an IBSS the member that last beaconed.</summary>
    public MacAddress TransmitterAddress { get; internal set; }
    /// <summary>The SSID octets; empty while a hidden network has not revealed it in a probe response.</summary>
    public byte[] Ssid { get; internal set; } = [];
    /// <summary>The BSS's own channel: from the DS Parameter Set when the frame carried one (2.4 GHz frames
    /// leak onto neighbouring channels), else the channel the frame was received on.</summary>
    public Ieee80211Channel Channel { get; internal set; } = null!;
    public ushort BeaconIntervalTu { get; internal set; }
    /// <summary>Capability Information field (9.4.1.4) as sent.</summary>
    public ushort CapabilityInfo { get; internal set; }
    /// <summary><see cref="CapabilityInfo"/> as flags.</summary>
    public Frames.CapabilityInfo Capabilities => (Frames.CapabilityInfo)CapabilityInfo;
    /// <summary>Supported and Extended Supported Rates merged (basic bits kept).</summary>
    public RateSet Rates { get; internal set; }
    /// <summary>Smoothed RSSI in dBm (exponential average over on-channel frames, 1/<see cref="RssiFilterLength"/> weight).</summary>
    public double RssiDbm { get; internal set; }
    /// <summary>RSSI of the last frame, unsmoothed.</summary>
    public int LastRssiDbm { get; internal set; }
    public int NoiseDbm { get; internal set; }
    /// <summary>The BSS's TSF from the last frame, in µs.</summary>
    public ulong Timestamp { get; internal set; }
    /// <summary>DTIM period from the last beacon's TIM element; 0 until a beacon carried one.</summary>
    public byte DtimPeriod { get; internal set; }
    /// <summary>Raw copy of the last frame's element list, for scan listings (<c>ifconfig list scan</c>).</summary>
    public byte[] InformationElements { get; internal set; } = [];
    public ScanSecurity Security { get; internal set; }
    /// <summary>Suites of the RSN element, when there was one.</summary>
    public SecuritySuites? RsnSuites { get; internal set; }
    /// <summary>Suites of the WPA element, when there was one.</summary>
    public SecuritySuites? WpaSuites { get; internal set; }
    /// <summary>A WMM Information or Parameter element was present.</summary>
    public bool HasWmm { get; internal set; }
    /// <summary>An HT Capabilities element was present.</summary>
    public bool HasHt { get; internal set; }
    /// <summary>The last beacon's SSID was empty or all zero octets (a "hidden" network).</summary>
    public bool HiddenSsid { get; internal set; }
    /// <summary>The last frame came from a neighbouring channel (DS channel differs from the receive channel).</summary>
    public bool OffChannel { get; internal set; }
    public long BeaconCount { get; internal set; }
    public long ProbeResponseCount { get; internal set; }
    /// <summary>When the last frame was recorded (queue clock).</summary>
    public TimeSpan LastSeen { get; internal set; }
    public TimeSpan FirstSeen { get; }
    /// <summary>Failed join attempts since the last success (<see cref="ScanCache.MarkFailure"/>).</summary>
    public int FailCount { get; internal set; }
    /// <summary>While set and in the future, selection skips this BSS (join-failure backoff).</summary>
    public TimeSpan? RetryAfter { get; internal set; }

    internal bool HasRssi { get; set; }

    /// <summary>True when the SSID is known (a visible network, or a hidden one a probe response revealed).</summary>
    public bool SsidKnown => Ssid.Length > 0;

    /// <summary>Folds one RSSI sample into the average; the first sample is taken as is.</summary>
    internal void AddRssi(int rssiDbm)
    {
        LastRssiDbm = rssiDbm;
        RssiDbm = HasRssi ? RssiDbm + (rssiDbm - RssiDbm) / RssiFilterLength : rssiDbm;
        HasRssi = true;
    }

    /// <summary>One line in the spirit of <c>ifconfig wlan0 list scan</c>:
    /// SSID, BSSID, channel, smoothed RSSI/noise, beacon interval, capabilities and security.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(96);
        string ssid = SsidKnown ? Net80211.Ssid.Format(Ssid) : "<hidden>";
        sb.Append(CultureInfo.InvariantCulture, $"{ssid,-16} {Bssid} {Channel?.Ieee,3} {RssiDbm,6:F1}:{NoiseDbm} {BeaconIntervalTu,4} ");
        sb.Append(Capabilities.HasFlag(Frames.CapabilityInfo.Ess) ? 'E' : Capabilities.HasFlag(Frames.CapabilityInfo.Ibss) ? 'I' : '-');
        sb.Append(Capabilities.HasFlag(Frames.CapabilityInfo.Privacy) ? 'P' : '-');
        sb.Append(' ').Append(Security == ScanSecurity.Open ? "open" : Security.ToString());
        if (HasWmm) sb.Append(" WME");
        if (HasHt) sb.Append(" HT");
        if (HiddenSsid) sb.Append(" hidden");
        return sb.ToString();
    }
}
