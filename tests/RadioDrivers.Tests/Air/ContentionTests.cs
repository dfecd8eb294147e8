using Net80211.RadioDrivers.Air;
using Xunit.Abstractions;

namespace RadioDrivers.Tests.Air;

public class ContentionTests(ITestOutputHelper output)
{
    private const int Msdu = 1500;

    private sealed record Outcome(long Acked, long Collisions, long Transmissions, long SameSlotStarts, long OtherOverlaps, long Dropped);

    /// <summary>A and C send to B; <paramref name="hidden"/> decides whether A and C hear each other.</summary>
    private Outcome RunThreeStations(bool hidden, byte rate, double seconds)
    {
        var h = new AirHarness(seed: 3);
        var a = h.Add("a", 5180);
        var b = h.Add("b", 5180);
        var c = h.Add("c", 5180);
        h.Medium.SetLinkSnr(a.Port, b.Port, 30);
        h.Medium.SetLinkSnr(c.Port, b.Port, 30);
        h.Medium.SetLinkSnr(a.Port, c.Port, hidden ? -30 : 30);
        Assert.Equal(hidden, h.Medium.ReceivedPowerDbm(a.Port, c.Port) < h.Medium.Options.RxSensitivityDbm);

        var frames = new List<(long Start, long End)>();
        h.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (!e.IsAck) frames.Add((e.StartTicks, e.EndTicks));
        };

        var desc = new TxDescriptor(RateChain.Single(rate, 7));
        a.Saturate(b.Address, Msdu, desc);
        c.Saturate(b.Address, Msdu, desc);
        h.Run(TimeSpan.FromSeconds(seconds));

        // With carrier sense the only overlaps possible are two countdowns ending in the same slot:
        // identical start times. Anything else is a hidden-node overlap.
        long sameSlot = 0, other = 0;
        frames.Sort();
        for (int i = 1; i < frames.Count; i++)
        {
            if (frames[i].Start >= frames[i - 1].End) continue;
            if (frames[i].Start == frames[i - 1].Start) sameSlot++;
            else other++;
        }
        var st = h.Medium.Statistics;
        var result = new Outcome(a.Acked + c.Acked, st.Collisions, st.Transmissions, sameSlot, other, a.NotAcked + c.NotAcked);
        output.WriteLine($"hidden={hidden} {rate / 2.0} Mb/s: goodput {result.Acked * Msdu * 8 / seconds / 1e6:F2} Mb/s ({result.Acked} frames), transmissions {st.Transmissions}, collisions {st.Collisions} ({(double)st.Collisions / st.Transmissions:P1}), lost to noise {st.LostToNoise}, same-slot starts {sameSlot}, other overlaps {other}, dropped {result.Dropped}");
        h.FinishAndCheckLeaks();
        return result;
    }

    /// <summary>Bianchi's fixed point (IEEE JSAC 18(3), 2000, eqs. 7 and 9): conditional collision
    /// probability p of n saturated stations with W = CWmin + 1 and m backoff stages.</summary>
    private static double BianchiCollisionProbability(int n, int w, int m)
    {
        double lo = 0, hi = 0.4999;
        for (int i = 0; i < 200; i++)
        {
            double p = (lo + hi) / 2;
            double tau = 2 * (1 - 2 * p) / ((1 - 2 * p) * (w + 1) + p * w * (1 - Math.Pow(2 * p, m)));
            if (1 - Math.Pow(1 - tau, n - 1) > p) lo = p;
            else hi = p;
        }
        return (lo + hi) / 2;
    }

    [Fact]
    public void Stations_that_hear_each_other_only_collide_in_the_same_slot_at_the_rate_bianchi_predicts()
    {
        var open = RunThreeStations(hidden: false, rate: 108, seconds: 1.0);
        var t = DcfTiming.For(5180, false);
        double p = BianchiCollisionProbability(2, t.CwMin + 1, (int)Math.Log2((t.CwMax + 1) / (t.CwMin + 1)));
        double observed = (double)open.Collisions / open.Transmissions;
        output.WriteLine($"Bianchi p = {p:F4}, observed fraction of transmissions collided = {observed:F4}");
        Assert.Equal(0, open.OtherOverlaps);
        Assert.Equal(2 * open.SameSlotStarts, open.Collisions); // each same-slot start loses both frames at B
        Assert.InRange(observed, p - 0.035, p + 0.035);
        Assert.Equal(0, open.Dropped);
    }

    [Theory]
    [InlineData(108, 0.75)]
    [InlineData(12, 0.5)]
    public void Hidden_nodes_collide_and_lose_throughput(byte rate, double maxRatio)
    {
        var open = RunThreeStations(hidden: false, rate, seconds: 0.5);
        var hidden = RunThreeStations(hidden: true, rate, seconds: 0.5);

        Assert.True(hidden.OtherOverlaps > 0);
        Assert.True(hidden.Collisions > 3 * open.Collisions, $"hidden {hidden.Collisions} vs open {open.Collisions} collisions");
        Assert.True(hidden.Collisions > 0.3 * hidden.Transmissions, $"hidden: {hidden.Collisions} collisions of {hidden.Transmissions}");
        Assert.True(hidden.Acked < maxRatio * open.Acked, $"hidden acked {hidden.Acked} vs open {open.Acked}");
    }

    [Fact]
    public void Two_saturated_stations_share_the_channel_fairly_and_keep_most_of_the_capacity()
    {
        var h = new AirHarness(seed: 9);
        var ap = h.Add("ap", 5180);
        var s1 = h.Add("s1", 5180);
        var s2 = h.Add("s2", 5180);
        foreach (var x in h.Stations)
            foreach (var y in h.Stations)
                if (x != y) h.Medium.SetLinkSnr(x.Port, y.Port, 40, symmetric: false);
        var desc = new TxDescriptor(RateChain.Single(108, 7));
        s1.Saturate(ap.Address, Msdu, desc);
        s2.Saturate(ap.Address, Msdu, desc);
        h.Run(TimeSpan.FromSeconds(0.5));

        var t = DcfTiming.For(5180, false);
        double singleCycle = t.DifsMicroseconds + t.CwMin / 2.0 * t.SlotMicroseconds + Airtime.Microseconds(108, 1536, 5180)
            + t.SifsMicroseconds + Airtime.AckMicroseconds(108, 5180);
        long single = (long)(0.5e6 / singleCycle);
        long total = s1.Acked + s2.Acked;
        output.WriteLine($"s1 {s1.Acked}, s2 {s2.Acked}, single-station frames {single}");
        // A shorter mean idle time with two contenders offsets the collisions: within 15% of one station alone.
        Assert.InRange(total, single * 0.85, single * 1.15);
        Assert.InRange((double)s1.Acked / total, 0.45, 0.55);
        h.FinishAndCheckLeaks();
    }
}
