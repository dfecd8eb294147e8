namespace Net80211.Vap.RateControl;

/// <summary>AMRR's per-node state (struct ieee80211_amrr_node), kept in <see cref="Nodes.Ieee80211Node.RateControlState"/>.</summary>
public sealed class AmrrNodeState
{
    /// <summary>Index of the current rate in the node's negotiated rate set (amn_rix).</summary>
    public int RateIndex { get; internal set; }
    /// <summary>Consecutive successful intervals at the current rate (amn_success).</summary>
    public int SuccessCount { get; internal set; }
    /// <summary>Successful intervals needed before probing the next rate up (amn_success_threshold).</summary>
    public int SuccessThreshold { get; internal set; }
    /// <summary>The last decision was an upgrade: a failure now means the probe failed (amn_recovery).</summary>
    public bool Recovery { get; internal set; }
    /// <summary>Frames completed in the current interval (amn_txcnt).</summary>
    public int TxCount { get; internal set; }
    /// <summary>Frames acknowledged in the current interval.</summary>
    public int AckedCount { get; internal set; }
    /// <summary>Retransmissions in the current interval (amn_retrycnt).</summary>
    public int RetryCount { get; internal set; }
    /// <summary>TimeProvider timestamp of the last decision (amn_ticks).</summary>
    public long LastDecision { get; internal set; }
    /// <summary>Decisions taken so far, and how many raised or lowered the rate.</summary>
    public int Decisions { get; internal set; }
    public int Increases { get; internal set; }
    public int Decreases { get; internal set; }
}
