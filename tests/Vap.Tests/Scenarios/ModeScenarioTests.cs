using Net80211;
using Net80211.Frames;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.RadioDrivers.Air;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vap.Adhoc;
using Net80211.Vaps;

namespace Vap.Tests.Scenarios;

/// <summary>Monitor and IBSS modes on the simulated air.</summary>
public class ModeScenarioTests
{
    [Fact]
    public void Monitor_vap_beside_a_station_sees_the_whole_exchange_and_sends_nothing()
    {
        var w = new ScenarioWorld(seed: 41);
        w.HostAp(w.AddRadio(), "net80211");
        var radio = w.AddRadio(new Position(5, 0));
        var mon = radio.Ic.CreateVap(OpMode.Monitor).Vap!;
        var seen = new List<(byte Fc, bool Tx)>();
        mon.Interface.Receiver = p =>
        {
            seen.Add((p.Data[0], (p.Meta.Flags & PacketFlags.Transmitted) != 0));
            p.Free();
        };
        w.World.OnQueue(radio, mon.Up);
        var sta = w.Station(radio, "net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 20));
        w.RunFor(0.3);

        Assert.Contains(((byte)0x80, false), seen);   // beacons
        Assert.Contains(((byte)0x40, true), seen);    // our probe requests
        Assert.Contains(((byte)0x50, false), seen);   // probe responses
        Assert.Contains(((byte)0xb0, true), seen);    // authentication, both ways
        Assert.Contains(((byte)0xb0, false), seen);
        Assert.Contains(((byte)0x00, true), seen);    // association request
        Assert.Contains(((byte)0x10, false), seen);   // association response
        Assert.Contains(((byte)0xd4, false), seen);   // ACKs
        Assert.Equal(seen.Count, mon.Stats.RxMonitor);

        // A monitor transmits nothing.
        long before = radio.Ic.TxSubmitted;
        var p = w.World.Pool.Rent(new byte[60]);
        w.World.OnQueue(radio, () => mon.Interface.Output(p));
        Assert.Equal(before, radio.Ic.TxSubmitted);
        Assert.Equal(1, mon.Stats.TxDropped);
        Assert.Equal(1, radio.Ic.MonTaps);
    }

    [Fact]
    public void Ibss_members_create_join_share_beacons_and_exchange_data()
    {
        var w = new ScenarioWorld(seed: 42);
        Ieee80211Vap Member(HwsimRadioRef r, string name)
        {
            var vap = r.Radio.Ic.CreateVap(OpMode.Ibss).Vap!;
            vap.DesiredSsid = "adhoc"u8.ToArray();
            vap.DesiredChannel = ScenarioWorld.Channel(r.Radio, 6);
            w.Name(vap.MacAddress, name);
            return vap;
        }
        var r1 = new HwsimRadioRef(w.AddRadio());
        var r2 = new HwsimRadioRef(w.AddRadio(new Position(10, 0)));
        var a = Member(r1, "a");
        var b = Member(r2, "b");
        w.World.OnQueue(r1.Radio, a.Up);
        Assert.True(w.RunUntil(() => a.State == Ieee80211State.Run, 5));
        w.World.OnQueue(r2.Radio, b.Up);
        Assert.True(w.RunUntil(() => b.State == Ieee80211State.Run, 5));
        var modeA = (AdhocMode)a.OpModeHandler!;
        var modeB = (AdhocMode)b.OpModeHandler!;
        Assert.Equal(modeA.Bssid, modeB.Bssid);           // b joined a's IBSS rather than making its own

        int beaconsBefore = w.Beacons;
        w.RunFor(1.024);
        int beacons = w.Beacons - beaconsBefore;
        Assert.InRange(beacons, 9, 11);                   // one per 102.4 ms interval, not one per member

        var got = new List<byte[]>();
        b.Interface.Receiver = p => { got.Add(p.Data.ToArray()); p.Free(); };
        w.World.OnQueue(r1.Radio, () =>
        {
            var p = w.World.Pool.Rent(14 + 32);
            var d = p.Append(14 + 32);
            b.MacAddress.WriteTo(d);
            a.MacAddress.WriteTo(d[6..]);
            d[12] = 0x08;
            a.Interface.Output(p);
        });
        w.RunFor(0.1);
        Assert.Single(got);
        Assert.Contains(b.Ic.Nodes.ForVap(b), n => n.MacAddress == a.MacAddress);
        Snapshot.Verify(w.Transcript.ToString());
    }

    private sealed record HwsimRadioRef(Net80211.RadioDrivers.Hwsim.HwsimRadio Radio);
}

public class MonitorCaptureTests
{
    [Fact]
    public void A_monitor_vap_captures_the_join_to_a_pcap_that_tshark_reads_cleanly()
    {
        var w = new ScenarioWorld(seed: 43);
        w.HostAp(w.AddRadio(), "net80211");
        var radio = w.AddRadio(new Position(5, 0));
        var mon = radio.Ic.CreateVap(OpMode.Monitor).Vap!;
        string path = Path.Combine(Path.GetTempPath(), $"net80211-monitor-{Environment.ProcessId}.pcap");
        try
        {
            using (var capture = Net80211.Capture.VapCapture.Create(mon, path))
            {
                w.World.OnQueue(radio, mon.Up);
                var sta = w.Station(radio, "net80211");
                Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 20));
                w.RunFor(0.3);
                Assert.True(capture.FramesWritten > 10);
            }
            var frames = Tshark.Read(path);
            Assert.DoesNotContain(frames, f => f.Malformed || f.Error);
            var bySubtype = frames.GroupBy(f => f.TypeSubtype).ToDictionary(g => g.Key, g => g.Count());
            // wlan.fc.type_subtype: 0x0008 beacon, 0x000b auth, 0x0000 assoc req, 0x0001 assoc resp, 0x001d ACK
            Assert.True(bySubtype.GetValueOrDefault(0x0008) >= 2);
            Assert.Equal(2, bySubtype.GetValueOrDefault(0x000b));
            Assert.Equal(1, bySubtype.GetValueOrDefault(0x0000));
            Assert.Equal(1, bySubtype.GetValueOrDefault(0x0001));
            Assert.True(bySubtype.GetValueOrDefault(0x001d) >= 2);
        }
        finally { File.Delete(path); }
    }
}
