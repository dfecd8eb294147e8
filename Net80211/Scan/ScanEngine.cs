using Net80211.Channels;
using Net80211.Frames;
using Net80211.Radio;
using Net80211.Scheduling;

namespace Net80211.Scan;

/// <summary>
/// The software scanner of one radio (ic_scan with ieee80211_scan_sw.c): steps the radio through a list
/// of channels, asks the client for probe requests where probing is allowed, and dwells on each channel
/// for a time bounded by the request's MinDwell and MaxDwell. One <see cref="Callout"/> drives it; all of it
/// runs on the radio's work queue, and calling it from elsewhere is a programming error
/// (<see cref="InvalidOperationException"/>).
/// </summary>
/// <remarks>
/// <para><b>Sequence.</b> <see cref="TryStart"/> defers the start to the queue (scan_start is a task in
/// FreeBSD), which calls the driver's <c>ScanStart</c>, then for each channel <see cref="Ieee80211Com.SetCurrentChannel"/>,
/// the probes, the dwell; after the last channel the driver's <c>ScanEnd</c>, then
/// <see cref="IScanClient.ScanCompleted"/>, then the return to <see cref="ChannelBeforeScan"/> unless the
/// client kept the channel (picked a BSS) or tuned elsewhere.</para>
/// <para><b>Probing.</b> On an active channel — the request is active and the channel is not passive, no-IR
/// or DFS (<see cref="ScanChannels.IsPassive"/>) — one probe per requested SSID (the wildcard SSID when
/// none) is asked for on arrival (ieee80211_swscan_probe_curchan) and once more at MaxDwell/2 if the
/// channel has not been left by then, covering a lost probe or response. Other channels are listened to
/// only.</para>
/// <para><b>Dwell rule.</b> FreeBSD's add_scan leaves a channel as soon as a beacon or probe response is
/// recorded once mindwell has passed; otherwise the channel is left at maxdwell. This engine keeps that
/// and completes it: a response heard <i>before</i> MinDwell makes the engine leave at MinDwell (FreeBSD
/// would wait for a further frame after mindwell, or maxdwell). So an active channel takes MinDwell when
/// something answered early, the time of the first answer when it came between MinDwell and MaxDwell,
/// and MaxDwell when nothing answered. A passive channel (or a passive scan) is always listened to for
/// MaxDwell: APs beacon at their own phases across a ~102 ms interval, so the first beacon heard says
/// nothing about the others, while probe responses all follow the probe closely.</para>
/// </remarks>
public sealed class ScanEngine : IDisposable
{
    private enum Phase { Idle, Starting, Dwelling, Offloaded, BetweenSweeps }

    private static readonly Action<object?> TimerFired = static s => ((ScanEngine)s!).OnTimer();

    private readonly Ieee80211Com _ic;
    private readonly Callout _timer;
    private Phase _phase;
    private bool _offloadReported;
    private TimeSpan _sweepRequested;
    private ScanRequest? _request;
    private IScanClient? _client;
    private List<Ieee80211Channel> _channels = [];
    private int _next;
    private Ieee80211Channel? _dwellChannel;
    private bool _dwellActive, _heard, _retransmitted;
    private TimeSpan _scanStarted, _channelEntered;
    private int _sweep, _visitedThisSweep;
    private bool _inCallback, _cancelledInCallback;

    public ScanEngine(Ieee80211Com ic)
    {
        _ic = ic ?? throw new ArgumentNullException(nameof(ic));
        _timer = ic.CreateCallout();
        Cache = new ScanCache(ic);
    }

    /// <summary>The radio's scan cache (FreeBSD keeps one table per ic_scan).</summary>
    public ScanCache Cache { get; }

    /// <summary>A scan has been started and has not completed or been cancelled (IEEE80211_F_SCAN).</summary>
    public bool IsScanning => _phase != Phase.Idle;

    /// <summary>The channel the radio was on when the scan started (restored afterwards).</summary>
    public Ieee80211Channel? ChannelBeforeScan { get; private set; }

    /// <summary>The channel being dwelt on, null between channels or when idle.</summary>
    public Ieee80211Channel? ScanChannel => _phase == Phase.Dwelling ? _dwellChannel : null;

    /// <summary>The channels of the scan in progress, in visiting order.</summary>
    public IReadOnlyList<Ieee80211Channel> Channels => _channels;

    public ScanRequest? CurrentRequest => _request;
    public IScanClient? Client => _client;

