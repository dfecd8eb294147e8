using System.Globalization;
using System.Text;
using Net80211.Capture;
using Net80211.Channels;
using Net80211.Frames;
using Net80211.Media;
using Net80211.Nodes;
using Net80211.Radio;
using Net80211.Scan;
using Net80211.Security;
using Net80211.Vaps;

namespace Net80211.Wlan.Management.Ifconfig;

/// <summary><c>ifconfig wlan0 list ...</c> in FreeBSD's columns (ifieee80211.c list_*).</summary>
internal static class IfconfigLists
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    public const string Kinds = "scan, sta, chan, caps, txparam, regdomain, countries, roam, keys";

    /// <summary>The listing, or null for an unknown kind.</summary>
    public static string? Format(Ieee80211Vap vap, string kind, bool verbose) => kind switch
    {
        "scan" or "ap" => Scan(vap.Ic.ScanCache.Entries, verbose),
        "sta" => Stations(vap),
        "chan" or "channels" => Channels(vap.Ic.Channels.ToArray(), verbose),
        "active" => Channels(vap.Ic.Channels.ToArray(), verbose),
        "caps" => Caps(vap.Ic),
        "txparam" or "txparams" or "txp" => TxParams(vap),
        "regdomain" or "reg" => RegDomainListing(vap.Ic, verbose),
        "countries" => Countries.FormatListing(),
        "roam" => Roam(),
        "keys" => Keys(vap),
        _ => null,
    };

    public static string Scan(IReadOnlyList<ScanEntry> entries, bool verbose)
    {
        int ssidMax = verbose ? 32 : 14;
        var sb = new StringBuilder();
        sb.Append(Inv, $"{Fit("SSID/MESH ID", ssidMax)}  {"BSSID",-17}  {"CHAN",4} {"RATE",4}  {" S:N",-7}  {"INT",3} {"CAPS",4}\n");
        foreach (var e in entries)
        {
            string ssid = e.SsidKnown ? Net80211.Ssid.Format(e.Ssid, Math.Max(ssidMax, 4)) : "";
            int maxRate = e.Rates.MaxRate;
            int signal = (int)Math.Round(e.RssiDbm);
            sb.Append(Inv, $"{Fit(ssid, ssidMax)}  {e.Bssid}  {e.Channel?.Ieee ?? 0,3}  {maxRate / 2,3}M {signal,4}:{e.NoiseDbm,-4} {e.BeaconIntervalTu,4} {CaptureScanner.Caps(e.Capabilities),-4}");
            if ((e.Security & ScanSecurity.Wpa2) != 0) sb.Append(" RSN");
            if ((e.Security & ScanSecurity.Wpa) != 0) sb.Append(" WPA");
            if (e.HasWmm) sb.Append(" WME");
            if (e.HasHt) sb.Append(" HTCAP");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Stations(Ieee80211Vap vap)
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"{"ADDR",-17} {"AID",4} {"CHAN",4} {"RATE",4} {"RSSI",4} {"IDLE",4} {"TXSEQ",6} {"RXSEQ",6} {"CAPS",4} {"FLAG",-4}\n");
        foreach (var n in vap.Ic.Nodes.ForVap(vap).OrderBy(n => n.MacAddress.ToString()))
        {
            if (n.MacAddress == vap.MacAddress) continue; // our own BSS node
            if (vap.Mode == OpMode.HostAp && (n.Flags & NodeFlags.Associated) == 0) continue;
            int idle = Math.Max(0, n.InactivityReload - n.Inactivity) * (int)NodeTable.InactivityTick.TotalSeconds;
            double rssi = double.IsNaN(n.RssiDbm) ? 0 : n.RssiDbm;
            sb.Append(Inv, $"{n.MacAddress} {n.AssociationId & 0x3fff,4} {n.Channel?.Ieee ?? vap.Ic.CurrentChannel?.Ieee ?? 0,4} {n.TxRate / 2,3}M {rssi,4:0.0} {idle,4} {n.Stats.TxData + n.Stats.TxManagement,6} {n.Stats.RxData + n.Stats.RxManagement,6} {CaptureScanner.Caps((CapabilityInfo)n.CapabilityInfo),-4} {NodeFlagText(n),-5}\n");
        }
        return sb.ToString();
    }

    /// <summary>One line per frequency (its richest mode), two to a line, as list chan does.</summary>
    public static string Channels(IReadOnlyList<Ieee80211Channel> channels, bool verbose)
    {
        var best = channels.GroupBy(c => c.FrequencyMhz)
            .Select(g => g.MaxBy(c => (c.IsHt40 ? 16 : 0) + (c.IsHt20 ? 8 : 0) + (c.IsG ? 4 : 0) + (c.IsA ? 2 : 0) + (c.IsB ? 1 : 0))!)
            .OrderBy(c => c.FrequencyMhz).ToList();
        var sb = new StringBuilder();
        for (int i = 0; i < best.Count; i++)
        {
            string text = best[i].ToString(verbose);
            if (verbose) { sb.Append(text).Append('\n'); continue; }
            bool last = i % 2 == 1 || i == best.Count - 1;
            sb.Append(last ? text : text.PadRight(38));
            if (last) sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Caps(Ieee80211Com ic)
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"drivercaps={(uint)ic.Caps:x}<{FlagNames(ic.Caps)}>\n");
        sb.Append(Inv, $"cryptocaps={(uint)ic.CryptoCaps:x}<{FlagNames(ic.CryptoCaps)}>\n");
        if (ic.HtCaps != 0) sb.Append(Inv, $"htcaps={ic.HtCaps:x}\n");
        return sb.ToString();
    }

    public static string TxParams(Ieee80211Vap vap)
    {
        var sb = new StringBuilder();
        foreach (var mode in (PhyMode[])[PhyMode.Mode11a, PhyMode.Mode11b, PhyMode.Mode11g, PhyMode.Mode11na, PhyMode.Mode11ng])
        {
            string name = MediaWord.ModeName(mode);
            var tp = vap.TxParams[mode];
            if (tp.UnicastRate == TxParameters.FixedRateNone)
                sb.Append(Inv, $"{name,-7} ucast NONE    mgmt {tp.ManagementRate / 2,2} Mb/s mcast {tp.MulticastRate / 2,2} Mb/s maxretry {tp.MaxRetry}\n");
            else
                sb.Append(Inv, $"{name,-7} ucast {tp.UnicastRate / 2,2} Mb/s mgmt {tp.ManagementRate / 2,2} Mb/s mcast {tp.MulticastRate / 2,2} Mb/s maxretry {tp.MaxRetry}\n");
        }
        return sb.ToString();
    }

    public static string RegDomainListing(Ieee80211Com ic, bool verbose)
    {
        string location = ic.Location.ToString().ToLowerInvariant();
        return string.Create(Inv, $"regdomain {ic.RegDomain.Name} country {ic.CountryCode} location {location}\n\n")
            + Channels(ic.Channels.ToArray(), verbose);
    }

    /// <summary>net80211's default roaming thresholds (ieee80211_proto.c defroam); the stack roams on beacon
    /// loss only, so they are shown as configured, not acted on.</summary>
    public static string Roam()
    {
        var sb = new StringBuilder();
        (string name, int rssi, int rate)[] rows = [("11a", 7, 12), ("11b", 7, 1), ("11g", 7, 5), ("11na", 7, 12), ("11ng", 7, 5)];
        foreach (var (name, rssi, rate) in rows) sb.Append(Inv, $"{name,-7} rssi {rssi,4}dBm rate {rate,2} Mb/s\n");
        return sb.ToString();
    }

    public static string Keys(Ieee80211Vap vap)
    {
        var sb = new StringBuilder();
        var s = vap.Security;
        for (int i = 0; i < s.WepKeys.Length; i++)
            if (s.WepKeys[i] is { } k) sb.Append(Inv, $"wepkey {i + 1}:{k.Length * 8}-bit{(i == s.WepTxKey ? " (deftxkey)" : "")}\n");
        for (int i = 0; i < KeyTable.GroupSlots; i++)
            if (vap.Keys.Group(i) is { } g) sb.Append(Inv, $"group key {i + 1}: {g.Cipher.Name} {g.Cipher.KeyLength * 8}-bit{(i == vap.Keys.DefaultTransmitKey ? " (tx)" : "")}\n");
        for (int i = KeyTable.IgtkFirstIndex; i < KeyTable.IgtkFirstIndex + 2; i++)
            if (vap.Keys.Igtk(i) is { } g) sb.Append(Inv, $"igtk {i}: {g.Cipher.Name}\n");
        foreach (var n in vap.Ic.Nodes.ForVap(vap))
            if (n.PairwiseKey is { } p) sb.Append(Inv, $"pairwise key {n.MacAddress}: {p.Cipher.Name} {p.Cipher.KeyLength * 8}-bit\n");
        return sb.ToString();
    }

    /// <summary>getflags: A authorized, Q QoS, H HT, P power save, plus a for associated-only nodes.</summary>
    private static string NodeFlagText(Ieee80211Node n)
    {
        var sb = new StringBuilder(6);
        if ((n.Flags & NodeFlags.Authorized) != 0) sb.Append('A');
        if ((n.Flags & NodeFlags.Qos) != 0) sb.Append('Q');
        if ((n.Flags & NodeFlags.Ht) != 0) sb.Append('H');
        if ((n.Flags & NodeFlags.PowerSave) != 0) sb.Append('P');
        if (n.MfpEnabled) sb.Append('F');
        return sb.ToString();
    }

    private static string FlagNames<T>(T value) where T : struct, Enum
    {
        ulong v = Convert.ToUInt64(value, Inv);
        var names = new List<string>();
        foreach (T f in Enum.GetValues<T>())
        {
            ulong bit = Convert.ToUInt64(f, Inv);
            if (bit != 0 && (bit & (bit - 1)) == 0 && (v & bit) != 0) names.Add(f.ToString().ToUpperInvariant());
        }
        return string.Join(',', names);
    }

    private static string Fit(string s, int width) => s.Length > width ? s[..width] : s.PadRight(width);
}
