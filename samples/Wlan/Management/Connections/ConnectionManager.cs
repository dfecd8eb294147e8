using Net80211.Crypto.Rsn;
using Net80211.Events;
using Net80211.Radio;
using Net80211.Vaps;
using Net80211.Wlan.Management.Host;

namespace Net80211.Wlan.Management.Connections;

/// <summary>
/// The daemon's profile connections, one per station VAP: <c>connect IFACE PROFILE ssid SSID [wpakey KEY]</c>
/// joins and keeps the link up (<see cref="ProfileConnection"/>), <c>disconnect IFACE</c> ends it and takes
/// the interface down. The CLI reads the profile file and sends its contents; the daemon keeps no secrets on disk.
/// </summary>
internal sealed class ConnectionManager
{
    public const string ConnectUsage = "usage: connect IFACE PROFILE ssid SSID [wpakey KEY]";
    public const string DisconnectUsage = "usage: disconnect IFACE";

    private readonly WlanHost _host;
    // Touched only on the radio queues, which all run on the host's one scheduler thread.
    private readonly Dictionary<Ieee80211Vap, ProfileConnection> _connections = [];

    public ConnectionManager(WlanHost host)
    {
        _host = host;
        foreach (var radio in host.Radios)
        {
            var ic = radio.Ic;
            ic.EventRaised += e => OnStackEvent(ic, e);
        }
    }

    /// <summary>The connection on <paramref name="vap"/>, if any (call on its radio queue).</summary>
    public ProfileConnection? Find(Ieee80211Vap vap) => _connections.GetValueOrDefault(vap);

    /// <summary>Parses the verb; the settings to apply (as ifconfig arguments) or an error.</summary>
    public static bool TryParseConnect(IReadOnlyList<string> argv, out string iface, out string profile, out List<string> ifconfig, out string? error)
    {
        iface = profile = "";
        ifconfig = [];
        error = null;
        bool shape = argv.Count is 5 or 7 && argv[3] == "ssid" && (argv.Count == 5 || argv[5] == "wpakey");
        if (!shape || argv[1].Length == 0 || argv[2].Length == 0)
        {
            error = ConnectUsage;
            return false;
        }
        iface = argv[1];
        profile = argv[2];
        ifconfig = ["ifconfig", iface, "ssid", argv[4]];
        // A profile says everything about security: an open one clears what an earlier connection set. Its key
        // is a passphrase (8..63 characters) or a PSK profile's 64 hex digits, which only wpapsk takes.
        if (argv.Count == 7) ifconfig.AddRange([Psk.TryParseHex(argv[6], out _) ? "wpapsk" : "wpakey", argv[6]]);
        else ifconfig.AddRange(["authmode", "open"]);
        ifconfig.Add("up");
        return true;
    }

    /// <summary>After the settings were applied: supervise <paramref name="vap"/> (replacing an earlier profile).</summary>
    public Task<string?> StartAsync(Ieee80211Vap vap, string profile) => _host.InvokeAsync(vap.Ic.Queue, () =>
    {
        if (vap.Mode != OpMode.Sta) return $"connect: {vap.Name} is not a station interface";
        if (!vap.IsAttached) return $"connect: interface {vap.Name} does not exist";
        if (_connections.Remove(vap, out var old))
        {
            old.Stop($"replaced by profile {profile}");
            old.Dispose();
        }
        var connection = new ProfileConnection(vap, profile);
        _connections[vap] = connection;
        connection.Start();
        return (string?)null;
    });

    /// <summary>Ends the supervision of <paramref name="vap"/>, if any, before it is taken down.</summary>
    public Task<bool> StopAsync(Ieee80211Vap vap) => _host.InvokeAsync(vap.Ic.Queue, () =>
    {
        if (!_connections.Remove(vap, out var c)) return false;
        c.Stop("disconnect");
        c.Dispose();
        return true;
    });

    private void OnStackEvent(Ieee80211Com ic, StackEvent e)
    {
        if (e is ConnectionEvent || e.Vap is null || _connections.Count == 0) return;
        var vap = _connections.Keys.FirstOrDefault(v => v.Ic == ic && v.Name == e.Vap);
        if (vap is null) return;
        var connection = _connections[vap];
        if (e is VapDestroyed)
        {
            _connections.Remove(vap);
            connection.Stop("interface destroyed");
            connection.Dispose();
            return;
        }
        connection.Evaluate();
    }
}
