using System.Globalization;

using Net80211.Vap.RateControl;
using Net80211.Vap.Station;
using Net80211.Vaps;
using Net80211.Wlan.Management.Host;

namespace Net80211.Wlan.Management.Sysctl;

/// <summary>
/// The <c>net.wlan</c> OID tree, built from the live world each time it is asked (VAPs come and go), with
/// FreeBSD's names: <c>net.wlan.devices</c>, <c>net.wlan.debug</c>, and per VAP <c>net.wlan.N.*</c>
/// (ieee80211_sysctl_vattach, AMRR's sysctls with their historic "sucess" spelling). Reads are live values;
/// writes change the running stack.
/// </summary>
public sealed class SysctlTree(WlanHost host)
{
    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every OID in name order (call on the scheduler thread).</summary>
    public IReadOnlyList<SysctlNode> Nodes()
    {
        var list = new List<SysctlNode>
        {
            new("net.wlan.devices", SysctlType.String, () => string.Join(' ', host.Radios.Select(r => r.Ic.Name)), "names of available 802.11 devices"),
            new("net.wlan.debug", SysctlType.Int, () => I(host.Debug), "debugging printfs") { Write = v => host.Debug = (int)v, Min = 0, Max = int.MaxValue },
        };
        foreach (var vap in host.Vaps) AddVap(list, vap);
        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return list;
    }

    private void AddVap(List<SysctlNode> list, Ieee80211Vap vap)
    {
        string p = "net.wlan." + I(vap.Unit) + ".";
        var radio = host.RadioOf(vap);
        list.Add(new(p + "%parent", SysctlType.String, () => vap.Ic.Name, "parent device"));
        list.Add(new(p + "driver_caps", SysctlType.Int, () => I((uint)vap.Ic.Caps), "driver capabilities"));
        list.Add(new(p + "debug", SysctlType.Int, () => I(host.Extras(vap).Debug), "control debugging printfs") { Write = v => host.Extras(vap).Debug = (int)v, Min = 0, Max = int.MaxValue });
        list.Add(new(p + "bmiss_max", SysctlType.Int, () => I(vap.BeaconMissMax), "consecutive beacon misses before scanning") { Write = v => vap.BeaconMissMax = (int)v, Min = 1, Max = 255 });
        list.Add(new(p + "inact_init", SysctlType.Int, () => I(vap.InactInitSeconds), "station inactivity timeout for init state (sec)") { Write = v => vap.InactInitSeconds = (int)v, Min = 1, Max = 86400 });
        list.Add(new(p + "inact_auth", SysctlType.Int, () => I(vap.InactAuthSeconds), "station authentication timeout (sec)") { Write = v => vap.InactAuthSeconds = (int)v, Min = 1, Max = 86400 });
        list.Add(new(p + "inact_run", SysctlType.Int, () => I(vap.InactRunSeconds), "station inactivity timeout (sec)") { Write = v => vap.InactRunSeconds = (int)v, Min = 1, Max = 86400 });
        list.Add(new(p + "inact_probe", SysctlType.Int, () => I(vap.InactProbeSeconds), "station inactivity probe timeout (sec)") { Write = v => vap.InactProbeSeconds = (int)v, Min = 1, Max = 86400 });
        list.Add(new(p + "force_restart", SysctlType.Int, () => "0", "force a VAP restart (write 1: restart the radio)")
        {
            Write = v => { if (v == 1) radio.Ic.RestartAll("sysctl force_restart"); },
            Min = 0,
            Max = 1,
        });
        if (vap.RateControl is AmrrRateControl amrr)
        {
            list.Add(new(p + "amrr_rate_interval", SysctlType.Int, () => I(amrr.IntervalMs), "amrr operation interval (ms)") { Write = v => amrr.IntervalMs = (int)v, Min = AmrrRateControl.MinIntervalMs, Max = 60_000 });
            list.Add(new(p + "amrr_max_sucess_threshold", SysctlType.Int, () => I(amrr.MaxSuccessThreshold), "amrr max success threshold") { Write = v => amrr.MaxSuccessThreshold = (int)v, Min = 1, Max = 1000 });
            list.Add(new(p + "amrr_min_sucess_threshold", SysctlType.Int, () => I(amrr.MinSuccessThreshold), "amrr min success threshold") { Write = v => amrr.MinSuccessThreshold = (int)v, Min = 1, Max = 1000 });
        }
        var s = vap.Stats;
        list.Add(new(p + "rx_decrypt_failed", SysctlType.Int, () => I(Interlocked.Read(ref s.RxDecryptFailed)), "frames that failed to decrypt"));
        list.Add(new(p + "rx_dropped", SysctlType.Int, () => I(Interlocked.Read(ref s.RxDropped)), "received frames dropped"));
        list.Add(new(p + "rx_node_table_full", SysctlType.Int, () => I(Interlocked.Read(ref s.RxNodeTableFull)), "new peers refused: node table full"));
        list.Add(new(p + "tx_failed", SysctlType.Int, () => I(Interlocked.Read(ref s.TxFailed)), "frames not acknowledged"));
        list.Add(new(p + "state_transitions_refused", SysctlType.Int, () => I(Interlocked.Read(ref s.StateTransitionsRefused)), "state changes the transition table refused"));
        if (vap.OpModeHandler is StationMode sta)
            list.Add(new(p + "beacon_misses", SysctlType.Int, () => I(sta.BeaconMisses), "beacon miss events"));
        list.Add(new(p + "device_timeouts", SysctlType.Int, () => I(radio.DeviceTimeouts), "parent device TX watchdog timeouts"));
    }

    /// <summary>The OIDs at or under <paramref name="name"/>; empty when none.</summary>
    public IReadOnlyList<SysctlNode> Find(string name)
    {
        var all = Nodes();
        var exact = all.Where(n => n.Name == name).ToList();
        if (exact.Count > 0) return exact;
        string prefix = name.EndsWith('.') ? name : name + ".";
        return [.. all.Where(n => n.Name.StartsWith(prefix, StringComparison.Ordinal))];
    }

}
