using Net80211;
using Net80211.Frames;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vap.HostAp;
using Net80211.Wlan.Management.Host;

namespace Wlan.Tests.Management;

/// <summary>Status names a failure's code from the right table: a reason code (the AP ended the link), a
/// status code (the AP refused us) or none/what we sent (we gave up ourselves).</summary>
public class LastFailureTests
{
    [Fact]
    public async Task Deauthenticated_by_the_ap_shows_a_reason_code()
    {
        using var cli = new Cli();
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 wlanmode sta ssid net80211-open up");
        var vap = cli.Host.FindVap("wlan0")!;
        Assert.True(await cli.Host.WaitUntilAsync(vap.Ic.Queue, () => vap.State == Ieee80211State.Run, TimeSpan.FromSeconds(30)));
        var ap = Ap(cli, "net80211-open");
        Assert.True(await cli.Host.InvokeAsync(ap.Ic.Queue, () => ((HostApMode)ap.OpModeHandler!).Deauthenticate(vap.MacAddress, ReasonCode.Inactivity)));
        cli.Host.RunFor(TimeSpan.FromSeconds(1));
        cli.Ok("status");
        Snapshot.Verify(cli.Transcript);
    }

    [Fact]
    public async Task Refused_by_a_full_ap_shows_a_status_code()
    {
        var world = WorldDescription.Default with { Radios = [new RadioDescription("hwsim0"), new RadioDescription("hwsim1", X: 2)] };
        using var cli = new Cli(world);
        var ap = Ap(cli, "net80211-open");
        await cli.Host.InvokeAsync(ap.Ic.Queue, () => ap.MaxStations = 1);
        cli.Ok("ifconfig wlan1 create wlandev hwsim1 wlanmode sta ssid net80211-open up");
        var first = cli.Host.FindVap("wlan1")!;
        Assert.True(await cli.Host.WaitUntilAsync(first.Ic.Queue, () => first.State == Ieee80211State.Run, TimeSpan.FromSeconds(30)));
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 wlanmode sta ssid net80211-open up");
        var vap = cli.Host.FindVap("wlan0")!;
        Assert.True(await cli.Host.WaitUntilAsync(vap.Ic.Queue, () => vap.LastFailure is not null, TimeSpan.FromSeconds(30)));
        cli.Ok("status");
        Snapshot.Verify(cli.Transcript);
    }

    [Fact]
    public async Task No_network_is_a_local_failure_and_a_wrong_passphrase_names_the_aps_reason()
    {
        using var cli = new Cli();
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 wlanmode sta ssid nowhere up");
        var vap = cli.Host.FindVap("wlan0")!;
        Assert.True(await cli.Host.WaitUntilAsync(vap.Ic.Queue, () => vap.LastFailure is not null, TimeSpan.FromSeconds(30)));
        cli.Ok("status");
        cli.Ok("ifconfig wlan0 ssid net80211-wpa2 wpakey \"not the right passphrase\"");
        Assert.True(await cli.Host.WaitUntilAsync(vap.Ic.Queue,
            () => vap.LastFailure?.What.Contains("WPA", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60)));
        cli.Ok("status");
        Snapshot.Verify(cli.Transcript);
    }

    private static Net80211.Vaps.Ieee80211Vap Ap(Cli cli, string ssid) =>
        cli.Host.PeerRadios.Select(r => r.Ic.Vaps[0]).Single(v => Ssid.Format(v.DesiredSsid) == ssid);
}
