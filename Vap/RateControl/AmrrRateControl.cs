using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Rates;
using Net80211.Vaps;

namespace Net80211.Vap.RateControl;

/// <summary>The "amrr" rate control module (ieee80211_amrr.c).</summary>
public sealed class AmrrRateControlModule : IRateControlModule
{
    public string Name => AmrrRateControl.ModuleName;
    public IRateControl Create(Ieee80211Vap vap) => new AmrrRateControl(vap);
}

/// <summary>
/// Adaptive Multi Rate Retry (Lacage, Manshaei, Turletti, "IEEE 802.11 Rate Adaptation: A Practical Approach",
/// INRIA RR-5208), as FreeBSD's ieee80211_amrr.c runs it on legacy rates: every interval with enough traffic,
/// a low retry ratio counts as a success and a high one as a failure; after <c>threshold</c> successes in a row
/// the next rate up is probed; a probe that fails falls back and doubles the threshold (up to the maximum), any
/// other failure falls back and resets it to the minimum.
/// </summary>
/// <remarks>
/// One deliberate difference from FreeBSD: its tx_complete adds every acknowledged frame to the same counter that
/// counts successful intervals (amn_success), so with more than 15 frames per interval the threshold never holds
/// it back and it probes upwards every interval. Here, as in the paper, the success counter counts intervals and
/// acknowledged frames are counted apart (<see cref="AmrrNodeState.AckedCount"/>).
/// </remarks>
public sealed class AmrrRateControl : IRateControl
{
    public const string ModuleName = "amrr";
    /// <summary>FreeBSD defaults: 500 ms interval (floored at 100 ms), thresholds 1..15
    /// (IEEE80211_AMRR_MIN/MAX_SUCCESS_THRESHOLD).</summary>
    public const int DefaultIntervalMs = 500;
    public const int MinIntervalMs = 100;
    public const int DefaultMinSuccessThreshold = 1;
    public const int DefaultMaxSuccessThreshold = 15;
    /// <summary>The initial rate is the highest one not above 36 Mb/s (72 in 500 kb/s units), amrr_node_init.</summary>
    public const byte InitialRateCeiling = 72;
    /// <summary>A decision needs more than this many frames in the interval (is_enough).</summary>
    public const int MinFramesForDecision = 10;

    private readonly Ieee80211Vap _vap;
    private int _intervalMs = DefaultIntervalMs;

    public AmrrRateControl(Ieee80211Vap vap)
    {
        ArgumentNullException.ThrowIfNull(vap);
        _vap = vap;
    }

    /// <summary>net.wlan.N.amrr_rate_interval: milliseconds between decisions, at least 100.</summary>
    public int IntervalMs
    {
        get => _intervalMs;
        set => _intervalMs = Math.Max(MinIntervalMs, value);
    }

    /// <summary>net.wlan.N.amrr_min_sucess_threshold (FreeBSD's spelling).</summary>
    public int MinSuccessThreshold { get; set; } = DefaultMinSuccessThreshold;
    /// <summary>net.wlan.N.amrr_max_sucess_threshold (FreeBSD's spelling).</summary>
    public int MaxSuccessThreshold { get; set; } = DefaultMaxSuccessThreshold;
    /// <summary>Also decide as soon as this many frames completed, without waiting for the interval; 0 (the
    /// default, as FreeBSD) decides by time only. Useful for fast links in short simulations.</summary>
    public int FramesPerDecision { get; set; }

    public void SetInterval(TimeSpan interval) => IntervalMs = (int)Math.Clamp(interval.TotalMilliseconds, 0, int.MaxValue);

    /// <summary>The node's AMRR state, or null before <see cref="NodeInit"/>.</summary>
    public static AmrrNodeState? GetState(Ieee80211Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.RateControlState as AmrrNodeState;
    }

