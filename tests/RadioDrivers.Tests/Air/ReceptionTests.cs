using Net80211;
using Net80211.RadioDrivers.Air;

namespace RadioDrivers.Tests.Air;

public class ReceptionTests
{
    [Fact]
    public void A_port_on_another_frequency_hears_nothing_and_does_not_defer()
    {
        var h = new AirHarness();
        var a = h.Add("a", 5180);
        var b = h.Add("b", 5180);
        var other = h.Add("other", 5200);
        var off = h.Add("off", 0);
        foreach (var x in h.Stations)
            foreach (var y in h.Stations)
                if (x != y) h.Medium.SetLinkSnr(x.Port, y.Port, 40, symmetric: false);

        for (int i = 0; i < 20; i++) Assert.True(a.Send(MacAddress.Broadcast, 100, new TxDescriptor(RateChain.Single(12))));
        for (int i = 0; i < 20; i++) Assert.True(a.Send(b.Address, 100, new TxDescriptor(RateChain.Single(12, 4))));
        h.Run(TimeSpan.FromMilliseconds(100));

        Assert.Equal(20, a.SentNoAck);
        Assert.Equal(20, a.Acked);
        Assert.Equal(40, b.Received);
        Assert.Equal(0, other.Received);
        Assert.Equal(0, off.Received);
        Assert.Equal(TimeSpan.Zero, h.Medium.Statistics.BusyTime(5200));
        Assert.True(h.Medium.Statistics.BusyTime(5180) > TimeSpan.Zero);

        // The port on 5200 transmits at will while 5180 is busy: its own frames go through.
        h.Medium.SetLinkSnr(other.Port, off.Port, 40);
        off.Port.FrequencyMhz = 5200;
        for (int i = 0; i < 10; i++) a.Send(b.Address, 1500, new TxDescriptor(RateChain.Single(12, 4)));
        for (int i = 0; i < 10; i++) other.Send(off.Address, 1500, new TxDescriptor(RateChain.Single(12, 4)));
        h.Run(TimeSpan.FromMilliseconds(100));
        Assert.Equal(10, other.Acked);
        Assert.Equal(30, a.Acked);
        Assert.Equal(0, h.Medium.Statistics.Collisions);
        h.FinishAndCheckLeaks();
    }

    [Fact]
    public void A_frame_below_sensitivity_is_not_delivered_by_path_loss()
    {
        var h = new AirHarness();
        var a = h.Add("a", 5180, new Position(0, 0));
        var near = h.Add("near", 5180, new Position(10, 0));
        var far = h.Add("far", 5180, new Position(1000, 0));
        Assert.True(h.Medium.ReceivedPowerDbm(a.Port, far.Port) < h.Medium.Options.RxSensitivityDbm);
        Assert.True(h.Medium.ReceivedPowerDbm(a.Port, near.Port) > h.Medium.Options.CcaThresholdDbm);

        for (int i = 0; i < 10; i++) a.Send(MacAddress.Broadcast, 100, new TxDescriptor(RateChain.Single(12)));
        a.KeepResults = true;
        a.Send(far.Address, 100, new TxDescriptor(RateChain.Single(12, 3)));
        h.Run(TimeSpan.FromMilliseconds(50));

        Assert.Equal(10 + 3, near.Received); // the broadcasts and every attempt of the unicast it overhears
        Assert.Equal(0, far.Received);
        var r = Assert.Single(a.Results, r => r.Status != AirTxStatus.SentNoAck);
        Assert.Equal(AirTxStatus.NotAcked, r.Status);
        Assert.Equal(3, r.Attempts);
        Assert.Equal(10 + 3, h.Medium.Statistics.LostToNoise); // far misses the broadcasts and the three attempts
        Assert.InRange(near.LastRx.SignalDbm, h.Medium.Options.CcaThresholdDbm, 0);
        Assert.Equal(h.Medium.Options.NoiseFloorDbm, near.LastRx.NoiseDbm);
        Assert.Equal(near.LastRx.SignalDbm - near.LastRx.NoiseDbm, near.LastRx.SnrDb, 6);
        h.FinishAndCheckLeaks();
    }

