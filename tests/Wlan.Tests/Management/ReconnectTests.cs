using System.Globalization;
using System.Text;
using Net80211;
using Net80211.Crypto.Rsn;
using Net80211.Frames;
using Net80211.RadioDrivers.Air;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vap.HostAp;
using Net80211.Wlan.Daemon;
using Net80211.Wlan.Management.Connections;
using Net80211.Wlan.Management.Host;

namespace Wlan.Tests.Management;

/// <summary>Profile connections in virtual time: the daemon rejoins after a lost link, with backoff, and
/// stops when told to disconnect.</summary>
public class ReconnectTests
{
    [Fact]
    public async Task A_station_deauthenticated_by_its_ap_reconnects()
    {
        using var cli = new Cli();
        var events = Record(cli);
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 wlanmode sta");
        cli.Ok("connect wlan0 home ssid net80211-wpa2 wpakey \"correct horse battery staple\"");
        var vap = cli.Host.FindVap("wlan0")!;
        Assert.True(await LinkUpAsync(cli, vap));

        var ap = cli.Host.PeerRadios.Select(r => r.Ic.Vaps[0]).Single(v => Ssid.Format(v.DesiredSsid) == "net80211-wpa2");
        Assert.True(await cli.Host.InvokeAsync(ap.Ic.Queue, () => ((HostApMode)ap.OpModeHandler!).Deauthenticate(vap.MacAddress, ReasonCode.Inactivity)));
        Assert.True(await cli.Host.WaitUntilAsync(vap.Ic.Queue, () => events.ToString().Contains("reconnecting", StringComparison.Ordinal), TimeSpan.FromSeconds(5)));
        Assert.True(await LinkUpAsync(cli, vap));
        Assert.Contains("security authorized (WPA2-PSK)", cli.Ok("status"), StringComparison.Ordinal);
        Snapshot.Verify(events.ToString());
    }

    [Fact]
    public async Task After_a_beacon_loss_the_daemon_rejoins_with_backoff_and_disconnect_keeps_it_down()
    {
        using var cli = new Cli();
        var events = Record(cli);
        // roaming manual: the station itself does not rescan after a beacon loss, so only the daemon rejoins.
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 wlanmode sta roaming manual");
        cli.Ok("connect wlan0 cafe ssid net80211-open");
        var vap = cli.Host.FindVap("wlan0")!;
        Assert.True(await LinkUpAsync(cli, vap));

        var apRadio = cli.Host.PeerRadios.Single(r => Ssid.Format(r.Ic.Vaps[0].DesiredSsid) == "net80211-open");
        var home = apRadio.Port.Position;
        apRadio.Port.Position = new Position(100_000, 0); // out of range: beacons stop arriving
        cli.Host.RunFor(TimeSpan.FromSeconds(40));
        var connection = await cli.Host.InvokeAsync(vap.Ic.Queue, () => cli.Processor.Connections.Find(vap)!);
        Assert.False(connection.LinkUp);
        // The daemon's rescan put the station back in SCAN, where it keeps scanning by itself (with its own
        // backoff): the daemon does not interrupt those scans, so one attempt is all it takes.
        Assert.Equal(1, connection.Attempts);

        apRadio.Port.Position = home;
        Assert.True(await LinkUpAsync(cli, vap, TimeSpan.FromSeconds(60)));

        cli.Ok("disconnect wlan0");
        int seen = events.Length;
        cli.Host.RunFor(TimeSpan.FromSeconds(120));
        Assert.Equal(Ieee80211State.Init, vap.State);
        Assert.False(vap.Interface.IsUp);
        Assert.Equal(seen, events.Length); // nothing more: no reconnecting after disconnect
        Assert.Contains("wlan0: sta, down, state INIT", cli.Ok("status"), StringComparison.Ordinal);
        Snapshot.Verify(events.ToString());
    }

    /// <summary>A PSK profile sends its 64 hex digits as the key (no passphrase is that long): the engine must
    /// install them as the PSK, not refuse them as a passphrase.</summary>
    [Fact]
    public async Task A_psk_profile_joins_with_its_64_hex_digits()
    {
        using var cli = new Cli();
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 wlanmode sta");
        string psk = Convert.ToHexString(Psk.FromPassphrase(WorldDescription.DefaultPassphrase, "net80211-wpa2"u8));
        var profile = new Profile("lab", "net80211-wpa2", ProfileSecurity.Wpa2Psk, psk);
        Assert.Null(profile.Validate());
        cli.Ok(string.Join(' ', profile.ConnectCommand("wlan0")));
        var vap = cli.Host.FindVap("wlan0")!;
        Assert.True(await LinkUpAsync(cli, vap));
        Assert.Contains("security authorized (WPA2-PSK)", cli.Ok("status"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_connect_and_disconnect_requests_are_errors()
    {
        using var cli = new Cli();
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 wlanmode hostap");
        cli.Run("connect");
        cli.Run("connect wlan0 home ssid");
        cli.Run("connect wlan0 home ssid x key y");
        cli.Run("connect wlan9 home ssid x");
        cli.Run("connect wlan0 home ssid x");
        cli.Ok("ifconfig wlan1 create wlandev hwsim0 wlanmode sta");
        cli.Run("connect wlan1 home ssid x wpakey short");
        cli.Run("disconnect");
        cli.Run("disconnect wlan9");
        Snapshot.Verify(cli.Transcript);
    }

    private static StringBuilder Record(Cli cli)
    {
        var events = new StringBuilder();
        cli.Host.Radios[0].Ic.EventRaised += e =>
        {
            if (e is ConnectionEvent) events.Append(CultureInfo.InvariantCulture, $"{e.Time.TotalSeconds,8:0.000} {e.Describe()}\n");
        };
        return events;
    }

    private static Task<bool> LinkUpAsync(Cli cli, Net80211.Vaps.Ieee80211Vap vap, TimeSpan? limit = null) =>
        cli.Host.WaitUntilAsync(vap.Ic.Queue, () => cli.Processor.Connections.Find(vap)?.LinkUp == true, limit ?? TimeSpan.FromSeconds(30));
}
