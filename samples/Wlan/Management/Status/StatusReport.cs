using System.Globalization;
using System.Text;
using Net80211.Nodes;
using Net80211.Radio;
using Net80211.Security;
using Net80211.StateMachine;
using Net80211.Vaps;
using Net80211.Wlan.Management.Host;

namespace Net80211.Wlan.Management.Status;

/// <summary>
/// <c>status</c>: what each radio and VAP is doing, from the live state only: a station is "authorized" only
/// when its AP node has the Authorized flag, never because a join was asked for.
/// </summary>
internal static class StatusReport
{
    public static string Format(WlanHost host)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"clock: {host.Scheduler.Now.TotalSeconds:0.000} s ({(host.IsRealTime ? "real time" : "virtual time")})\n");
        foreach (var radio in host.Radios)
        {
            var ic = radio.Ic;
            sb.Append(inv, $"{ic.Name}: driver {radio.DriverName} ({radio.Device}), {Firmware(radio)}, {(radio.PoweredUp ? "up" : "down")}");
            sb.Append(inv, $", channel {(ic.CurrentChannel is { } c ? c.Ieee.ToString(inv) : "none")}, regdomain {ic.RegDomain.Name} country {ic.CountryCode}, {ic.Vaps.Count} vap(s)\n");
            foreach (var vap in ic.Vaps.OrderBy(v => v.Unit)) AppendVap(sb, vap);
        }
        return sb.ToString();
    }

    /// <summary>Only what was seen: a version the driver read from the image, and whether it runs now.</summary>
    private static string Firmware(UserRadio radio)
    {
        if (radio.HwsimRadio is not null) return "no firmware";
        if (radio.Ic.FirmwareVersion is not { } version) return "firmware not loaded";
        return "firmware " + version + (radio.FirmwareRunning ? " running" : " loaded, not running");
    }

    private static void AppendVap(StringBuilder sb, Ieee80211Vap vap)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"  {vap.Name}: {OpModeNames.Name(vap.Mode)}, {(vap.Interface.IsUp ? "up" : "down")}, state {vap.State.ToString().ToUpperInvariant()}");
        if (vap.Mode == OpMode.Sta)
        {
            var ap = vap.State is Ieee80211State.Auth or Ieee80211State.Assoc or Ieee80211State.Run && vap.Bss is { } b && b.MacAddress != vap.MacAddress ? b : null;
            if (ap is not null)
            {
                sb.Append(inv, $", bssid {ap.Bssid} \"{Net80211.Ssid.Format(ap.Ssid)}\" channel {ap.Channel?.Ieee ?? 0}");
                if (!double.IsNaN(ap.RssiDbm)) sb.Append(inv, $", rssi {ap.RssiDbm:0} dBm");
                if (ap.TxRate != 0) sb.Append(inv, $", tx rate {ap.TxRate / 2.0:0.#} Mb/s");
                sb.Append(", security ").Append(Security(vap, ap));
            }
            else if (vap.IsRunning) sb.Append(", not associated");
        }
        else if (vap.Mode == OpMode.HostAp && vap.IsRunning)
        {
            int stations = vap.Ic.Nodes.ForVap(vap).Count(n => n.MacAddress != vap.MacAddress && (n.Flags & NodeFlags.Associated) != 0);
            sb.Append(inv, $", ssid \"{Net80211.Ssid.Format(vap.DesiredSsid)}\" channel {vap.Ic.CurrentChannel?.Ieee ?? 0}, {stations} station(s) associated");
        }
        sb.Append('\n');
        if (vap.LastFailure is { } f)
        {
            sb.Append(inv, $"    last failure at {f.Time.TotalSeconds:0.000} s: {FailureText.Describe(f)}\n");
        }
    }

    private static string Security(Ieee80211Vap vap, Ieee80211Node ap)
    {
        if (vap.Security.AuthMode == AuthMode.Open) return "open";
        if (vap.State != Ieee80211State.Run) return "not yet associated";
        if ((ap.Flags & NodeFlags.Authorized) != 0) return vap.Security.AuthMode == AuthMode.Wpa ? "authorized (WPA2-PSK)" : "authorized (WEP)";
        return vap.Security.AuthMode == AuthMode.Wpa ? "4-way handshake in progress" : "not authorized";
    }
}
