using System.Globalization;
using System.Text;
using Net80211;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Hwsim;
using Net80211.StateMachine;
using Net80211.Testing;

namespace RadioDrivers.Tests.Hwsim;

public class HwsimRadioTests
{
    /// <summary>An AP-mode VAP beaconing on hwsim0, a station-mode VAP on hwsim1 and a monitor VAP on
    /// hwsim2, all on channel 36; the station then sends unicast management frames to the AP.</summary>
    private sealed class Scenario
    {
        public readonly HwsimWorld World;
        public readonly BeaconingTestModule Ap = new("net80211");
        public readonly RecordingOpModeModule Sta = new(OpMode.Sta, Ieee80211State.Scan);
        public readonly RecordingOpModeModule Monitor = new(OpMode.Monitor, Ieee80211State.Run);
        public readonly Transcript Transcript = new();
        public readonly HwsimRadio R0, R1, R2;

        public Scenario(ulong seed, int unicastFrames = 20)
        {
            World = new HwsimWorld(new ModuleRegistry([Ap, Sta, Monitor]), seed);
            R0 = World.AddRadio();
            R1 = World.AddRadio();
            R2 = World.AddRadio();
            foreach (var r in World.Radios) Transcript.Attach(r.Ic);
            World.Medium.FrameOnAir += (in AirFrameEvent e) => Transcript.Add(TimeSpan.FromTicks(e.StartTicks),
                string.Create(CultureInfo.InvariantCulture,
                    $"air {e.Sender.Name} fc={e.Frame[0]:x2} len={e.Frame.Length} rate={e.Rate / 2.0} attempt={e.Attempt}{(e.IsAck ? " ack" : "")}{(e.Collided ? " collided" : "")}"));

            foreach (var r in World.Radios)
            {
                var ch36 = r.Ic.FindChannelByIeee(36)!;
                World.OnQueue(r, () => r.Ic.SetCurrentChannel(ch36));
            }
            var ap = R0.Ic.CreateVap(OpMode.HostAp).Vap!;
            var sta = R1.Ic.CreateVap(OpMode.Sta).Vap!;
            var mon = R2.Ic.CreateVap(OpMode.Monitor).Vap!;
            World.OnQueue(R0, ap.Up);
            World.OnQueue(R1, sta.Up);
            World.OnQueue(R2, mon.Up);
            World.Scheduler.RunFor(TimeSpan.FromMilliseconds(350));

            World.OnQueue(R1, () =>
            {
                var apNode = R1.Ic.Nodes.Add(sta, ap.MacAddress);
                for (int i = 0; i < unicastFrames; i++)
                {
                    var f = World.Pool.Rent(new byte[24 + 6]);
                    var b = f.Data;
                    b[0] = 0xb0;                              // authentication
                    ap.MacAddress.WriteTo(b[4..]);
                    sta.MacAddress.WriteTo(b[10..]);
                    ap.MacAddress.WriteTo(b[16..]);
                    b[22] = (byte)(i << 4);
                    R1.Ic.RawTransmit(apNode, f);
                }
            });
            World.Scheduler.RunFor(TimeSpan.FromMilliseconds(200));
        }

        public void FreeRecorded()
        {
            foreach (var m in Ap.Attached) m.Recorder.FreeAll();
            foreach (var m in Sta.Attached) m.FreeAll();
            foreach (var m in Monitor.Attached) m.FreeAll();
        }
    }

