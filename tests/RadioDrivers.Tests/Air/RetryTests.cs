using Net80211;
using Net80211.RadioDrivers.Air;

namespace RadioDrivers.Tests.Air;

public class RetryTests
{
    [Fact]
    public void Chain_falls_back_from_54_to_6_and_reports_per_stage_attempts()
    {
        var h = new AirHarness();
        var a = h.Add("a", 5180);
        var b = h.Add("b", 5180);
        const double snr = 10;
        Assert.True(ErrorRateModel.PacketErrorRate(108, snr, 1536) > 0.999);
        Assert.True(ErrorRateModel.PacketErrorRate(12, snr, 1536) < 1e-6);
        h.Medium.SetLinkSnr(a.Port, b.Port, snr);
        var air = new List<(byte Rate, int Attempt, bool Ack)>();
        h.Medium.FrameOnAir += (in AirFrameEvent e) => air.Add((e.Rate, e.Attempt, e.IsAck));

        a.KeepResults = true;
        a.Send(b.Address, 1500, new TxDescriptor(new RateChain(108, 2, 12, 4)));
        h.Run(TimeSpan.FromMilliseconds(50));

        var r = Assert.Single(a.Results);
        Assert.Equal(AirTxStatus.Acked, r.Status);
        Assert.Equal(1, r.FinalStage);
        Assert.Equal(12, r.FinalRate);
        Assert.Equal(2, r.StageAttempts(0));
        Assert.Equal(1, r.StageAttempts(1));
        Assert.Equal(3, r.Attempts);
        Assert.Equal([(108, 1, false), (108, 2, false), (12, 3, false), (12, 3, true)], air);
        Assert.Equal(1, b.Received);
        h.FinishAndCheckLeaks();
    }

    [Fact]
    public void Exhausted_chain_reports_not_acked_and_the_retries_back_off_exponentially()
    {
        var h = new AirHarness(seed: 2);
        var a = h.Add("a", 5180);
        var nobody = MacAddress.Parse("02:99:99:99:99:99");
        var starts = new List<long>();
        var ends = new List<long>();
        h.Medium.FrameOnAir += (in AirFrameEvent e) => { starts.Add(e.StartTicks); ends.Add(e.EndTicks); };
        a.KeepResults = true;
        // Many frames so the mean gap per retry index is measurable.
        const int frames = 200;
        for (int i = 0; i < frames; i++) Assert.True(a.Send(nobody, 100, new TxDescriptor(new RateChain(12, 3, 24, 3))));
        h.Run(TimeSpan.FromSeconds(5));

        Assert.Equal(frames, a.NotAcked);
        Assert.All(a.Results, r => Assert.Equal((6, 3, 3, 1, (byte)24), (r.Attempts, r.StageAttempts(0), r.StageAttempts(1), r.FinalStage, r.FinalRate)));

        // Gap from the ACK timeout to the next start = AIFS-free countdown of U[0, CW] slots.
        // With CW = 15, 31, 63, ... the mean gap must grow with the retry index.
        var t = DcfTiming.For(5180, false);
        var gapsByRetry = new double[6];
        for (int f = 0; f < frames; f++)
        {
            for (int k = 1; k < 6; k++)
            {
                int i = f * 6 + k;
                long timeout = ends[i - 1] + t.AckTimeoutMicroseconds(Airtime.AckMicroseconds((byte)(k - 1 < 3 ? 12 : 24), 5180)) * 10L;
                gapsByRetry[k] += (starts[i] - timeout) / 10.0 / t.SlotMicroseconds / frames;
            }
        }
        // Expected mean slots: CW/2 for CW = 31, 63, 127, 255, 511.
        for (int k = 1; k < 6; k++)
        {
            double cw = Math.Min((16 << k) - 1, t.CwMax);
            Assert.InRange(gapsByRetry[k], cw / 2 * 0.8, cw / 2 * 1.2);
        }
        h.FinishAndCheckLeaks();
    }
}
