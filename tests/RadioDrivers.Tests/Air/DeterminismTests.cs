using System.Globalization;
using System.Text;
using Net80211.RadioDrivers.Air;

namespace RadioDrivers.Tests.Air;

public class DeterminismTests
{
    /// <summary>Four stations contend towards an AP over links of mixed quality, with fading and a rate
    /// chain, so backoff, error and fading draws all shape the transcript.</summary>
    private static (string Transcript, long Collisions) Run(ulong seed)
    {
        var h = new AirHarness(seed, new MediumOptions { FadingSigmaDb = 2 });
        var ap = h.Add("ap", 5180, new Position(0, 0));
        var stations = new List<Station>();
        for (int i = 0; i < 4; i++) stations.Add(h.Add($"sta{i}", 5180, new Position(10 + 12 * i, 5 * i)));
        h.Medium.SetLinkSnr(stations[3].Port, stations[0].Port, -10); // one hidden pair
        var sb = new StringBuilder();
        h.Medium.FrameOnAir += (in AirFrameEvent e) =>
            sb.Append(CultureInfo.InvariantCulture, $"{e.StartTicks} {e.EndTicks} {e.Sender.Name} {e.Rate} a{e.Attempt} {(e.IsAck ? "ACK" : "DATA")} {(e.Collided ? "C" : "-")} {(e.Delivered ? "ok" : "lost")} {Convert.ToHexString(e.Frame[..Math.Min(e.Frame.Length, 24)])}\n");
        foreach (var s in stations) s.Saturate(ap.Address, 1000, new TxDescriptor(new RateChain(108, 2, 72, 2, 24, 2, 12, 2)));
        ap.Saturate(stations[1].Address, 500, new TxDescriptor(new RateChain(96, 3, 48, 3)), depth: 1);
        h.Run(TimeSpan.FromMilliseconds(200));
        long collisions = h.Medium.Statistics.Collisions;
        h.FinishAndCheckLeaks();
        return (sb.ToString(), collisions);
    }

    [Fact]
    public void Same_seed_gives_byte_identical_transcripts_and_another_seed_differs()
    {
        var first = Run(42);
        var second = Run(42);
        var other = Run(43);
        Assert.True(first.Transcript.Length > 10_000);
        Assert.True(first.Collisions > 0);
        Assert.Equal(first.Transcript, second.Transcript);
        Assert.Equal(first.Collisions, second.Collisions);
        Assert.NotEqual(first.Transcript, other.Transcript);
    }
}