    [Fact]
    public void Beacons_reach_the_station_and_monitor_and_unicast_is_acked()
    {
        var s = new Scenario(seed: 1);
        var ap = (HwsimVap)s.R0.Ic.Vaps[0];
        // Up at t≈0, then every 102.4 ms for 550 ms: 6 beacons.
        Assert.Equal(6, ap.BeaconsSent);
        var staFrames = s.Sta.Attached.Single().Received;
        Assert.Equal(6, staFrames.Count(f => f.Frame.Data[0] == 0x80));
        Assert.All(staFrames.Where(f => f.Frame.Data[0] == 0x80), f => Assert.Equal(5180, f.Frame.Meta.FrequencyMhz));

        var apReceived = s.Ap.Attached.Single().Recorder.Received;
        Assert.Equal(20, apReceived.Count(f => f.Frame.Data[0] == 0xb0));
        Assert.Equal(0, s.R1.Ic.OErrors);

        // The monitor saw the beacons and the station's frames.
        var mon = s.Monitor.Attached.Single().Received;
        Assert.Equal(6, mon.Count(f => f.Frame.Data[0] == 0x80));
        Assert.Equal(20, mon.Count(f => f.Frame.Data[0] == 0xb0));
        Assert.True(s.World.AllTxCompleted);

        s.FreeRecorded();
        Assert.Equal(0, s.World.Pool.Outstanding);
    }

    [Fact]
    public void Same_seed_gives_identical_transcripts_and_another_seed_other_backoffs()
    {
        string a = new Scenario(seed: 42).Transcript.ToString();
        string b = new Scenario(seed: 42).Transcript.ToString();
        string c = new Scenario(seed: 43).Transcript.ToString();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.True(a.Split('\n').Length > 45);
    }

    [Fact]
    public void Transcript_snapshot()
    {
        var s = new Scenario(seed: 7, unicastFrames: 3);
        Snapshot.Verify(s.Transcript.ToString());
    }

    [Fact]
    public void A_radio_on_another_channel_hears_nothing()
    {
        var s = new Scenario(seed: 3);
        var r3 = s.World.AddRadio();
        // r3 stays on its default channel (1) with a monitor VAP of the scenario's modules.
        var v = r3.Ic.CreateVap(OpMode.Monitor).Vap!;
        s.World.OnQueue(r3, v.Up);
        s.World.Scheduler.RunFor(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2412, r3.Port.FrequencyMhz);
        Assert.Empty(s.Monitor.Attached.Last().Received);
        s.FreeRecorded();
    }

    [Fact]
    public void Vaps_on_one_radio_get_distinct_addresses_and_are_acked()
    {
        var world = new HwsimWorld(new ModuleRegistry([new RecordingOpModeModule(OpMode.Sta, Ieee80211State.Scan)]));
        var r = world.AddRadio();
        var a = r.Ic.CreateVap(OpMode.Sta).Vap!;
        var b = r.Ic.CreateVap(OpMode.Sta).Vap!;
        Assert.Equal(r.Ic.MacAddress, a.MacAddress);
        Assert.NotEqual(a.MacAddress, b.MacAddress);
        Assert.True(b.MacAddress.IsLocal);
        world.OnQueue(r, a.Up);
        world.OnQueue(r, b.Up);
        Assert.True(r.AcksFor(a.MacAddress));
        Assert.True(r.AcksFor(b.MacAddress));
        Assert.False(r.AcksFor(MacAddress.Parse("02:12:34:56:78:9a")));
        Assert.True(r.PoweredUp);
        world.OnQueue(r, a.Down);
        world.OnQueue(r, b.Down);
        Assert.False(r.PoweredUp);
        Assert.Equal(0, r.Port.FrequencyMhz);
    }

    [Fact]
    public void Frames_sent_while_powered_down_are_completed_not_lost()
    {
        var world = new HwsimWorld(new ModuleRegistry([new RecordingOpModeModule(OpMode.Sta, Ieee80211State.Scan)]));
        var r = world.AddRadio();
        var vap = r.Ic.CreateVap(OpMode.Sta).Vap!;
        world.OnQueue(r, () =>
        {
            var node = r.Ic.Nodes.Add(vap, MacAddress.Parse("02:00:00:00:77:77"));
            r.Ic.RawTransmit(node, world.Pool.Rent(new byte[24]));
            var data = world.Pool.Rent(new byte[40]);
            data.Node = node;
            r.Ic.ParentTransmit(data);
        });
        Assert.Equal(2, r.Ic.TxCompleted);
        Assert.Equal(2, r.Ic.OErrors);
        Assert.True(world.AllTxCompleted);
        Assert.Equal(0, world.Pool.Outstanding);
    }
}
