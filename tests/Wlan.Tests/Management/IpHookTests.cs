using Microsoft.Extensions.Logging.Abstractions;
using Net80211.Nodes;
using Net80211.StateMachine;
using Net80211.Wlan.Management.Connections;

namespace Wlan.Tests.Management;

/// <summary>The IP configuration hook: a real /bin/sh script run for BOUND and EXPIRE; a failing or hanging
/// one is reported and the stack carries on.</summary>
public sealed class IpHookTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("net80211-iphook-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_hook_gets_bound_after_the_handshake_and_expire_when_the_link_goes()
    {
        string log = Path.Combine(_dir, "env.log");
        string hook = Script("hook.sh", $"echo \"REASON=$REASON IFACE=$IFACE SSID=$SSID BSSID=$BSSID\" >> '{log}'");
        using var cli = new Cli();
        var ipHook = new IpHook(cli.Host, hook, NullLogger.Instance);
        var events = Record(cli);
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 wlanmode sta");
        cli.Ok("ifconfig wlan0 ssid net80211-wpa2 wpakey \"correct horse battery staple\" up");
        var vap = cli.Host.FindVap("wlan0")!;
        // RUN comes before the 4-way handshake: the hook must wait for the port to open.
        Assert.True(await cli.Host.WaitUntilAsync(vap.Ic.Queue, () => vap.State == Ieee80211State.Run, TimeSpan.FromSeconds(30)));
        await ipHook.DrainAsync();
        Assert.False(File.Exists(log));
        Assert.True(await cli.Host.WaitUntilAsync(vap.Ic.Queue, () => (vap.Bss!.Flags & NodeFlags.Authorized) != 0, TimeSpan.FromSeconds(5)));
        await ipHook.DrainAsync();
        cli.Ok("ifconfig wlan0 down");
        await ipHook.DrainAsync();
        cli.Host.RunFor(TimeSpan.Zero); // deliver the hook's events

        Assert.Equal(
            ["REASON=BOUND IFACE=wlan0 SSID=net80211-wpa2 BSSID=02:00:00:00:02:00",
             "REASON=EXPIRE IFACE=wlan0 SSID=net80211-wpa2 BSSID=02:00:00:00:02:00"],
            File.ReadAllLines(log));
        Assert.Equal(["wlan0: ip hook BOUND: ok", "wlan0: ip hook EXPIRE: ok"], events);
        Assert.Equal(0, ipHook.Failures);
    }

    [Fact]
    public async Task A_failing_or_hanging_hook_is_reported_and_never_holds_up_the_stack()
    {
        string failing = Script("fail.sh", "echo 'no lease for you' >&2; exit 3");
        string hanging = Script("hang.sh", "sleep 30");
        using var cli = new Cli();
        var failHook = new IpHook(cli.Host, failing, NullLogger.Instance);
        var hangHook = new IpHook(cli.Host, hanging, NullLogger.Instance, TimeSpan.FromMilliseconds(300));
        var missingHook = new IpHook(cli.Host, Path.Combine(_dir, "missing.sh"), NullLogger.Instance);
        var events = Record(cli);
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 wlanmode sta ssid net80211-open up");
        var vap = cli.Host.FindVap("wlan0")!;
        Assert.True(await cli.Host.WaitUntilAsync(vap.Ic.Queue, () => vap.State == Ieee80211State.Run, TimeSpan.FromSeconds(30)));
        // The stack goes on while the hooks run: a minute of beacons and the station still in RUN.
        cli.Host.RunFor(TimeSpan.FromSeconds(60));
        Assert.Equal(Ieee80211State.Run, vap.State);
        await Task.WhenAll(failHook.DrainAsync(), hangHook.DrainAsync(), missingHook.DrainAsync());
        cli.Host.RunFor(TimeSpan.Zero);

        Assert.Equal(1, failHook.Failures);
        Assert.Equal(1, hangHook.Failures);
        Assert.Equal(1, missingHook.Failures);
        Assert.Contains("wlan0: ip hook BOUND: exit 3: no lease for you", events);
        Assert.Contains("wlan0: ip hook BOUND: timed out after 0.3 s, killed", events);
        Assert.Contains(events, e => e.StartsWith("wlan0: ip hook BOUND: cannot run ", StringComparison.Ordinal));
    }

    private string Script(string name, string body)
    {
        string path = Path.Combine(_dir, name);
        // Created executable (the hook runs it directly, as dhclient runs dhclient-script).
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        using (var w = new StreamWriter(path, System.Text.Encoding.ASCII, options))
            w.Write("#!/bin/sh\n" + body + "\n");
        return path;
    }

    private static List<string> Record(Cli cli)
    {
        var events = new List<string>();
        cli.Host.Radios[0].Ic.EventRaised += e =>
        {
            if (e is IpHookEvent) lock (events) events.Add(e.Describe());
        };
        return events;
    }
}
