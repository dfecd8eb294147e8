using Net80211.RadioDrivers.Air;
using Xunit.Abstractions;

namespace RadioDrivers.Tests.Air;

public class ThroughputTests(ITestOutputHelper output)
{
    private const int Msdu = 1500;
    private const int Mpdu = 24 + 8 + Msdu + 4; // MAC header + LLC/SNAP + MSDU + FCS

    [Theory]
    [InlineData(5180, 108, false, 0.5)] // 802.11a 54 Mb/s
    [InlineData(2412, 22, false, 1.0)]  // 802.11b 11 Mb/s, long preamble
    [InlineData(2412, 22, true, 1.0)]   // 802.11b 11 Mb/s, short preamble
    public void Saturated_unicast_goodput_matches_the_analytic_dcf_maximum(int freq, byte rate, bool shortPreamble, double seconds)
    {
        var h = new AirHarness(seed: 11);
        var a = h.Add("a", freq);
        var b = h.Add("b", freq);
        h.Medium.SetLinkSnr(a.Port, b.Port, 60);
        a.Saturate(b.Address, Msdu, new TxDescriptor(RateChain.Single(rate, 7), shortPreamble: shortPreamble), depth: 4);

        var duration = TimeSpan.FromSeconds(seconds);
        h.Run(duration);

        // One frame per DIFS + mean backoff (CWmin/2 slots) + DATA + SIFS + ACK.
        var t = DcfTiming.For(freq, h.Medium.Options.ShortSlot2Ghz);
        double cycleUs = t.DifsMicroseconds + t.CwMin / 2.0 * t.SlotMicroseconds
            + Airtime.Microseconds(rate, Mpdu, freq, shortPreamble) + t.SifsMicroseconds
            + Airtime.AckMicroseconds(rate, freq, shortPreamble);
        double analyticMbps = Msdu * 8 / cycleUs;
        double goodputMbps = a.Acked * Msdu * 8 / duration.TotalSeconds / 1e6;
        output.WriteLine($"{freq} MHz rate {rate / 2.0} Mb/s short={shortPreamble}: goodput {goodputMbps:F3} Mb/s, analytic {analyticMbps:F3} Mb/s ({goodputMbps / analyticMbps - 1:P2}), frames {a.Acked}");

        Assert.InRange(goodputMbps, analyticMbps * 0.97, analyticMbps * 1.03);
        Assert.Equal(0, a.NotAcked);
        Assert.Equal(0, h.Medium.Statistics.Collisions);
        Assert.InRange(h.Medium.Statistics.Transmissions - h.Medium.Statistics.Acks, 0, 1); // the last frame may still be on the air
        // Busy airtime: DATA + ACK per frame.
        double busyPerFrameUs = Airtime.Microseconds(rate, Mpdu, freq, shortPreamble) + Airtime.AckMicroseconds(rate, freq, shortPreamble);
        Assert.InRange(h.Medium.Statistics.BusyTime(freq).TotalMicroseconds, busyPerFrameUs * a.Acked, busyPerFrameUs * (a.Acked + 1));
        h.FinishAndCheckLeaks();
    }

    [Fact]
    public void The_54_Mbps_analytic_maximum_is_about_30_5_Mbps()
    {
        var t = DcfTiming.For(5180, false);
        double cycleUs = t.DifsMicroseconds + t.CwMin / 2.0 * t.SlotMicroseconds + Airtime.Microseconds(108, Mpdu, 5180)
            + t.SifsMicroseconds + Airtime.AckMicroseconds(108, 5180);
        Assert.InRange(Msdu * 8 / cycleUs, 30.3, 30.7);
    }
}
