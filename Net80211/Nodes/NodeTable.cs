using Net80211.Radio;
using Net80211.Scheduling;
using Net80211.Vaps;

namespace Net80211.Nodes;

/// <summary>
/// The station table of a radio (ic_sta). Nodes are keyed by address; two VAPs may each have a node for
/// the same peer (two stations joined to one AP), so a lookup names the VAP or the receiver address.
/// A periodic timer (every <see cref="InactivityTick"/>) ages nodes: each frame from a node reloads its
/// counter, and a node whose counter runs down is handed to its VAP's opmode (probe, then remove).
/// </summary>
public sealed class NodeTable
{
    /// <summary>IEEE80211_INACT_WAIT: the node timer's period; inactivity values count in these ticks.</summary>
    public static readonly TimeSpan InactivityTick = TimeSpan.FromSeconds(15);

    private readonly Ieee80211Com _ic;
    private readonly Dictionary<MacAddress, List<Ieee80211Node>> _byAddress = [];
    private Callout? _timer;
    private int _count;

    internal NodeTable(Ieee80211Com ic) => _ic = ic;

    public int Count => _count;

    /// <summary>Every node, in no particular order. A snapshot: safe to modify the table while iterating.</summary>
    public IReadOnlyList<Ieee80211Node> Snapshot()
    {
        var all = new List<Ieee80211Node>(_count);
        foreach (var list in _byAddress.Values) all.AddRange(list);
        all.Sort(static (a, b) => a.MacAddress.CompareTo(b.MacAddress));
        return all;
    }

    /// <summary>The nodes of one VAP, ordered by address.</summary>
    public IEnumerable<Ieee80211Node> ForVap(Ieee80211Vap vap) => Snapshot().Where(n => n.Vap == vap);

    /// <summary>ieee80211_alloc_node: adds a node for <paramref name="address"/> on <paramref name="vap"/>,
    /// or returns the existing one.</summary>
    public Ieee80211Node Add(Ieee80211Vap vap, MacAddress address)
    {
        var existing = Find(vap, address);
        if (existing is not null) return existing;
        var node = new Ieee80211Node(vap, address)
        {
            InactivityReload = vap.InactInitTicks,
            Inactivity = vap.InactInitTicks,
            Channel = _ic.CurrentChannel,
        };
        if (!_byAddress.TryGetValue(address, out var list)) _byAddress[address] = list = new List<Ieee80211Node>(1);
        list.Add(node);
        _count++;
        vap.NodeCount++;
        vap.RateControl?.NodeInit(node);
        return node;
    }

    /// <summary>ieee80211_find_vap_node.</summary>
    public Ieee80211Node? Find(Ieee80211Vap vap, MacAddress address)
    {
        if (!_byAddress.TryGetValue(address, out var list)) return null;
        foreach (var n in list) if (n.Vap == vap) return n;
        return null;
    }

    /// <summary>ieee80211_find_rxnode: the node a received frame is from. With several candidates (two
    /// VAPs talking to one peer) the one whose VAP the frame is addressed to; none for a group frame then,
    /// so each VAP sees it.</summary>
    public Ieee80211Node? FindRxNode(MacAddress transmitter, MacAddress receiver)
    {
        if (!_byAddress.TryGetValue(transmitter, out var list) || list.Count == 0) return null;
        if (list.Count == 1)
        {
            var n = list[0];
            return receiver.IsGroup || receiver == n.Vap.MacAddress || n.Vap.Mode == OpMode.Monitor ? n : null;
        }
        if (receiver.IsGroup) return null;
        foreach (var n in list) if (n.Vap.MacAddress == receiver) return n;
        return null;
    }

    /// <summary>ieee80211_node_leave / free: removes the node and releases its AID.</summary>
    public bool Remove(Ieee80211Node node)
    {
        if (!_byAddress.TryGetValue(node.MacAddress, out var list) || !list.Remove(node)) return false;
        if (list.Count == 0) _byAddress.Remove(node.MacAddress);
        _count--;
        node.Vap.NodeCount--;
        if (node.AssociationId != 0) node.Vap.Aids.Free(node.AssociationId);
        node.AssociationId = 0;
        node.ReleaseReassembly();
        node.Vap.RateControl?.NodeDeinit(node);
        return true;
    }

    /// <summary>Removes every node of a VAP except, when <paramref name="keepBss"/>, its BSS node.</summary>
    public int RemoveAll(Ieee80211Vap vap, bool keepBss = false)
    {
        int n = 0;
        foreach (var node in Snapshot())
        {
            if (node.Vap != vap || (keepBss && node == vap.Bss)) continue;
            if (Remove(node)) n++;
        }
        return n;
    }

    internal void StartTimer()
    {
        _timer ??= _ic.CreateCallout();
        _timer.Reset(InactivityTick, static s => ((NodeTable)s!).Timeout(), this);
    }

    internal void StopTimer() => _timer?.Stop();

    /// <summary>ieee80211_node_timeout: age every node by one tick.</summary>
    internal void Timeout()
    {
        var now = _ic.Now;
        foreach (var node in Snapshot())
        {
            var vap = node.Vap;
            // Every node, the BSS node included (FreeBSD ages ni_rxfrag here too).
            node.ExpireReassembly(now);
            if (node == vap.Bss || !vap.IsRunning) continue;
            node.Inactivity--;
            if (node.Inactivity <= 0) vap.OpModeHandler?.NodeInactive(node, probeOnly: false);
            else if (node.Inactivity <= vap.InactProbeTicks && (node.Flags & NodeFlags.Associated) != 0)
                vap.OpModeHandler?.NodeInactive(node, probeOnly: true);
        }
        _timer?.Schedule(InactivityTick);
    }
}