    // ---- statistics (is_scan_* in FreeBSD's ieee80211_stats) ----
    public long ScansStarted { get; private set; }
    public long ScansCompleted { get; private set; }
    public long ScansCancelled { get; private set; }
    public long ChannelsVisited { get; private set; }
    public long ProbeRequestsSent { get; private set; }
    /// <summary>Calls to <see cref="NotifyResponse"/> while dwelling.</summary>
    public long ResponsesNoticed { get; private set; }

    private TimeSpan Now => _ic.Now;

    /// <summary>
    /// Starts a scan for <paramref name="client"/>. While a scan runs, a request from the same client is
    /// accepted and leaves the running scan as it is ("scan already in progress", as
    /// ieee80211_start_scan); one from another client is refused.
    /// </summary>
    /// <returns>False with <paramref name="error"/> when refused: busy with another client, bad dwell
    /// times, an SSID over 32 octets, a channel the radio does not have, or no channel at all.</returns>
    public bool TryStart(ScanRequest request, IScanClient client, out string? error)
    {
        AssertOnQueue();
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (IsScanning)
        {
            if (ReferenceEquals(client, _client) && !_cancelledInCallback)
            {
                error = null;
                return true;
            }
            error = $"{_ic.Name}: scan already in progress";
            return false;
        }
        if (!TryBuildChannelList(request, out var channels, out error)) return false;

        // A scan started from ScanCompleted still owes the return to where the first one started.
        ChannelBeforeScan = _inCallback ? ChannelBeforeScan : _ic.CurrentChannel;
        _request = request;
        _client = client;
        _channels = channels;
        _scanStarted = Now;
        _sweep = 0;
        _cancelledInCallback = false;
        ScansStarted++;
        BeginSweep();
        error = null;
        return true;
    }

    /// <summary>Stops the scan (ieee80211_cancel_scan): the driver's <c>ScanEnd</c> if it had been told of
    /// the start, then <see cref="IScanClient.ScanCompleted"/> with <see cref="ScanStatus.Cancelled"/>
    /// (synchronously), then the channel is restored. Called from inside a repeating scan's
    /// <see cref="IScanClient.ScanCompleted"/>, it just stops the repeat. No-op when idle.</summary>
    public void Cancel()
    {
        AssertOnQueue();
        if (!IsScanning) return;
        if (_inCallback)
        {
            _cancelledInCallback = true;
            return;
        }
        Finish(ScanStatus.Cancelled);
    }

    /// <summary>
    /// A beacon or probe response was received on the channel being scanned (ieee80211_add_scan's
    /// mindwell check). On an active channel the engine leaves once MinDwell has passed; see the class
    /// remarks for the full rule. Ignored when not dwelling.
    /// </summary>
    public void NotifyResponse()
    {
        AssertOnQueue();
        if (_phase != Phase.Dwelling) return;
        ResponsesNoticed++;
        if (!_dwellActive || _heard) return;
        _heard = true;
        // Leave asap, from the queue rather than from inside the caller's receive path (scan_signal).
        if (Now - _channelEntered >= _request!.MinDwell) _timer.Reset(TimeSpan.Zero, TimerFired, this);
    }

    /// <summary>
    /// Records a beacon or probe response heard on the current channel in <see cref="Cache"/> and, when it
    /// was accepted and a scan is dwelling, counts it as a response (ieee80211_add_scan).
    /// </summary>
    public bool TryAddResult(ReadOnlySpan<byte> managementFrame, int rssiDbm, int noiseDbm, out ScanEntry? entry, out FrameParseError error)
    {
        AssertOnQueue();
        var rx = _ic.CurrentChannel;
        if (rx is null)
        {
            entry = null;
            error = FrameParseError.None;
            return false;
        }
        if (!Cache.TryRecord(managementFrame, rssiDbm, noiseDbm, rx, out entry, out error)) return false;
        NotifyResponse();
        return true;
    }

    public void Dispose() => _timer.Dispose();

    // ---- the sweep ----

    private void BeginSweep()
    {
        _sweep++;
        _next = 0;
        _visitedThisSweep = 0;
        _dwellChannel = null;
        _phase = Phase.Starting;
        _sweepRequested = Now;
        _timer.Reset(TimeSpan.Zero, TimerFired, this);
    }

    /// <summary>Longest a sweep waits for frames already handed to the driver before leaving the channel.</summary>
    public static readonly TimeSpan FlushLimit = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan FlushPoll = TimeSpan.FromMilliseconds(1);

    /// <summary>mac80211's flush before going off channel: a frame the driver still holds (the DEAUTH a station
    /// sent on its way to SCAN) leaves on the channel it was meant for. Bounded, so a stuck transmitter or
    /// steady traffic cannot hold the scan back.</summary>
    private bool WaitForPendingTransmissions()
    {
        if (_ic.TxSubmitted == _ic.TxCompleted || Now - _sweepRequested >= FlushLimit) return false;
        FlushWaits++;
        _timer.Reset(FlushPoll, TimerFired, this);
        return true;
    }