    /// <summary>amrr_node_init: (re)start at the highest negotiated rate not above 36 Mb/s. Called again when the
    /// node's rate set changes (association), which resets all state.</summary>
    public void NodeInit(Ieee80211Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.RateControlState is not AmrrNodeState state)
        {
            state = new AmrrNodeState();
            node.RateControlState = state;
        }
        ref readonly RateSet rates = ref node.Rates;
        int rix = rates.Count - 1;
        while (rix > 0 && RateAt(rates, rix) > InitialRateCeiling) rix--;
        state.RateIndex = Math.Max(rix, 0);
        state.SuccessCount = 0;
        state.SuccessThreshold = MinSuccessThreshold;
        state.Recovery = false;
        state.TxCount = state.AckedCount = state.RetryCount = 0;
        state.Decisions = state.Increases = state.Decreases = 0;
        state.LastDecision = _vap.Ic.Time.GetTimestamp();
        node.TxRate = rates.Count > 0 ? RateAt(rates, state.RateIndex) : (byte)0;
    }

    public void NodeDeinit(Ieee80211Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.RateControlState is AmrrNodeState) node.RateControlState = null;
    }

    /// <summary>amrr_rate: the rate for the next data frame, deciding first when an interval with enough frames
    /// has passed. 0 when the node has no rates.</summary>
    public byte Rate(Ieee80211Node node, int frameLength)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.RateControlState is not AmrrNodeState state)
        {
            NodeInit(node);
            state = (AmrrNodeState)node.RateControlState!;
        }
        ref readonly RateSet rates = ref node.Rates;
        if (rates.Count == 0) return 0;
        if (state.RateIndex >= rates.Count) state.RateIndex = rates.Count - 1;   // rate set shrank under us

        TimeProvider time = _vap.Ic.Time;
        long now = time.GetTimestamp();
        if (state.TxCount > MinFramesForDecision
            && (time.GetElapsedTime(state.LastDecision, now).TotalMilliseconds > _intervalMs
                || (FramesPerDecision > 0 && state.TxCount >= FramesPerDecision)))
        {
            Update(state, rates.Count);
            state.LastDecision = now;
        }
        byte rate = RateAt(rates, state.RateIndex);
        node.TxRate = rate;
        return rate;
    }

    /// <summary>amrr_tx_complete: one frame's outcome; retries are transmissions beyond the first.</summary>
    public void TxComplete(Ieee80211Node node, in RateControlTxStatus status)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.RateControlState is not AmrrNodeState state) return;
        state.TxCount++;
        if (status.Success) state.AckedCount++;
        state.RetryCount += Math.Max(0, status.Retries);
    }

    /// <summary>amrr_tx_update: counters read from a device that keeps them itself, replacing the interval's.</summary>
    public static void TxUpdate(Ieee80211Node node, int txCount, int ackedCount, int retryCount)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.RateControlState is not AmrrNodeState state) return;
        state.TxCount = txCount;
        state.AckedCount = ackedCount;
        state.RetryCount = retryCount;
    }

    // amrr_update: one decision from the interval's counters.
    private void Update(AmrrNodeState s, int rateCount)
    {
        s.Decisions++;
        bool success = s.RetryCount < s.TxCount / 10;   // fewer than 10% retried
        bool failure = s.RetryCount > s.TxCount / 3;    // more than a third retried
        if (success)
        {
            s.SuccessCount++;
            if (s.SuccessCount >= s.SuccessThreshold && s.RateIndex + 1 < rateCount)
            {
                s.Recovery = true;
                s.SuccessCount = 0;
                s.RateIndex++;
                s.Increases++;
            }
            else
            {
                s.Recovery = false;
            }
        }
        else if (failure)
        {
            s.SuccessCount = 0;
            if (s.RateIndex > 0)
            {
                // A failure right after an upgrade means the probe failed: wait twice as long before the next.
                s.SuccessThreshold = s.Recovery
                    ? Math.Min(s.SuccessThreshold * 2, MaxSuccessThreshold)
                    : MinSuccessThreshold;
                s.RateIndex--;
                s.Decreases++;
            }
            s.Recovery = false;
        }
        s.TxCount = s.AckedCount = s.RetryCount = 0;
    }

    private static byte RateAt(in RateSet rates, int index) => (byte)(rates[index] & RateSet.ValueMask);
}
