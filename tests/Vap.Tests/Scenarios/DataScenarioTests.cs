using Net80211;
using Net80211.Packets;
using Net80211.RadioDrivers.Air;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vaps;

namespace Vap.Tests.Scenarios;

/// <summary>Data both ways between an AP and its stations: unicast, broadcast, relaying between stations,
/// fragmentation and reassembly, duplicate detection, rate control on a real link.</summary>
public class DataScenarioTests
{
    private sealed class Joined
    {
        public readonly ScenarioWorld W;
        public readonly Ieee80211Vap Ap, Sta1, Sta2;
        public readonly List<byte[]> ApGot = [], Sta1Got = [], Sta2Got = [];

        public Joined(ulong seed, double sta2Distance = 8)
        {
            W = new ScenarioWorld(seed, dataOnAir: true);
            Ap = W.HostAp(W.AddRadio(), "net80211");
            Sta1 = W.Station(W.AddRadio(new Position(5, 0)), "net80211", name: "sta1");
            Sta2 = W.Station(W.AddRadio(new Position(sta2Distance, 0)), "net80211", name: "sta2");
            Collect(Ap, ApGot);
            Collect(Sta1, Sta1Got);
            Collect(Sta2, Sta2Got);
            Assert.True(W.RunUntil(() => Sta1.State == Ieee80211State.Run && Sta2.State == Ieee80211State.Run, 20));
        }

        private static void Collect(Ieee80211Vap vap, List<byte[]> into)
            => vap.Interface.Receiver = p => { into.Add(p.Data.ToArray()); p.Free(); };

        public void Send(Ieee80211Vap from, MacAddress to, int payload, byte fill) => W.Send(from, to, payload, fill);
    }

    private static byte[] Ethernet(MacAddress to, MacAddress from, int payload, byte fill)
    {
        var b = new byte[14 + payload];
        to.WriteTo(b);
        from.WriteTo(b.AsSpan(6));
        b[12] = 0x08;
        b.AsSpan(14).Fill(fill);
        return b;
    }

    [Fact]
    public void Unicast_and_broadcast_both_ways_and_relayed_between_stations()
    {
        var j = new Joined(seed: 31);
        j.Send(j.Sta1, j.Ap.MacAddress, 100, 0x11);             // STA → AP
        j.Send(j.Ap, j.Sta1.MacAddress, 200, 0x22);             // AP → STA
        j.Send(j.Ap, MacAddress.Broadcast, 50, 0x33);           // AP broadcast
        j.Send(j.Sta1, MacAddress.Broadcast, 60, 0x44);         // STA broadcast: up at the AP and relayed to sta2
        j.Send(j.Sta1, j.Sta2.MacAddress, 70, 0x55);            // STA → STA through the AP (apbridge)
        j.W.RunFor(0.5);

        Assert.Equal([Ethernet(j.Ap.MacAddress, j.Sta1.MacAddress, 100, 0x11), Ethernet(MacAddress.Broadcast, j.Sta1.MacAddress, 60, 0x44)], j.ApGot);
        Assert.Equal([Ethernet(j.Sta1.MacAddress, j.Ap.MacAddress, 200, 0x22), Ethernet(MacAddress.Broadcast, j.Ap.MacAddress, 50, 0x33)], j.Sta1Got);
        Assert.Equal([Ethernet(MacAddress.Broadcast, j.Ap.MacAddress, 50, 0x33), Ethernet(MacAddress.Broadcast, j.Sta1.MacAddress, 60, 0x44),
            Ethernet(j.Sta2.MacAddress, j.Sta1.MacAddress, 70, 0x55)], j.Sta2Got);
        Assert.Equal(1, j.Sta1.Stats.RxMcastEcho);             // its own broadcast, relayed back, is dropped
        Assert.True(j.W.World.AllTxCompleted);
        Assert.Equal(0, j.W.World.Pool.Outstanding);
        Snapshot.Verify(string.Join('\n', j.W.Transcript.ToString().Split('\n').Where(l => l.Contains(" air ", StringComparison.Ordinal) && l.Contains("Data", StringComparison.Ordinal))));
    }

