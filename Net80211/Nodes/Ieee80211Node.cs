using Net80211.Channels;
using Net80211.Rates;
using Net80211.Vaps;

namespace Net80211.Nodes;

/// <summary>
/// A peer (struct ieee80211_node): our BSS (the AP a station joined), an associated station of a host AP,
/// an IBSS neighbour. Holds what the stack knows and counts about it.
/// </summary>
public sealed class Ieee80211Node
{
    /// <summary>Number of per-TID sequence spaces: 16 TIDs and one for non-QoS frames (IEEE80211_TID_SIZE + 1).</summary>
    public const int SequenceSpaces = 17;
    /// <summary>Index of the non-QoS sequence space.</summary>
    public const int NonQosTid = 16;

    private readonly ushort[] _txSeqs = new ushort[SequenceSpaces];
    // Last received sequence control (seq << 4 | frag) per TID, -1 when none yet: for duplicate detection.
    private readonly int[] _rxSeqs = new int[SequenceSpaces];

    internal Ieee80211Node(Ieee80211Vap vap, MacAddress address)
    {
        Vap = vap;
        MacAddress = address;
        Array.Fill(_rxSeqs, -1);
    }

    public Ieee80211Vap Vap { get; }
    public MacAddress MacAddress { get; }
    /// <summary>BSSID the node belongs to.</summary>
    public MacAddress Bssid { get; set; }
    /// <summary>SSID bytes as advertised (may be non-UTF-8).</summary>
    public byte[] Ssid { get; set; } = [];
    public Ieee80211Channel? Channel { get; set; }

    /// <summary>Association ID 1..2007 (without the two top bits), 0 when not associated.</summary>
    public ushort AssociationId { get; set; }
    public ushort CapabilityInfo { get; set; }
    /// <summary>Beacon interval in TU.</summary>
    public ushort BeaconInterval { get; set; } = 100;
    public ushort ListenInterval { get; set; }
    public NodeFlags Flags { get; set; }

    /// <summary>Negotiated legacy rates.</summary>
    public RateSet Rates;
    /// <summary>Current transmit rate in 500 kb/s units (ni_txrate).</summary>
    public byte TxRate { get; set; }

    /// <summary>Smoothed received signal in dBm (an exponential average, as ieee80211_getrssi).</summary>
    public double RssiDbm { get; private set; } = double.NaN;
    public int NoiseDbm { get; set; }

    /// <summary>Inactivity countdown in node-timer ticks; reloaded on every frame from the node.</summary>
    public int Inactivity { get; set; }
    /// <summary>Value <see cref="Inactivity"/> is reloaded with (the VAP's inact_init/auth/run).</summary>
    public int InactivityReload { get; set; }

    /// <summary>Per-node state a rate control algorithm keeps (ni_rctls).</summary>
    public object? RateControlState { get; set; }
    /// <summary>Fragments being reassembled from this node (ni_rxfrag), created on first use.</summary>
    public DataPath.Reassembler Reassembly => _reassembly ??= new DataPath.Reassembler();
    private DataPath.Reassembler? _reassembly;

    /// <summary>Frees any partially reassembled frames (the node is going away).</summary>
    internal void ReleaseReassembly() => _reassembly?.Clear();

    /// <summary>Frees partial frames older than their lifetime (the node timer's sweep): a sender that never
    /// finished a fragmented frame must not pin its buffer until its next frame on that TID.</summary>
    internal int ExpireReassembly(TimeSpan now) => _reassembly?.Expire(now) ?? 0;

    /// <summary>The pairwise key (PTK's TK) installed for this peer, null before the handshake.</summary>
    public Security.ICipherKey? PairwiseKey { get; internal set; }

    /// <summary>Send EAPOL frames to this peer unprotected even though we hold a pairwise key: set by a
    /// supplicant for the initial 4-way handshake, until the peer shows it has the key too (its first
    /// protected unicast frame). A message 4 answering a retransmitted message 3 must reach an AP that has
    /// not installed the PTK yet.</summary>
    public bool EapolInClear { get; set; }

    /// <summary>Negotiated protected management frames with this peer.</summary>
    public bool MfpEnabled { get; set; }

    /// <summary>The peer's RSN or WPA element as it sent it (association request / beacon).</summary>
    public byte[]? RsnElement { get; set; }

    /// <summary>Per-node state the security layer keeps (the 4-way handshake, its timer).</summary>
    public object? SecurityState { get; set; }

    /// <summary>Per-node state an opmode keeps (auth sequence, challenge, handshake).</summary>
    public object? OpModeState { get; set; }

    public NodeStatistics Stats { get; } = new();

    /// <summary>Records a received signal level (dBm) into the smoothed average.</summary>
    public void RecordRssi(int rssiDbm)
    {
        RssiDbm = double.IsNaN(RssiDbm) ? rssiDbm : RssiDbm + (rssiDbm - RssiDbm) / 8.0;
    }

    /// <summary>Takes the next transmit sequence number for a TID (or <see cref="NonQosTid"/>), 12 bits.</summary>
    public ushort NextSequence(int tid)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)tid, (uint)SequenceSpaces, nameof(tid));
        ushort seq = _txSeqs[tid];
        _txSeqs[tid] = (ushort)((seq + 1) & 0xFFF);
        return seq;
    }

    /// <summary>
    /// Duplicate detection (IEEE 802.11-2020 10.3.2.14): a retransmitted frame (Retry bit set) whose
    /// sequence control equals the last one seen on its TID is a duplicate. Records the frame otherwise.
    /// </summary>
    public bool IsDuplicate(int tid, ushort sequenceControl, bool retry)
    {
        if ((uint)tid >= SequenceSpaces) tid = NonQosTid;
        if (retry && _rxSeqs[tid] == sequenceControl) return true;
        _rxSeqs[tid] = sequenceControl;
        return false;
    }

    /// <summary>Forget receive sequence state (on (re)association).</summary>
    public void ResetSequenceState()
    {
        Array.Fill(_rxSeqs, -1);
        Array.Clear(_txSeqs);
    }

    public override string ToString() => MacAddress.ToString();
}

[Flags]
public enum NodeFlags
{
    None = 0,
    /// <summary>Authorized for data (802.1X/RSN port open).</summary>
    Authorized = 1 << 0,
    /// <summary>Associated (or, for IBSS, a joined neighbour).</summary>
    Associated = 1 << 1,
    /// <summary>QoS (WMM) enabled.</summary>
    Qos = 1 << 2,
    Ht = 1 << 3,
    PowerSave = 1 << 4,
    /// <summary>The node is our BSS (iv_bss).</summary>
    Bss = 1 << 5,
    ShortPreamble = 1 << 6,
    /// <summary>Authenticated but not yet associated.</summary>
    Authenticated = 1 << 7,
}

/// <summary>Per-node counters (struct ieee80211_nodestats).</summary>
public sealed class NodeStatistics
{
    public long RxData;
    public long RxManagement;
    public long RxBytes;
    public long RxDuplicates;
    public long RxDropped;
    public long TxData;
    public long TxManagement;
    public long TxBytes;
    public long TxFailed;
    public long TxRetries;
}
