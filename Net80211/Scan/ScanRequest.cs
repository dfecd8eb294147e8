using Net80211.Channels;

namespace Net80211.Scan;

/// <summary>What to scan for and how (the arguments of ieee80211_start_scan).</summary>
public sealed record ScanRequest
{
    /// <summary>FreeBSD's station default mindwell (sta_start): 20 ms.</summary>
    public static readonly TimeSpan DefaultMinDwell = TimeSpan.FromMilliseconds(20);
    /// <summary>FreeBSD's station default maxdwell (sta_start): 200 ms.</summary>
    public static readonly TimeSpan DefaultMaxDwell = TimeSpan.FromMilliseconds(200);

    /// <summary>SSIDs to probe for, one directed probe each; empty sends one wildcard probe.</summary>
    public IReadOnlyList<byte[]> Ssids { get; init; } = [];

    /// <summary>Send probe requests where allowed. False listens everywhere (a passive scan).</summary>
    public bool Active { get; init; } = true;

    /// <summary>Channels to visit, in order; null visits every active channel of the radio once per
    /// frequency (<see cref="ScanChannels.OnePerFrequency"/>). A channel not in the radio's active list is
    /// replaced by the radio's preferred variant of its frequency.</summary>
    public IReadOnlyList<Ieee80211Channel>? Channels { get; init; }

    /// <summary>Least time on an active channel; after it, a channel where something answered is left.</summary>
    public TimeSpan MinDwell { get; init; } = DefaultMinDwell;

    /// <summary>Most time on a channel; passive channels are always listened to this long.</summary>
    public TimeSpan MaxDwell { get; init; } = DefaultMaxDwell;

    /// <summary>One sweep (IEEE80211_SCAN_ONCE). False sweeps again and again until the client keeps a
    /// result (<see cref="ScanCompletion.KeepChannel"/>) or cancels.</summary>
    public bool Once { get; init; } = true;
}