    [Fact]
    public void Frames_above_the_fragmentation_threshold_are_fragmented_and_reassembled()
    {
        var j = new Joined(seed: 32);
        j.Sta1.FragmentThreshold = 512;
        j.Send(j.Sta1, j.Ap.MacAddress, 1400, 0x66);
        j.W.RunFor(0.2);
        Assert.Equal([Ethernet(j.Ap.MacAddress, j.Sta1.MacAddress, 1400, 0x66)], j.ApGot);
        var fragments = j.W.Transcript.ToString().Split('\n').Count(l => l.Contains("sta1 -> ap Data", StringComparison.Ordinal));
        Assert.Equal(3, fragments);
        Assert.Equal(0, j.W.World.Pool.Outstanding);
    }

    [Fact]
    public void Duplicates_are_dropped_and_counted()
    {
        var j = new Joined(seed: 33);
        // Lose every ACK the AP sends to sta1 for a while: sta1 retransmits (Retry bit, same sequence
        // number) frames the AP already received.
        var apPort = j.W.World.Radios[0].Port;
        var until = j.W.World.Scheduler.Now + TimeSpan.FromMilliseconds(50);
        j.W.World.Medium.LossFilter = (from, to, frame) => from == apPort && frame.Span[0] == 0xd4 && j.W.World.Scheduler.Now < until;
        for (int i = 0; i < 3; i++) j.Send(j.Sta1, j.Ap.MacAddress, 100, (byte)i);
        j.W.RunFor(0.5);
        Assert.Equal(3, j.ApGot.Count);
        var node = j.Ap.Ic.Nodes.Find(j.Ap, j.Sta1.MacAddress)!;
        Assert.True(node.Stats.RxDuplicates > 0);
        Assert.Equal(node.Stats.RxDuplicates, j.Ap.Stats.RxDuplicate);
        Assert.Equal(0, j.W.World.Pool.Outstanding);
    }

    [Fact]
    public void Oversized_frames_are_refused_by_the_interface()
    {
        var j = new Joined(seed: 34);
        j.Send(j.Sta1, j.Ap.MacAddress, 1501, 0x77);
        j.W.RunFor(0.1);
        Assert.Empty(j.ApGot);
        Assert.Equal(1, j.Sta1.Interface.OutErrors);
    }

    [Fact]
    public void Amrr_settles_on_24_mbps_on_a_link_that_carries_24_but_not_36()
    {
        // Pick the SNR from the error model: 24 Mb/s loses under 10% of 1500-byte frames, 36 Mb/s over 90%.
        double snr = Enumerable.Range(0, 400).Select(i => i / 10.0)
            .First(s => Net80211.RadioDrivers.Air.ErrorRateModel.PacketErrorRate(48, s, 1540) < 0.1
                     && Net80211.RadioDrivers.Air.ErrorRateModel.PacketErrorRate(72, s, 1540) > 0.9);
        var w = new ScenarioWorld(seed: 35);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio();
        w.World.Medium.SetLinkSnr(apRadio.Port, staRadio.Port, snr);
        var ap = w.HostAp(apRadio, "net80211");
        var sta = w.Station(staRadio, "net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 20));

        var firstAttemptRates = new Dictionary<byte, int>();
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (e.Sender == staRadio.Port && !e.IsAck && e.Frame.Length > 1000 && e.Attempt == 1)
                firstAttemptRates[e.Rate] = firstAttemptRates.GetValueOrDefault(e.Rate) + 1;
        };
        // Saturate the uplink for 10 s: keep 8 frames queued.
        int inFlight = 0;
        void Pump()
        {
            while (inFlight < 8)
            {
                var p = w.World.Pool.Rent(1514);
                var b = p.Append(1514);
                ap.MacAddress.WriteTo(b);
                sta.MacAddress.WriteTo(b[6..]);
                b[12] = 0x08;
                inFlight++;
                p.Context = null;
                sta.Interface.Output(p);
            }
        }
        long completed = staRadio.Ic.TxCompleted;
        var pumpTimer = new Net80211.Scheduling.Callout(staRadio.Ic.Queue);
        void Tick(object? _)
        {
            long now = staRadio.Ic.TxCompleted;
            inFlight = Math.Max(0, inFlight - (int)(now - completed));
            completed = now;
            Pump();
            pumpTimer.Reset(TimeSpan.FromMilliseconds(2), Tick);
        }
        w.World.OnQueue(staRadio, () => Tick(null));
        w.RunFor(10);
        pumpTimer.Stop();
        var most = firstAttemptRates.MaxBy(kv => kv.Value).Key;
        Assert.Equal(48, most);   // 24 Mb/s
        Assert.True(firstAttemptRates.GetValueOrDefault((byte)48) > firstAttemptRates.Values.Sum() / 2);
    }
}