    /// <summary>Times a sweep start waited for the driver's pending frames (<see cref="FlushLimit"/>).</summary>
    public long FlushWaits { get; private set; }

    private void OnTimer()
    {
        switch (_phase)
        {
            case Phase.Starting:
                if (WaitForPendingTransmissions()) return;
                if ((_ic.Caps & RadioCapabilities.ScanOffload) != 0)
                {
                    StartOffloaded();
                    return;
                }
                _ic.Driver.ScanStart(_ic);
                NextChannel();
                return;
            case Phase.Offloaded:
                // The firmware never reported the end (it died, or lost the request): do not hang the client.
                OffloadTimeouts++;
                Finish(ScanStatus.Done);
                return;
            case Phase.Dwelling:
                Dwell();
                return;
            default:
                return;
        }
    }

    /// <summary>IEEE80211_FEXT_SCAN_OFFLOAD: the driver's ScanStart hands the whole sweep (channels,
    /// SSIDs, dwell) to the firmware, which reports the end through <see cref="OffloadScanDone"/>.</summary>
    private void StartOffloaded()
    {
        _phase = Phase.Offloaded;
        _visitedThisSweep = _channels.Count;
        ChannelsVisited += _channels.Count;
        _ic.Driver.ScanStart(_ic);
        if (_phase != Phase.Offloaded) return;   // the driver failed it at once
        _timer.Reset(OffloadGrace + _request!.MaxDwell * _channels.Count, TimerFired, this);
    }

    /// <summary>
    /// ieee80211_scan_done for an offloaded scan: the firmware finished the sweep (or stopped it,
    /// <paramref name="aborted"/>). Results arrived meanwhile as beacons and probe responses through
    /// RxEnqueue. Ignored (and counted) when no offloaded scan is running: a late or duplicate report.
    /// </summary>
    public void OffloadScanDone(bool aborted)
    {
        AssertOnQueue();
        if (_phase != Phase.Offloaded)
        {
            StrayOffloadReports++;
            return;
        }
        _offloadReported = true;
        Finish(aborted ? ScanStatus.Cancelled : ScanStatus.Done);
    }

    /// <summary>Offloaded scans the engine had to end itself because the driver never reported them done.</summary>
    public long OffloadTimeouts { get; private set; }

    /// <summary><see cref="OffloadScanDone"/> calls that matched no running offloaded scan.</summary>
    public long StrayOffloadReports { get; private set; }

    /// <summary>Slack over the request's dwell budget before an offloaded scan is given up on.</summary>
    public static readonly TimeSpan OffloadGrace = TimeSpan.FromSeconds(10);

    private void NextChannel()
    {
        Ieee80211Channel? channel = null;
        while (channel is null && _next < _channels.Count) channel = StillActive(_channels[_next++]);
        if (channel is null)
        {
            Finish(ScanStatus.Done);
            return;
        }
        _phase = Phase.Dwelling;
        _dwellChannel = channel;
        _dwellActive = _request!.Active && !ScanChannels.IsPassive(channel);
        _heard = false;
        _retransmitted = false;
        _channelEntered = Now;
        _visitedThisSweep++;
        ChannelsVisited++;
        _ic.SetCurrentChannel(channel);
        if (_dwellActive && !SendProbes(channel)) return;
        Arm();
    }

    private void Dwell()
    {
        var request = _request!;
        TimeSpan elapsed = Now - _channelEntered;
        if (elapsed >= request.MaxDwell || (_heard && elapsed >= request.MinDwell))
        {
            NextChannel();
            return;
        }
        if (_dwellActive && !_retransmitted && elapsed >= request.MaxDwell / 2)
        {
            _retransmitted = true;
            if (!SendProbes(_dwellChannel!)) return;
        }
        Arm();
    }

    /// <summary>Arms the callout for the next thing due on this channel: the MinDwell check, the probe
    /// retransmission, or MaxDwell.</summary>
    private void Arm()
    {
        var request = _request!;
        TimeSpan elapsed = Now - _channelEntered;
        TimeSpan due = request.MaxDwell;
        if (_dwellActive)
        {
            if (elapsed < request.MinDwell) due = Min(due, request.MinDwell);
            if (!_retransmitted) due = Min(due, request.MaxDwell / 2);
        }
        _timer.Reset(due - elapsed, TimerFired, this);
    }

