using Net80211;
using Net80211.RadioDrivers.Air;

namespace RadioDrivers.Tests.Air;

public class DetachTests
{
    [Fact]
    public void Detach_flushes_queued_frames_and_takes_the_frame_on_air_off_it()
    {
        var h = new AirHarness();
        var a = h.Add("a", 5180);
        var b = h.Add("b", 5180);
        h.Medium.SetLinkSnr(a.Port, b.Port, 40);
        int seen = 0;
        h.Medium.FrameOnAir += (in AirFrameEvent e) => seen++;
        a.KeepResults = true;
        for (int i = 0; i < 5; i++) Assert.True(a.Send(b.Address, 1500, new TxDescriptor(RateChain.Single(12, 4))));

        // Stop the world while the first frame is on the air.
        Assert.True(h.Scheduler.RunUntil(() => h.Medium.Statistics.Transmissions == 1, TimeSpan.FromSeconds(1)));
        h.Medium.Detach(a.Port);

        Assert.False(a.Port.IsAttached);
        Assert.Equal(5, a.Flushed);
        Assert.Equal(0, a.Port.QueueDepth);
        Assert.Equal(1, a.Results[0].Attempts);                      // the one on the air
        Assert.All(a.Results.Skip(1), r => Assert.Equal(0, r.Attempts)); // never started
        Assert.All(a.Results, r => Assert.Equal(AirTxStatus.Flushed, r.Status));
        Assert.False(a.Send(b.Address, 100, new TxDescriptor(RateChain.Single(12)))); // detached: refused, caller keeps it

        h.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(0, seen);          // the aborted frame never completed
        Assert.Equal(0, b.Received);

        // The rest of the air carries on.
        var c = h.Add("c", 5180);
        h.Medium.SetLinkSnr(c.Port, b.Port, 40);
        for (int i = 0; i < 3; i++) c.Send(b.Address, 1500, new TxDescriptor(RateChain.Single(12, 4)));
        h.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(3, c.Acked);
        Assert.Equal(3, b.Received);
        h.FinishAndCheckLeaks();
    }

    [Fact]
    public void Detaching_a_receiver_mid_frame_and_reusing_its_slot_is_safe()
    {
        var h = new AirHarness();
        var a = h.Add("a", 5180);
        var b = h.Add("b", 5180);
        h.Medium.SetLinkSnr(a.Port, b.Port, 40);
        a.KeepResults = true;
        a.Saturate(b.Address, 1500, new TxDescriptor(RateChain.Single(12, 2)), depth: 3);
        Assert.True(h.Scheduler.RunUntil(() => h.Medium.Statistics.Transmissions == 3, TimeSpan.FromSeconds(1)));
        h.Medium.Detach(b.Port);
        var c = h.Add("c", 5180); // takes b's slot while a's frame is still on the air
        h.Medium.SetLinkSnr(a.Port, c.Port, 40);
        h.Run(TimeSpan.FromMilliseconds(30));
        Assert.Equal(2, a.Acked);
        Assert.True(a.NotAcked > 0);
        // c did not hear the frame already on the air when it attached, but every later attempt.
        // (The last transmission may still be on the air.)
        Assert.InRange(c.Received, h.Medium.Statistics.Transmissions - 4, h.Medium.Statistics.Transmissions - 3);
        Assert.True(c.Received > 0);
        h.FinishAndCheckLeaks();
    }

    [Fact]
    public void Detach_from_inside_a_callback_is_safe()
    {
        var h = new AirHarness();
        var a = h.Add("a", 5180);
        var b = h.Add("b", 5180);
        h.Medium.SetLinkSnr(a.Port, b.Port, 40);
        bool detached = false;
        h.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (!e.IsAck && !detached)
            {
                detached = true;
                h.Medium.Detach(b.Port); // the receiver leaves as the frame ends
            }
        };
        a.KeepResults = true;
        a.Send(b.Address, 500, new TxDescriptor(RateChain.Single(12, 2)));
        a.Send(MacAddress.Broadcast, 500, new TxDescriptor(RateChain.Single(12)));
        h.Run(TimeSpan.FromMilliseconds(20));
        Assert.Equal(0, b.Received);
        Assert.Equal(AirTxStatus.NotAcked, a.Results[0].Status);
        Assert.Equal(AirTxStatus.SentNoAck, a.Results[1].Status);
        h.FinishAndCheckLeaks();
    }
}
