using Net80211.RadioDrivers.Air;
using Xunit.Abstractions;

namespace RadioDrivers.Tests.Air;

public class PacketErrorTests(ITestOutputHelper output)
{
    private const int Msdu = 200;
    private const int Frames = 1500;

    /// <summary>SNR at which the model's PER for this frame first drops to <paramref name="per"/>.</summary>
    private static double SnrForPer(byte rate, int bytes, double per)
    {
        double snr = -10;
        while (ErrorRateModel.PacketErrorRate(rate, snr, bytes) > per) snr += 0.01;
        return snr;
    }

    [Theory]
    [InlineData(108)]
    [InlineData(48)]
    [InlineData(12)]
    [InlineData(22)]
    [InlineData(11)]
    [InlineData(2)]
    public void Observed_loss_fraction_matches_the_error_rate_model(byte rate)
    {
        int freq = Airtime.IsOfdm(rate) ? 5180 : 2412;
        int bytes = 24 + 8 + Msdu + 4;
        foreach (double target in new[] { 0.2, 0.5, 0.8 })
        {
            double snr = SnrForPer(rate, bytes, target);
            double p = ErrorRateModel.PacketErrorRate(rate, snr, bytes);
            var h = new AirHarness(seed: (ulong)(rate * 100 + target * 10));
            var a = h.Add("a", freq);
            var b = h.Add("b", freq);
            h.Medium.SetLinkSnr(a.Port, b.Port, snr);
            a.Saturate(b.Address, Msdu, new TxDescriptor(RateChain.Single(rate, 1), noAck: true), depth: 1);
            Assert.True(h.Scheduler.RunUntil(() => a.Done >= Frames, TimeSpan.FromSeconds(60)));
            a.StopSource();
            h.Scheduler.RunUntilIdle(TimeSpan.FromSeconds(1));

            double observed = 1 - (double)b.Received / a.SentNoAck;
            // 4 standard deviations of a binomial proportion (plus one frame of slack).
            double bound = 4 * Math.Sqrt(p * (1 - p) / a.SentNoAck) + 1.0 / a.SentNoAck;
            output.WriteLine($"rate {rate / 2.0} Mb/s at {snr:F2} dB: model PER {p:F3}, observed {observed:F3} over {a.SentNoAck} frames (bound ±{bound:F3})");
            Assert.InRange(observed, p - bound, p + bound);
            Assert.Equal(a.SentNoAck - b.Received, h.Medium.Statistics.LostToNoise);
            Assert.Equal(0, h.Medium.Statistics.Collisions);
            Assert.Equal(0, h.Medium.Statistics.Acks);
            h.FinishAndCheckLeaks();
        }
    }

    [Fact]
    public void Fading_turns_a_clean_link_lossy()
    {
        int bytes = 24 + 8 + Msdu + 4;
        double snr = SnrForPer(108, bytes, 0.001);
        long Lost(double sigma)
        {
            var h = new AirHarness(seed: 5, new MediumOptions { FadingSigmaDb = sigma });
            var a = h.Add("a", 5180);
            var b = h.Add("b", 5180);
            h.Medium.SetLinkSnr(a.Port, b.Port, snr);
            a.Saturate(b.Address, Msdu, new TxDescriptor(RateChain.Single(108, 1), noAck: true), depth: 1);
            h.Scheduler.RunUntil(() => a.Done >= 1000, TimeSpan.FromSeconds(10));
            long lost = a.SentNoAck - b.Received;
            h.FinishAndCheckLeaks();
            return lost;
        }
        long without = Lost(0), with = Lost(4);
        output.WriteLine($"lost without fading {without}, with 4 dB fading {with}");
        Assert.True(with > without + 50, $"fading should add losses: {without} → {with}");
    }
}
