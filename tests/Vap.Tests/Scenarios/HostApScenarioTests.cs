using Net80211;
using Net80211.Nodes;
using Net80211.RadioDrivers.Air;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vap.HostAp;
using Net80211.Vaps;

namespace Vap.Tests.Scenarios;

public class HostApScenarioTests
{
    [Fact]
    public void Mac_acl_denies_a_station_which_then_keeps_scanning()
    {
        var w = new ScenarioWorld(seed: 61);
        Ieee80211Vap? sta = null;
        var staRadio = w.AddRadio(new Position(5, 0));
        var ap = w.HostAp(w.AddRadio(), "net80211", configure: v =>
        {
            v.Acl.Policy = AclPolicy.Deny;
            v.Acl.Add(staRadio.Ic.MacAddress);
        });
        sta = w.Station(staRadio, "net80211");
        w.RunFor(12);
        Assert.NotEqual(Ieee80211State.Run, sta.State);
        Assert.Empty(((HostApMode)ap.OpModeHandler!).Stations);
        Assert.Equal((ushort)1, sta.LastFailure!.ReasonOrStatus);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void An_idle_station_is_probed_then_deauthenticated_for_inactivity()
    {
        var w = new ScenarioWorld(seed: 62, dataOnAir: true);
        var ap = w.HostAp(w.AddRadio(), "net80211", configure: v => { v.InactRunSeconds = 60; v.InactProbeSeconds = 30; });
        var staRadio = w.AddRadio(new Position(5, 0));
        var sta = w.Station(staRadio, "net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 20));
        // The station drops out of range: nothing passes between it and anyone any more.
        w.World.Medium.LossFilter = (from, to, frame) => from == staRadio.Port || to == staRadio.Port;
        w.RunFor(90);
        Assert.Empty(((HostApMode)ap.OpModeHandler!).Stations);
        string t = w.Transcript.ToString();
        Assert.Contains("ap -> sta Null", t, StringComparison.Ordinal);
        Assert.Contains("inactive, deauthenticating (reason 4)", t, StringComparison.Ordinal);
    }

    [Fact]
    public void With_wmm_on_both_ends_data_goes_as_qos_data_with_the_frame_priority()
    {
        var w = new ScenarioWorld(seed: 63, dataOnAir: true);
        var ap = w.HostAp(w.AddRadio(), "net80211", configure: v => v.Flags |= VapFlags.Wme);
        var staRadio = w.AddRadio(new Position(5, 0));
        var sta = w.Station(staRadio, "net80211", configure: v => v.Flags |= VapFlags.Wme);
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 20));
        Assert.True((sta.Bss!.Flags & NodeFlags.Qos) != 0);
        var apNode = ap.Ic.Nodes.Find(ap, sta.MacAddress)!;
        Assert.True((apNode.Flags & NodeFlags.Qos) != 0);

        var got = new List<byte[]>();
        ap.Interface.Receiver = p => { got.Add(p.Data.ToArray()); p.Free(); };
        int qosTid = -1;
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (e.Sender == staRadio.Port && e.Frame[0] == 0x88) qosTid = e.Frame[24] & 0x0f;
        };
        w.World.OnQueue(staRadio, () =>
        {
            // An IPv4 packet with DSCP 46 (EF): user priority 5 → TID 5, AC_VI.
            var p = w.World.Pool.Rent(14 + 20);
            var b = p.Append(14 + 20);
            ap.MacAddress.WriteTo(b);
            sta.MacAddress.WriteTo(b[6..]);
            b[12] = 0x08;
            b[14] = 0x45;
            b[15] = 46 << 2;
            sta.Interface.Output(p);
        });
        w.RunFor(0.1);
        Assert.Single(got);
        Assert.Equal(5, qosTid);
    }
}