    [Fact]
    public void Only_the_addressed_port_acks_and_everyone_in_range_hears_the_ack()
    {
        var h = new AirHarness();
        var a = h.Add("a", 2412);
        var b = h.Add("b", 2412);
        var c = h.Add("c", 2412);
        int acks = 0, data = 0;
        byte ackRate = 0;
        long dataEnd = 0, ackStart = 0;
        MacAddress ackRa = default;
        h.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (e.IsAck)
            {
                acks++;
                ackRate = e.Rate;
                ackStart = e.StartTicks;
                ackRa = MacAddress.Read(e.Frame[4..]);
                Assert.Equal(10, e.Frame.Length);
                Assert.Equal(0xD4, e.Frame[0]);
                Assert.Equal(b.Port, e.Sender);
            }
            else
            {
                data++;
                dataEnd = e.EndTicks;
            }
        };
        a.KeepResults = true;
        a.Send(b.Address, 500, new TxDescriptor(RateChain.Single(72, 4)));
        h.Run(TimeSpan.FromMilliseconds(10));

        Assert.Equal(1, data);
        Assert.Equal(1, acks);
        Assert.Equal(48, ackRate); // 36 Mb/s data → 24 Mb/s ACK
        Assert.Equal(a.Address, ackRa);
        Assert.Equal(DcfTiming.For(2412, false).SifsMicroseconds * 10L, ackStart - dataEnd);
        Assert.Equal(1, b.Received);
        Assert.Equal(2, c.Received); // the data frame and the ACK, overheard (what a monitor shows)
        Assert.Equal(1, a.Received); // the ACK itself, as a frame (the station's stack drops control frames)
        Assert.Equal(AirTxStatus.Acked, Assert.Single(a.Results).Status);
        Assert.Equal(1, h.Medium.Statistics.Acks);
        h.FinishAndCheckLeaks();
    }

    [Fact]
    public void Group_no_ack_and_control_frames_are_sent_once()
    {
        var h = new AirHarness();
        var a = h.Add("a", 5180);
        var b = h.Add("b", 5180);
        h.Medium.SetLinkSnr(a.Port, b.Port, -20); // nobody hears anything: nothing could be acked anyway
        a.KeepResults = true;
        a.Send(MacAddress.Broadcast, 100, new TxDescriptor(RateChain.Single(12, 4)));
        a.Send(b.Address, 100, new TxDescriptor(RateChain.Single(12, 4), noAck: true));
        var ctl = h.DataFrame(a.Address, b.Address, 0);
        ctl.Data[0] = 0xB4; // RTS
        Assert.True(a.Port.TryEnqueue(ctl, new TxDescriptor(RateChain.Single(12, 4))));
        a.Track(ctl);
        h.Run(TimeSpan.FromMilliseconds(10));
        Assert.Equal(3, a.Results.Count);
        Assert.All(a.Results, r => Assert.Equal((AirTxStatus.SentNoAck, 1), (r.Status, r.Attempts)));
        Assert.Equal(3, h.Medium.Statistics.Transmissions);
        Assert.Equal(0, h.Medium.Statistics.Acks);
        h.FinishAndCheckLeaks();
    }

    [Fact]
    public void Queue_limit_rejects_and_caller_keeps_the_frame()
    {
        var h = new AirHarness();
        var a = h.Add("a", 5180);
        a.Port.QueueLimit = 3;
        var desc = new TxDescriptor(RateChain.Single(12));
        Assert.True(a.Send(MacAddress.Broadcast, 100, desc));
        Assert.True(a.Send(MacAddress.Broadcast, 100, desc));
        Assert.True(a.Send(MacAddress.Broadcast, 100, desc));
        Assert.False(a.Send(MacAddress.Broadcast, 100, desc)); // Send frees the refused frame itself
        Assert.Equal(3, a.Port.QueueDepth);
        var bad = h.DataFrame(a.Address, a.Address, 0);
        Assert.Throws<ArgumentException>(() => a.Port.TryEnqueue(bad, new TxDescriptor(RateChain.Single(13))));
        Assert.Throws<ArgumentException>(() => a.Port.TryEnqueue(bad, new TxDescriptor(new RateChain(12, 0))));
        bad.Free(); // refused: still ours
        h.Run(TimeSpan.FromMilliseconds(10));
        Assert.Equal(0, a.Port.QueueDepth);
        Assert.Equal(3, a.SentNoAck);
        h.FinishAndCheckLeaks();
    }
}
