using System.Globalization;
using System.Text;
using Net80211.Frames;
using Net80211.Radio;
using Net80211.Rates;
using Net80211.Security;
using Net80211.StateMachine;
using Net80211.Vaps;
using Net80211.Wlan.Management.Host;

namespace Net80211.Wlan.Management.Ifconfig;

/// <summary><c>ifconfig wlan0</c>: the interface block as FreeBSD's ifconfig prints it for a wlan VAP.</summary>
internal static class InterfaceBlock
{
    public static string Format(WlanHost host, Ieee80211Vap vap, bool verbose)
    {
        var ic = vap.Ic;
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        int flags = 0x8802 | (vap.Interface.IsUp ? 0x1 : 0) | (vap.IsRunning ? 0x40 : 0) | (ic.Promiscuous ? 0x100 : 0);
        var names = new List<string>();
        if ((flags & 0x1) != 0) names.Add("UP");
        names.Add("BROADCAST");
        if ((flags & 0x40) != 0) names.Add("RUNNING");
        if ((flags & 0x100) != 0) names.Add("PROMISC");
        names.Add("SIMPLEX");
        names.Add("MULTICAST");
        sb.Append(inv, $"{vap.Name}: flags={flags:x}<{string.Join(',', names)}> metric 0 mtu {vap.Interface.Mtu}\n");
        sb.Append("\toptions=0\n");
        sb.Append(inv, $"\tether {vap.MacAddress}\n");
        sb.Append("\tgroups: wlan\n");

        byte[] ssid = vap.State == Ieee80211State.Run && vap.Bss is { } bss && bss.Ssid.Length > 0 ? bss.Ssid : vap.DesiredSsid;
        var channel = vap.IsRunning ? ic.BssChannel ?? ic.CurrentChannel : vap.DesiredChannel ?? ic.CurrentChannel;
        MacAddress bssid = vap.State == Ieee80211State.Run && vap.Bss is { } b ? b.Bssid : default;
        sb.Append(inv, $"\tssid {(ssid.Length == 0 ? "\"\"" : Net80211.Ssid.Format(ssid))} channel ");
        sb.Append(channel is null ? "UNDEF" : string.Create(inv, $"{channel.Ieee} ({ChannelParser.Describe(channel)})"));
        sb.Append(inv, $" bssid {bssid}\n");

        int txpower = host.Extras(vap).TxPowerDbm ?? channel?.MaxRegTxPowerDbm ?? 20;
        sb.Append(inv, $"\tregdomain {ic.RegDomain.Name} country {ic.CountryCode} authmode {AuthModeName(vap.Security)} privacy {(vap.Security.Privacy ? "ON" : "OFF")}\n");
        sb.Append(inv, $"\tdeftxkey {DefTxKey(vap)} txpower {txpower} bmiss {vap.BeaconMissThreshold} scanvalid {(int)vap.ScanValid.TotalSeconds}");
        if (vap.Mode == OpMode.HostAp) sb.Append(inv, $" bintval {vap.BeaconIntervalTu} dtimperiod {vap.DtimPeriod}");
        sb.Append('\n');
        sb.Append('\t');
        var line = new List<string>();
        if ((vap.Flags & VapFlags.Wme) != 0) line.Add("wme");
        if ((vap.Flags & VapFlags.PowerSave) != 0) line.Add("powersavemode ON");
        if (vap.Mode == OpMode.HostAp)
        {
            if ((vap.Flags & VapFlags.HideSsid) != 0) line.Add("hidessid");
            line.Add((vap.Flags & VapFlags.ApBridge) != 0 ? "apbridge" : "-apbridge");
        }
        line.Add("roaming " + vap.Roaming.ToString().ToUpperInvariant());
        if (vap.Security.AuthMode == AuthMode.Wpa)
        {
            line.Add("ucipher " + string.Join(',', vap.Security.PairwiseCiphers.Select(CipherName)));
            line.Add("mcipher " + CipherName(vap.Security.GroupCipher));
            line.Add("pmf " + vap.Security.Mfp.ToString().ToLowerInvariant());
        }
        sb.Append(string.Join(' ', line)).Append('\n');
        if (verbose)
        {
            var mode = TxParameterTable.ModeFor(channel);
            var tp = vap.TxParams[mode];
            sb.Append(inv, $"\tucastrate {(tp.UnicastRate == 0 ? "auto" : RateCodes.Format(tp.UnicastRate))} mcastrate {RateCodes.Format(tp.MulticastRate)} mgmtrate {RateCodes.Format(tp.ManagementRate)} maxretry {tp.MaxRetry}\n");
            sb.Append(inv, $"\tinact {vap.InactRunSeconds} bmissmax {vap.BeaconMissMax} state {vap.State.ToString().ToUpperInvariant()} mode {OpModeNames.Name(vap.Mode)}");
            if (vap.Acl.Policy != AclPolicy.Open || vap.Acl.Entries.Count > 0) sb.Append(inv, $" acl {vap.Acl.Policy.ToString().ToLowerInvariant()} ({vap.Acl.Entries.Count} entries)");
            sb.Append('\n');
        }
        sb.Append(inv, $"\tparent interface: {ic.Name}\n");
        var media = vap.Media.GetStatus();
        sb.Append('\t').Append(media.MediaLine).Append('\n');
        sb.Append('\t').Append(media.StatusLine).Append('\n');
        return sb.ToString();
    }

    public static string AuthModeName(SecuritySettings s) => s.AuthMode switch
    {
        AuthMode.Open => "OPEN",
        AuthMode.Wep => "OPEN",
        AuthMode.Shared => "SHARED",
        AuthMode.Wpa => s.Wpa1 && s.Rsn ? "WPA1+WPA2/802.11i" : s.Wpa1 ? "WPA" : "WPA2/802.11i",
        _ => s.AuthMode.ToString().ToUpperInvariant(),
    };

    private static string DefTxKey(Ieee80211Vap vap)
    {
        var s = vap.Security;
        if (s.AuthMode is AuthMode.Wep or AuthMode.Shared)
            return (s.WepTxKey + 1).ToString(CultureInfo.InvariantCulture);
        return "UNDEF";
    }

    public static string CipherName(CipherSuite c) => c switch
    {
        CipherSuite.Ccmp128 => "AES-CCM",
        CipherSuite.Ccmp256 => "AES-CCM-256",
        CipherSuite.Gcmp128 => "AES-GCM",
        CipherSuite.Gcmp256 => "AES-GCM-256",
        CipherSuite.Tkip or CipherSuite.WpaTkip => "TKIP",
        CipherSuite.Wep40 or CipherSuite.Wep104 => "WEP",
        _ => c.ToString(),
    };
}
