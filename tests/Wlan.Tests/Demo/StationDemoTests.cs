using System.Globalization;
using System.Text.RegularExpressions;
using Net80211.Wlan.Demo;

namespace Wlan.Tests.Demo;

/// <summary>`./wlan demo` (hwsim station) and `./wlan demo --iwx` (station on the emulated AX200): the join,
/// the traffic both ways and the clean-up the demo prints are what happened, the same for the same seed.</summary>
public sealed partial class StationDemoTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wlan-demo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_station_joins_wpa2_and_traffic_flows_both_ways(bool iwx)
    {
        string output = Run(iwx, "a.pcap");

        Assert.Contains("WPA2 4-way handshake with 02:00:00:00:00:00 complete: Ccmp128/Psk", output, StringComparison.Ordinal);
        var goodput = Goodput().Matches(output).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, goodput.Count);
        // 54 Mb/s over 15 m of clean air saturates near 30 Mb/s of goodput; both ways must get most of it.
        Assert.All(goodput, g => Assert.InRange(g, 20, 31));
        Assert.Contains("packets outstanding in the pool: 0", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(_dir, "a.pcap")).Length > 1_000_000);
        if (iwx)
        {
            Assert.Contains("iwx0: AX200 at pci 0000:00:00.0, firmware 77.", output, StringComparison.Ordinal);
            Assert.Matches(@"firmware: [1-9]\d+ frames encrypted, [1-9]\d+ decrypted \(CCMP in hardware\), 1 scan\(s\)", output);
            Assert.Contains(", 0 frame mappings left", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_same_seed_prints_the_same_run_on_the_iwx_card()
        => Assert.Equal(Run(iwx: true, "a.pcap"), Run(iwx: true, "a.pcap"));

    private string Run(bool iwx, string pcap)
    {
        using var o = new StringWriter(CultureInfo.InvariantCulture);
        int exit = StationDemo.Run(o, seed: 1, TimeSpan.FromSeconds(0.5), Path.Combine(_dir, pcap), open: false, iwx);
        Assert.Equal(0, exit);
        return o.ToString();
    }

    [GeneratedRegex(@"-> (?:AP|station):\s+(\d+\.\d+) Mb/s goodput")]
    private static partial Regex Goodput();
}
