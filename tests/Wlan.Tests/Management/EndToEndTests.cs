using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Wlan.Management.Host;

namespace Wlan.Tests.Management;

public class EndToEndTests
{
    [Fact]
    public async Task Station_scans_joins_wpa2_tunes_bmiss_max_and_is_destroyed()
    {
        using var cli = new Cli();
        var vap = await ScanAndJoinWpa2(cli, "hwsim0");
        string status = cli.Ok("status");
        Assert.Contains("security authorized (WPA2-PSK)", status, StringComparison.Ordinal);
        Assert.Contains("status: associated", cli.Ok("ifconfig wlan0"), StringComparison.Ordinal);

        string sysctl = cli.Ok("sysctl net.wlan.0");
        Assert.Contains("net.wlan.0.%parent: hwsim0\n", sysctl, StringComparison.Ordinal);
        Assert.Contains("net.wlan.0.bmiss_max: 2\n", sysctl, StringComparison.Ordinal);
        Assert.Equal("net.wlan.0.bmiss_max: 2 -> 5\n", cli.Ok("sysctl -w net.wlan.0.bmiss_max=5"));
        Assert.Equal(5, vap.BeaconMissMax);

        cli.Ok("ifconfig wlan0 destroy");
        var gone = cli.Run("ifconfig wlan0");
        Assert.Equal(1, gone.ExitCode);
        Assert.Equal("ifconfig: interface wlan0 does not exist", gone.Error);
        Assert.Empty(cli.Host.Radios[0].Ic.Vaps);
    }

    [Fact]
    public async Task The_default_iwx0_radio_scans_in_firmware_and_joins_wpa2_with_hardware_ccmp()
    {
        using var cli = new Cli();
        Assert.Contains("net.wlan.devices: hwsim0 iwx0", cli.Ok("sysctl net.wlan.devices"), StringComparison.Ordinal);
        var refused = cli.Run("ifconfig wlan0 create wlandev iwx0 wlanmode hostap");
        Assert.NotEqual(0, refused.ExitCode);

        await ScanAndJoinWpa2(cli, "iwx0");
        cli.Host.RunFor(TimeSpan.FromMilliseconds(100));   // the key commands are answered after the port opens
        var machine = cli.Host.FindRadio("iwx0")!.IwxMachine!;
        Assert.True(machine.Driver!.ScansCompleted > 0);          // the sweep ran in the firmware
        Assert.True(machine.Driver.HardwareKeysInstalled >= 2);  // PTK and GTK went to the firmware

        string status = cli.Ok("status");
        Assert.Contains("iwx0: driver iwx (Intel Wi-Fi 6 AX200, pci 0000:00:00.0 8086:2723), firmware 77.206b0ee6.0 running, up", status, StringComparison.Ordinal);
        Assert.Contains("security authorized (WPA2-PSK)", status, StringComparison.Ordinal);
        Assert.Contains("net.wlan.0.%parent: iwx0\n", cli.Ok("sysctl net.wlan.0"), StringComparison.Ordinal);

        cli.Ok("ifconfig wlan0 destroy");
        cli.Host.RunFor(TimeSpan.FromMilliseconds(50));
        Assert.Contains("firmware 77.206b0ee6.0 loaded, not running, down", cli.Ok("status"), StringComparison.Ordinal);
        Assert.Equal(0, machine.Device.Faults.InjectedDmaFaults);
    }