    /// <summary>Asks for the probes; false when the client cancelled the scan from inside the callback.</summary>
    private bool SendProbes(Ieee80211Channel channel)
    {
        var ssids = _request!.Ssids;
        var client = _client!;
        int count = Math.Max(1, ssids.Count);
        for (int i = 0; i < count; i++)
        {
            ProbeRequestsSent++;
            client.SendProbeRequest(channel, ssids.Count == 0 ? [] : ssids[i]);
            if (_phase != Phase.Dwelling || _dwellChannel != channel) return false;
        }
        return true;
    }

    private void Finish(ScanStatus status)
    {
        _timer.Stop();
        var request = _request!;
        var client = _client!;
        // ic_scan_end; for an offloaded scan only when the firmware is still at it (a cancel or a timeout):
        // one that reported its own end has nothing to stop.
        if (_phase != Phase.Starting && !_offloadReported) _ic.Driver.ScanEnd(_ic);
        _offloadReported = false;
        var lastChannel = _ic.CurrentChannel;
        var before = ChannelBeforeScan;
        bool repeat = status == ScanStatus.Done && !request.Once;
        var result = new ScanCompletion(request, status, _visitedThisSweep, _sweep, Now - _scanStarted, before, repeat);
        _dwellChannel = null;
        if (status == ScanStatus.Cancelled) ScansCancelled++;

        if (repeat)
        {
            _phase = Phase.BetweenSweeps;
            Callback(client, result);
            if (!result.KeepChannel && !_cancelledInCallback)
            {
                BeginSweep();
                return;
            }
            if (_cancelledInCallback) ScansCancelled++;
            else ScansCompleted++;
            Idle();
            if (!result.KeepChannel) Restore(lastChannel, before);
            return;
        }

        if (status == ScanStatus.Done) ScansCompleted++;
        Idle();
        Callback(client, result);
        if (!result.KeepChannel && !IsScanning) Restore(lastChannel, before);
    }

    private void Callback(IScanClient client, ScanCompletion result)
    {
        _inCallback = true;
        try { client.ScanCompleted(result); }
        finally { _inCallback = false; }
    }

    private void Idle()
    {
        _phase = Phase.Idle;
        _request = null;
        _client = null;
        _cancelledInCallback = false;
    }

    /// <summary>Back to where the scan started, unless the client has tuned elsewhere meanwhile or the
    /// frequency has left the active list.</summary>
    private void Restore(Ieee80211Channel? lastChannel, Ieee80211Channel? before)
    {
        var current = _ic.CurrentChannel;
        if (before is null || current != lastChannel) return;
        before = StillActive(before);
        if (before is null || current == before) return;
        _ic.SetCurrentChannel(before);
    }

    /// <summary>The channel itself while it is in the radio's active list; after the list was rebuilt (a new
    /// regulatory domain makes new channel objects) the preferred variant of its frequency; null when the
    /// frequency is gone.</summary>
    private Ieee80211Channel? StillActive(Ieee80211Channel channel)
    {
        var active = _ic.Channels;
        return active.IndexOf(channel) >= 0 ? channel : ScanChannels.Preferred(active, channel.FrequencyMhz);
    }

    private bool TryBuildChannelList(ScanRequest request, out List<Ieee80211Channel> channels, out string? error)
    {
        channels = [];
        if (request.MaxDwell <= TimeSpan.Zero || request.MinDwell < TimeSpan.Zero || request.MinDwell > request.MaxDwell)
        {
            error = $"bad dwell times: min {request.MinDwell.TotalMilliseconds} ms, max {request.MaxDwell.TotalMilliseconds} ms";
            return false;
        }
        foreach (var ssid in request.Ssids)
        {
            if (ssid is null || ssid.Length > SsidElement.MaxLength)
            {
                error = "an SSID is 0..32 octets";
                return false;
            }
        }
        var active = _ic.Channels;
        if (request.Channels is null)
        {
            channels = ScanChannels.OnePerFrequency(active);
        }
        else
        {
            var frequencies = new HashSet<int>();
            foreach (var c in request.Channels)
            {
                if (c is null) continue;
                var use = active.IndexOf(c) >= 0 ? c : ScanChannels.Preferred(active, c.FrequencyMhz);
                if (use is null)
                {
                    error = $"{_ic.Name}: channel {c.Ieee} ({c.FrequencyMhz} MHz) is not available";
                    return false;
                }
                if (frequencies.Add(use.FrequencyMhz)) channels.Add(use);
            }
        }
        if (channels.Count == 0)
        {
            error = $"{_ic.Name}: no channels to scan";
            return false;
        }
        error = null;
        return true;
    }

    private void AssertOnQueue()
    {
        if (!_ic.Queue.IsCurrent)
            throw new InvalidOperationException($"{_ic.Name}: the scan engine runs on the radio's work queue only");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
