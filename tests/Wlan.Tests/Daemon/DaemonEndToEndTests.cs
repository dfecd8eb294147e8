using Net80211.Wlan.Daemon;
using Net80211.Wlan.Management;

namespace Wlan.Tests.Daemon;

/// <summary>The whole management plane as a user drives it: the daemon serving the default world in real
/// time (sped up), and the CLI's client talking to it over the control socket.</summary>
[Collection(DaemonHookCollection.Name)]
public class DaemonEndToEndTests
{
    [Fact]
    public async Task Create_scan_join_wpa2_sysctl_destroy_and_stop()
    {
        string dir = Directory.CreateTempSubdirectory("net80211-e2e-").FullName;
        string socket = Path.Combine(dir, "wlan.sock");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var previousHook = DaemonCommand.CreateEngine;
        DaemonCommand.CreateEngine = DaemonEngineFactory.Create;
        var daemon = DaemonCommand.RunAsync(new DaemonOptions(socket, Speed: 20), TextWriter.Null, stop.Token);
        try
        {
            Assert.True(await ControlClient.AnswersAsync(socket, TimeSpan.FromSeconds(30)));
            async Task<CommandResult> Run(params string[] argv) => await ControlClient.ExecuteAsync(socket, argv);

            var created = await Run("ifconfig", "wlan0", "create", "wlandev", "hwsim0", "wlanmode", "sta");
            Assert.True(created.ExitCode == 0, created.Error);
            Assert.Equal(0, (await Run("ifconfig", "wlan0", "up")).ExitCode);
            // `scan` waits for a scan that completes after it was asked, then lists the cache.
            var scan = await Run("ifconfig", "wlan0", "scan");
            Assert.True(scan.ExitCode == 0, scan.Error);
            Assert.Contains("net80211-wpa2", scan.Output, StringComparison.Ordinal);

            Assert.Equal(0, (await Run("ifconfig", "wlan0", "ssid", "net80211-wpa2", "wpakey", "correct horse battery staple")).ExitCode);
            string status = "";
            for (int i = 0; i < 100 && !status.Contains("authorized", StringComparison.Ordinal); i++)
            {
                await Task.Delay(100);
                status = (await Run("status")).Output;
            }
            Assert.Contains("security authorized (WPA2-PSK)", status, StringComparison.Ordinal);

            var sysctl = await Run("sysctl", "net.wlan.0");
            Assert.Contains("net.wlan.0.%parent: hwsim0", sysctl.Output, StringComparison.Ordinal);
            Assert.Equal("net.wlan.0.bmiss_max: 2 -> 5", (await Run("sysctl", "-w", "net.wlan.0.bmiss_max=5")).Output.Trim());
            Assert.Equal("net.wlan.0.bmiss_max: 5", (await Run("sysctl", "net.wlan.0.bmiss_max")).Output.Trim());

            Assert.Equal(0, (await Run("ifconfig", "wlan0", "destroy")).ExitCode);
            var gone = await Run("ifconfig", "wlan0");
            Assert.NotEqual(0, gone.ExitCode);
            Assert.Contains("does not exist", gone.Error, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await daemon);
            Assert.False(File.Exists(socket));
            Directory.Delete(dir, recursive: true);
            DaemonCommand.CreateEngine = previousHook;
        }
    }
}

/// <summary>Tests that set or rely on the process-wide <see cref="DaemonCommand.CreateEngine"/> hook run one
/// at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DaemonHookCollection
{
    public const string Name = "daemon engine hook";
}
