using Net80211;
using Net80211.Frames;
using Net80211.RadioDrivers.Air;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vap.HostAp;
using Net80211.Vap.Station;
using Net80211.Vaps;

namespace Vap.Tests.Scenarios;

/// <summary>Station and host AP state transitions end to end on the simulated air, as approved
/// transcripts (see the *.verified.txt files beside this one).</summary>
public class StationScenarioTests
{
    [Fact]
    public void Station_joins_an_open_ap()
    {
        var w = new ScenarioWorld(seed: 1);
        var ap = w.HostAp(w.AddRadio(new Position(0, 0)), "net80211");
        var sta = w.Station(w.AddRadio(new Position(10, 0)), "net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        w.RunFor(0.5);
        Assert.Equal(Ieee80211State.Run, sta.State);
        Assert.Equal(ap.MacAddress, sta.Bss!.Bssid);
        Assert.Equal(1, sta.Bss.AssociationId);
        Assert.Single(((HostApMode)ap.OpModeHandler!).Stations);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Station_with_no_ap_in_range_cycles_scan_with_backoff()
    {
        var w = new ScenarioWorld(seed: 2);
        var sta = w.Station(w.AddRadio(), "nobody-home");
        w.RunFor(20);
        Assert.Equal(Ieee80211State.Scan, sta.State);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Authentication_times_out_is_retried_then_succeeds()
    {
        var w = new ScenarioWorld(seed: 3);
        var ap = w.HostAp(w.AddRadio(), "net80211");
        var staRadio = w.AddRadio(new Position(5, 0));
        // The AP hears none of the station's authentication frames for 0.9 s from the first one: the first
        // two attempts (each with all its retries on the air) are lost, the third gets through.
        TimeSpan? firstAuth = null;
        w.World.Medium.LossFilter = (from, to, frame) =>
        {
            if (frame.Span[0] != 0xb0 || from != staRadio.Port) return false;
            firstAuth ??= w.World.Scheduler.Now;
            return w.World.Scheduler.Now - firstAuth < TimeSpan.FromSeconds(0.9);
        };
        var sta = w.Station(staRadio, "net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 20));
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Association_refused_when_ap_is_full_then_station_joins_another_ap()
    {
        var w = new ScenarioWorld(seed: 4);
        var ap1 = w.HostAp(w.AddRadio(new Position(0, 0)), "net80211", channel: 36, v => v.MaxStations = 1, name: "ap1");
        var ap2 = w.HostAp(w.AddRadio(new Position(40, 0)), "net80211", channel: 44, name: "ap2");
        var first = w.Station(w.AddRadio(new Position(2, 0)), "net80211", name: "sta1");
        Assert.True(w.RunUntil(() => first.State == Ieee80211State.Run, 15));
        Assert.Equal(ap1.MacAddress, first.Bss!.Bssid);
        var second = w.Station(w.AddRadio(new Position(3, 0)), "net80211", name: "sta2");
        Assert.True(w.RunUntil(() => second.State == Ieee80211State.Run && second.Bss!.Bssid == ap2.MacAddress, 60));
        Assert.Equal((ushort)StatusCode.DeniedNoMoreStas, second.LastFailure!.ReasonOrStatus);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Beacon_loss_leads_to_directed_probe_rescan_and_rejoin()
    {
        var w = new ScenarioWorld(seed: 5);
        var apRadio = w.AddRadio();
        var ap = w.HostAp(apRadio, "net80211");
        var sta = w.Station(w.AddRadio(new Position(5, 0)), "net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        w.RunFor(0.1);
        // The AP's transmitter goes dead for 4 s (it neither sends nor hears), then comes back.
        int frequency = apRadio.Port.FrequencyMhz;
        apRadio.Port.FrequencyMhz = 0;
        w.World.Scheduler.ScheduleAfter(TimeSpan.FromSeconds(4), _ => apRadio.Port.FrequencyMhz = frequency, null);
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Scan, 5));
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 30));
        Assert.Equal(1, ((StationMode)sta.OpModeHandler!).BeaconMisses);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Ap_deauth_with_reason_4_and_station_is_back_in_run_within_2_seconds()
    {
        var w = new ScenarioWorld(seed: 6);
        var apRadio = w.AddRadio();
        var ap = w.HostAp(apRadio, "net80211");
        var sta = w.Station(w.AddRadio(new Position(5, 0)), "net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        var kickedAt = w.World.Scheduler.Now;
        w.World.OnQueue(apRadio, () => ((HostApMode)ap.OpModeHandler!).Deauthenticate(sta.MacAddress, ReasonCode.Inactivity));
        Assert.True(w.RunUntil(() => sta.State != Ieee80211State.Run, 1));
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 2));
        Assert.True(w.World.Scheduler.Now - kickedAt < TimeSpan.FromSeconds(2));
        Assert.Equal((ushort)4, sta.LastFailure!.ReasonOrStatus);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Destroying_a_vap_in_run_sends_disassociation()
    {
        var w = new ScenarioWorld(seed: 7);
        var ap = w.HostAp(w.AddRadio(), "net80211");
        var staRadio = w.AddRadio(new Position(5, 0));
        var sta = w.Station(staRadio, "net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        w.World.OnQueue(staRadio, () => staRadio.Ic.DestroyVap(sta));
        w.RunFor(0.1);
        Assert.DoesNotContain(((HostApMode)ap.OpModeHandler!).Stations, n => (n.Flags & Net80211.Nodes.NodeFlags.Associated) != 0);
        Assert.Contains("Disassociation reason=8", w.Transcript.ToString(), StringComparison.Ordinal);
        Assert.True(w.World.AllTxCompleted);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Two_station_vaps_on_one_radio_both_join()
    {
        var w = new ScenarioWorld(seed: 8);
        var ap = w.HostAp(w.AddRadio(), "net80211");
        var radio = w.AddRadio(new Position(5, 0));
        var a = w.Station(radio, "net80211", name: "staA");
        var b = w.Station(radio, "net80211", name: "staB");
        Assert.True(w.RunUntil(() => a.State == Ieee80211State.Run && b.State == Ieee80211State.Run, 20));
        Assert.NotEqual(a.MacAddress, b.MacAddress);
        Assert.Equal(2, ((HostApMode)ap.OpModeHandler!).Stations.Count());
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Ap_vap_and_station_vap_on_one_radio()
    {
        var w = new ScenarioWorld(seed: 9);
        var upstream = w.HostAp(w.AddRadio(), "upstream", channel: 36, name: "upstream");
        var repeater = w.AddRadio(new Position(5, 0));
        var relayAp = w.HostAp(repeater, "downstream", channel: 36, name: "relay-ap");
        var relaySta = w.Station(repeater, "upstream", v => v.DesiredChannel = ScenarioWorld.Channel(repeater, 36), name: "relay-sta");
        var client = w.Station(w.AddRadio(new Position(10, 0)), "downstream", name: "client");
        Assert.True(w.RunUntil(() => relaySta.State == Ieee80211State.Run && client.State == Ieee80211State.Run, 20));
        Assert.Equal(upstream.MacAddress, relaySta.Bss!.Bssid);
        Assert.Equal(relayAp.MacAddress, client.Bss!.Bssid);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Hidden_ssid_is_joined_only_with_the_ssid_configured()
    {
        var w = new ScenarioWorld(seed: 10);
        var ap = w.HostAp(w.AddRadio(), "secret", configure: v => v.Flags |= VapFlags.HideSsid);
        var anyRadio = w.AddRadio(new Position(5, 0));
        var any = w.Station(anyRadio, ssid: null, name: "any");
        w.RunFor(20);
        Assert.Equal(Ieee80211State.Scan, any.State);              // beacons carry no SSID; wildcard probes get no answer
        w.World.OnQueue(anyRadio, any.Down);
        var named = w.Station(w.AddRadio(new Position(6, 0)), "secret", name: "named");
        Assert.True(w.RunUntil(() => named.State == Ieee80211State.Run, 20));
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Three_stations_join_with_half_the_management_frames_lost()
    {
        var w = new ScenarioWorld(seed: 11);
        var rng = w.World.Scheduler.CreateRandom("loss");
        // Each management frame (type 0) reaching each receiver is lost with probability 1/2.
        w.World.Medium.LossFilter = (from, to, frame) => (frame.Span[0] & 0x0c) == 0 && rng.NextDouble() < 0.5;
        var ap = w.HostAp(w.AddRadio(), "net80211");
        var stas = Enumerable.Range(1, 3).Select(i => w.Station(w.AddRadio(new Position(3 * i, 0)), "net80211", name: $"sta{i}")).ToList();
        Assert.True(w.RunUntil(() => stas.TrueForAll(s => s.State == Ieee80211State.Run), 120));
        Assert.Equal(3, ((HostApMode)ap.OpModeHandler!).Stations.Count());
        Assert.True(w.World.Medium.Statistics.InjectedLosses > 10);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Same_seed_same_transcript()
    {
        static string Run(ulong seed)
        {
            var w = new ScenarioWorld(seed);
            w.HostAp(w.AddRadio(), "net80211");
            for (int i = 1; i <= 3; i++) w.Station(w.AddRadio(new Position(4 * i, 0)), "net80211", name: $"sta{i}");
            w.RunFor(3);
            return w.Transcript.ToString();
        }
        Assert.Equal(Run(21), Run(21));
        Assert.NotEqual(Run(21), Run(22));
    }
}
