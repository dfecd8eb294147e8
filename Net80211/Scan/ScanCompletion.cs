using Net80211.Channels;

namespace Net80211.Scan;

/// <summary>What <see cref="IScanClient.ScanCompleted"/> is told, and the one answer it may give.</summary>
public sealed class ScanCompletion
{
    internal ScanCompletion(ScanRequest request, ScanStatus status, int channelsVisited, int sweep, TimeSpan duration,
        Ieee80211Channel? channelBeforeScan, bool willRepeat)
    {
        Request = request;
        Status = status;
        ChannelsVisited = channelsVisited;
        Sweep = sweep;
        Duration = duration;
        ChannelBeforeScan = channelBeforeScan;
        WillRepeat = willRepeat;
    }

    public ScanRequest Request { get; }
    public ScanStatus Status { get; }
    /// <summary>Channels tuned to in this sweep.</summary>
    public int ChannelsVisited { get; }
    /// <summary>1 for the first sweep; counts up for a repeating (<see cref="ScanRequest.Once"/> = false) scan.</summary>
    public int Sweep { get; }
    /// <summary>From the start of the scan to now (all sweeps).</summary>
    public TimeSpan Duration { get; }
    /// <summary>The channel the radio was on when the scan started; the engine returns there afterwards
    /// unless <see cref="KeepChannel"/> is set or the client tunes elsewhere.</summary>
    public Ieee80211Channel? ChannelBeforeScan { get; }
    /// <summary>A repeating scan that will sweep again after this callback unless the client sets
    /// <see cref="KeepChannel"/> or cancels.</summary>
    public bool WillRepeat { get; }

    /// <summary>Set by the client when it picked a BSS and will tune to it itself: the engine leaves the radio
    /// where it is (and a repeating scan stops), as FreeBSD leaves the channel to ieee80211_sta_join.</summary>
    public bool KeepChannel { get; set; }
}