    /// <summary>Creates wlan0 on <paramref name="radio"/>, scans (both default APs must show), joins the WPA2 one
    /// and waits until the port is authorized.</summary>
    private static async Task<Net80211.Vaps.Ieee80211Vap> ScanAndJoinWpa2(Cli cli, string radio)
    {
        Assert.Equal("", cli.Ok($"ifconfig wlan0 create wlandev {radio} wlanmode sta"));
        cli.Ok("ifconfig wlan0 up");
        string scan = cli.Ok("ifconfig wlan0 scan");
        Assert.Contains("net80211-open", scan, StringComparison.Ordinal);
        Assert.Contains("net80211-wpa2", scan, StringComparison.Ordinal);

        cli.Ok("ifconfig wlan0 ssid net80211-wpa2 wpakey \"correct horse battery staple\"");
        var vap = cli.Host.FindVap("wlan0")!;
        Assert.True(await cli.Host.WaitUntilAsync(vap.Ic.Queue,
            () => vap.State == Ieee80211State.Run && vap.Bss is { } b && (b.Flags & Net80211.Nodes.NodeFlags.Authorized) != 0,
            TimeSpan.FromSeconds(30)));
        return vap;
    }

    [Fact]
    public async Task Host_ap_lists_its_station()
    {
        var world = WorldDescription.Default with { Radios = [new RadioDescription("hwsim0"), new RadioDescription("hwsim1", X: 5)] };
        using var cli = new Cli(world);
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 wlanmode hostap ssid mine channel 36 up");
        cli.Ok("ifconfig wlan1 create wlandev hwsim1 ssid mine up");
        var sta = cli.Host.FindVap("wlan1")!;
        Assert.True(await cli.Host.WaitUntilAsync(sta.Ic.Queue, () => sta.State == Ieee80211State.Run, TimeSpan.FromSeconds(30)));
        cli.Host.RunFor(TimeSpan.FromSeconds(1));
        cli.Ok("ifconfig wlan0 list sta");
        cli.Ok("ifconfig wlan0");
        cli.Ok("ifconfig wlan1");
        cli.Ok("status");
        Snapshot.Verify(cli.Transcript);
    }

    [Fact]
    public async Task Sysctl_force_restart_restarts_the_radio_and_amrr_tunables_apply()
    {
        using var cli = new Cli();
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 ssid net80211-open channel 1 up");
        var vap = cli.Host.FindVap("wlan0")!;
        Assert.True(await cli.Host.WaitUntilAsync(vap.Ic.Queue, () => vap.State == Ieee80211State.Run, TimeSpan.FromSeconds(30)));
        long transitions = vap.StateMachine.TransitionCount;
        cli.Ok("sysctl net.wlan.0.force_restart=1");
        cli.Host.RunFor(TimeSpan.FromMilliseconds(10));
        Assert.True(vap.StateMachine.TransitionCount > transitions);
        Assert.True(await cli.Host.WaitUntilAsync(vap.Ic.Queue, () => vap.State == Ieee80211State.Run, TimeSpan.FromSeconds(30)));
        Assert.Equal("net.wlan.0.amrr_rate_interval: 500 -> 1000\n", cli.Ok("sysctl net.wlan.0.amrr_rate_interval=1000"));
        Assert.Equal(1000, ((Net80211.Vap.RateControl.AmrrRateControl)vap.RateControl!).IntervalMs);
    }

    [Fact]
    public async Task Real_time_mode_runs_commands_on_the_scheduler_thread()
    {
        using var host = new WlanHost();
        host.StartRealTime(speed: 20);
        var processor = new Net80211.Wlan.Management.CommandProcessor(host);
        var create = await processor.ExecuteAsync(["ifconfig", "wlan", "create", "wlandev", "hwsim0", "up"], CancellationToken.None);
        Assert.Equal(0, create.ExitCode);
        Assert.Equal("wlan0\n", create.Output);
        var show = await processor.ExecuteAsync(["ifconfig", "wlan0"], CancellationToken.None);
        Assert.Contains("flags=8843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST>", show.Output, StringComparison.Ordinal);
        var sysctl = await processor.ExecuteAsync(["sysctl", "net.wlan.devices"], CancellationToken.None);
        Assert.Equal("net.wlan.devices: hwsim0 iwx0\n", sysctl.Output);
        var destroy = await processor.ExecuteAsync(["ifconfig", "wlan0", "destroy"], CancellationToken.None);
        Assert.Equal(0, destroy.ExitCode);
        Assert.Empty(host.Radios[0].Ic.Vaps);
    }
}
