using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Iwx;
using Net80211.StateMachine;

namespace Iwx.Tests;

/// <summary>TX status from the firmware feeds the stack's rate control: AMRR over iwx learns the link from the
/// retries in the TX responses, as over hwsim.</summary>
public class RateControlTests
{
    [Fact]
    public void Amrr_over_iwx_settles_on_24_mbps_on_a_link_that_carries_24_but_not_36()
    {
        // The SNR where 24 Mb/s loses under 10% of 1500-byte frames and 36 Mb/s over 90% (the error model's).
        double snr = Enumerable.Range(0, 400).Select(i => i / 10.0)
            .First(s => ErrorRateModel.PacketErrorRate(48, s, 1540) < 0.1 && ErrorRateModel.PacketErrorRate(72, s, 1540) > 0.9);
        var w = new IwxWorld(seed: 35);
        w.World.Medium.SetLinkSnr(w.ApRadio!.Port, w.Device.Port, snr);
        var ap = w.HostAp("net80211");
        var sta = w.Station("net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 20));
        Assert.Equal("AmrrRateControl", sta.RateControl!.GetType().Name);

        var firstAttempts = new Dictionary<byte, int>();
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (e.Sender == w.Device.Port && !e.IsAck && e.Frame.Length > 1000 && e.Attempt == 1)
                firstAttempts[e.Rate] = firstAttempts.GetValueOrDefault(e.Rate) + 1;
        };
        long retriesBefore = sta.Bss!.Stats.TxRetries;
        using (w.Saturate(sta, ap.MacAddress, 1500)) w.RunFor(10);
        w.RunFor(0.2);

        Assert.Equal((byte)48, firstAttempts.MaxBy(kv => kv.Value).Key);   // 24 Mb/s
        Assert.True(firstAttempts[48] > firstAttempts.Values.Sum() / 2, string.Join(", ", firstAttempts));
        // The retries AMRR learned from came from the firmware's TX responses.
        Assert.True(sta.Bss.Stats.TxRetries > retriesBefore);
        w.AssertTxAccounting();
    }
}
