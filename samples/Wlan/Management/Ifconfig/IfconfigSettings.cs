using System.Globalization;
using Net80211.Channels;
using Net80211.Crypto.Rsn;
using Net80211.Crypto.Wep;
using Net80211.Frames;
using Net80211.Rates;
using Net80211.Security;
using Net80211.Vaps;
using Net80211.Wlan.Management.Host;

namespace Net80211.Wlan.Management.Ifconfig;

/// <summary>
/// The per-setting half of ifconfig: how many arguments each keyword takes, and applying one keyword to a
/// VAP (on its radio's queue). Errors come back as ifconfig's message text; nothing throws for bad input.
/// </summary>
internal static class IfconfigSettings
{
    /// <summary>Arguments a keyword takes; -1 when it is not a setting.</summary>
    public static int Arity(string keyword) => keyword switch
    {
        "up" or "down" or "hidessid" or "-hidessid" or "apbridge" or "-apbridge" or "wme" or "-wme"
            or "powersave" or "-powersave" or "mac:open" or "mac:allow" or "mac:deny" or "mac:flush" or "-bgscan" or "bgscan" => 0,
        "ssid" or "channel" or "bssid" or "authmode" or "wepkey" or "deftxkey" or "wpakey" or "wpapsk" or "wpa"
            or "ucipher" or "mcipher" or "pmf" or "wpagrouprekey" or "ucastrate" or "mcastrate" or "mgtrate" or "mgmtrate"
            or "maxretry" or "bmiss" or "roaming" or "mac:add" or "mac:del" or "txpower" or "country" or "regdomain"
            or "bintval" or "dtimperiod" or "maxsta" => 1,
        _ => -1,
    };

