namespace Net80211.Vaps;

/// <summary>
/// Per-VAP drop and event counters (struct ieee80211_stats): every frame the stack refuses is counted
/// under its reason, never silently lost.
/// </summary>
public sealed class VapStatistics
{
    public long RxBadVersion;
    public long RxTooShort;
    public long RxWrongBss;
    public long RxNotForUs;
    public long RxDuplicate;
    public long RxWrongDirection;
    public long RxMcastEcho;
    public long RxNotAssociated;
    public long RxNoPrivacy;
    public long RxDecryptFailed;
    public long RxNoKey;
    public long RxReplay;
    public long RxIntegrityFailure;
    public long RxMsduMicFailure;
    public long RxUnprotected;
    public long TxNoKey;
    public long RxMalformed;
    public long RxUnsupportedSubtype;
    public long RxDropped;
    /// <summary>A new peer's frame dropped because the VAP's node table is full (is_rx_nodealloc): an
    /// authentication flood from made-up addresses cannot grow it without bound.</summary>
    public long RxNodeTableFull;
    public long RxMonitor;
    public long TxNoNode;
    public long TxUnknownManagement;
    public long TxNotRunning;
    public long TxTooBig;
    public long TxDropped;
    public long TxFailed;
    public long StateTransitionsRefused;
}