    /// <summary>Applies <paramref name="keyword"/>. Returns null or the error text (without "ifconfig: ");
    /// <paramref name="reset"/> says what a running VAP must be re-initialised for.</summary>
    public static string? Apply(WlanHost host, Ieee80211Vap vap, string keyword, string? arg, out VapResetReason? reset)
    {
        reset = null;
        var sec = vap.Security;
        switch (keyword)
        {
            case "up": vap.Up(); return null;
            case "down": vap.Down(); return null;
            case "hidessid": vap.Flags |= VapFlags.HideSsid; return null;
            case "-hidessid": vap.Flags &= ~VapFlags.HideSsid; return null;
            case "apbridge": vap.Flags |= VapFlags.ApBridge; return null;
            case "-apbridge": vap.Flags &= ~VapFlags.ApBridge; return null;
            case "wme": vap.Flags |= VapFlags.Wme; reset = VapResetReason.Other; return null;
            case "-wme": vap.Flags &= ~VapFlags.Wme; reset = VapResetReason.Other; return null;
            case "powersave": vap.Flags |= VapFlags.PowerSave; return null;
            case "-powersave": vap.Flags &= ~VapFlags.PowerSave; return null;
            case "bgscan": vap.Flags |= VapFlags.BackgroundScan; return null;
            case "-bgscan": vap.Flags &= ~VapFlags.BackgroundScan; return null;
            case "mac:open": vap.Acl.Policy = AclPolicy.Open; return null;
            case "mac:allow": vap.Acl.Policy = AclPolicy.Allow; return null;
            case "mac:deny": vap.Acl.Policy = AclPolicy.Deny; return null;
            case "mac:flush": vap.Acl.Flush(); return null;
        }
        arg ??= "";
        switch (keyword)
        {
            case "ssid":
                {
                    if (arg is "-" or "any") arg = "";
                    if (!Net80211.Ssid.TryParse(arg, out var ssid)) return $"invalid ssid {arg}";
                    vap.DesiredSsid = ssid;
                    if (ssid.Length > 0) vap.Flags |= VapFlags.DesiredSsid; else vap.Flags &= ~VapFlags.DesiredSsid;
                    reset = VapResetReason.Ssid;
                    return null;
                }
            case "channel":
                {
                    if (!ChannelParser.TryParse(vap.Ic, arg, out var channel, out var error)) return error;
                    vap.DesiredChannel = channel;
                    if (channel is not null) vap.Flags |= VapFlags.DesiredChannel; else vap.Flags &= ~VapFlags.DesiredChannel;
                    reset = VapResetReason.Channel;
                    return null;
                }
            case "bssid":
                {
                    MacAddress bssid = default;
                    if (arg is not ("-" or "any") && !MacAddress.TryParse(arg, out bssid)) return $"malformed bssid: {arg}";
                    vap.DesiredBssid = bssid;
                    if (bssid != default) vap.Flags |= VapFlags.DesiredBssid; else vap.Flags &= ~VapFlags.DesiredBssid;
                    reset = VapResetReason.Bssid;
                    return null;
                }
            case "authmode":
                {
                    switch (arg.ToLowerInvariant())
                    {
                        case "none": case "open": sec.AuthMode = AuthMode.Open; break;
                        case "shared": sec.AuthMode = AuthMode.Shared; break;
                        case "wep": sec.AuthMode = AuthMode.Wep; break;
                        case "wpa": sec.AuthMode = AuthMode.Wpa; break;
                        default: return "unknown authmode";
                    }
                    reset = VapResetReason.Security;
                    return null;
                }
            case "wepkey":
                {
                    int index = 0;
                    string key = arg;
                    if (arg.Length > 2 && arg[1] == ':' && arg[0] is >= '1' and <= '4')
                    {
                        index = arg[0] - '1';
                        key = arg[2..];
                    }
                    if (!TryParseKey(key, out var bytes) || !WepCipher.IsValidKeyLength(bytes.Length)) return "invalid WEP key (5 or 13 characters, or 0x and 10 or 26 hex digits)";
                    sec.WepKeys[index] = bytes;
                    if (sec.AuthMode == AuthMode.Open) sec.AuthMode = AuthMode.Wep;
                    reset = VapResetReason.Security;
                    return null;
                }
            case "deftxkey":
                {
                    if (!int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k is < 1 or > 4) return $"invalid key index {arg} (1..4)";
                    sec.WepTxKey = k - 1;
                    reset = VapResetReason.Security;
                    return null;
                }
            case "wpakey":
                if (!Psk.IsValidPassphrase(arg, out _)) return "WPA passphrase must be 8..63 printable characters";
                sec.AuthMode = AuthMode.Wpa;
                sec.Passphrase = arg;
                sec.Psk = null;
                reset = VapResetReason.Security;
                return null;
            case "wpapsk":
                {
                    string hex = arg.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? arg[2..] : arg;
                    if (!Psk.TryParseHex(hex, out byte[]? psk)) return "WPA PSK must be 64 hex digits";
                    sec.AuthMode = AuthMode.Wpa;
                    sec.Psk = psk;
                    sec.Passphrase = null;
                    reset = VapResetReason.Security;
                    return null;
                }
            case "wpa":
                switch (arg)
                {
                    case "1": sec.Wpa1 = true; sec.Rsn = false; break;
                    case "2": sec.Wpa1 = false; sec.Rsn = true; break;
                    case "3": case "both": sec.Wpa1 = true; sec.Rsn = true; break;
                    default: return $"invalid wpa version {arg} (1, 2 or both)";
                }
                reset = VapResetReason.Security;
                return null;
            case "ucipher":
            case "mcipher":
                {
                    CipherSuite? suite = arg.ToLowerInvariant() switch
                    {
                        "ccmp" or "aes-ccm" or "aes" => CipherSuite.Ccmp128,
                        "tkip" => CipherSuite.Tkip,
                        "gcmp" or "aes-gcm" => CipherSuite.Gcmp128,
                        "gcmp-256" or "gcmp256" => CipherSuite.Gcmp256,
                        "ccmp-256" or "ccmp256" => CipherSuite.Ccmp256,
                        _ => null,
                    };
                    if (suite is not { } s) return $"unknown cipher {arg}";
                    if (keyword == "ucipher") { sec.PairwiseCiphers.Clear(); sec.PairwiseCiphers.Add(s); }
                    else sec.GroupCipher = s;
                    reset = VapResetReason.Security;
                    return null;
                }
            case "pmf":
                switch (arg.ToLowerInvariant())
                {
                    case "off": case "disabled": case "0": sec.Mfp = MfpMode.Disabled; break;
                    case "capable": case "optional": case "1": sec.Mfp = MfpMode.Capable; break;
                    case "required": case "2": sec.Mfp = MfpMode.Required; break;
                    default: return $"unknown pmf mode {arg} (off, capable or required)";
                }
                reset = VapResetReason.Security;
                return null;
            case "wpagrouprekey":
                {
                    if (!int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out int s) || s > 86400 * 7) return $"invalid rekey interval {arg}";
                    sec.GroupRekeyInterval = TimeSpan.FromSeconds(s);
                    return null;
                }
            case "ucastrate":
            case "mcastrate":
            case "mgtrate":
            case "mgmtrate":
                {
                    byte rate;
                    if (keyword == "ucastrate" && arg is "-" or "any" or "auto") rate = TxParameters.FixedRateNone;
                    else if (!TryParseRate(arg, out rate)) return $"invalid rate {arg}";
                    foreach (PhyMode mode in Enum.GetValues<PhyMode>())
                    {
                        ref var tp = ref vap.TxParams[mode];
                        if (keyword == "ucastrate") tp.UnicastRate = rate;
                        else if (keyword == "mcastrate") tp.MulticastRate = rate;
                        else tp.ManagementRate = rate;
                    }
                    return null;
                }
            case "maxretry":
                {
                    if (!byte.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out byte r) || r > 15) return $"invalid maxretry {arg} (0..15)";
                    foreach (PhyMode mode in Enum.GetValues<PhyMode>()) vap.TxParams[mode].MaxRetry = r;
                    return null;
                }
            case "bmiss":
                {
                    if (!int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out int b) || b is < 1 or > 255) return $"invalid bmiss threshold {arg} (1..255)";
                    vap.BeaconMissThreshold = b;
                    return null;
                }
            case "roaming":
                switch (arg.ToLowerInvariant())
                {
                    case "auto": vap.Roaming = RoamingMode.Auto; break;
                    case "manual": vap.Roaming = RoamingMode.Manual; break;
                    case "device": vap.Roaming = RoamingMode.Device; break;
                    default: return $"unknown roaming mode {arg}";
                }
                return null;
            case "mac:add":
            case "mac:del":
                {
                    if (!MacAddress.TryParse(arg, out var mac)) return $"malformed MAC address: {arg}";
                    if (keyword == "mac:add") vap.Acl.Add(mac); else vap.Acl.Remove(mac);
                    return null;
                }
            case "txpower":
                {
                    if (!double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || p is < 0 or > 63) return $"invalid txpower {arg}";
                    host.Extras(vap).TxPowerDbm = (int)Math.Round(p);
                    return null;
                }
            case "country":
                {
                    if (!Countries.TryGet(arg, out var country)) return $"unknown country {arg}";
                    return vap.Ic.TrySetRegDomain(country.Domain, country.Code, vap.Ic.Location, out var error) ? null : error;
                }
            case "regdomain":
                {
                    if (!RegDomains.TryGet(arg, out var domain)) return $"unknown regdomain {arg}";
                    return vap.Ic.TrySetRegDomain(domain, domain.DefaultCountryCode ?? vap.Ic.CountryCode, vap.Ic.Location, out var error) ? null : error;
                }
            case "bintval":
                {
                    if (!ushort.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out ushort b) || b is < 25 or > 1000) return $"invalid beacon interval {arg} (25..1000)";
                    vap.BeaconIntervalTu = b;
                    reset = VapResetReason.Other;
                    return null;
                }
            case "dtimperiod":
                {
                    if (!byte.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out byte d) || d is < 1 or > 15) return $"invalid dtim period {arg} (1..15)";
                    vap.DtimPeriod = d;
                    return null;
                }
            case "maxsta":
                {
                    if (!int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out int m) || m is < 1 or > 2007) return $"invalid maxsta {arg}";
                    vap.MaxStations = m;
                    return null;
                }
        }
        return $"unknown keyword {keyword}";
    }

    /// <summary>"54", "5.5", "11" (Mb/s) → rate in 500 kb/s units, legacy rates only.</summary>
    public static bool TryParseRate(string text, out byte rate)
    {
        rate = 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double mbps)) return false;
        int units = (int)Math.Round(mbps * 2);
        if (units is < 0 or > byte.MaxValue || !(RateCodes.Dsss.Contains((byte)units) || RateCodes.Ofdm.Contains((byte)units))) return false;
        rate = (byte)units;
        return true;
    }

    private static bool TryParseKey(string text, out byte[] key)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            try { key = Convert.FromHexString(text.AsSpan(2)); return true; }
            catch (FormatException) { key = []; return false; }
        }
        key = System.Text.Encoding.ASCII.GetBytes(text);
        return true;
    }
}
