using Net80211;
using Net80211.Frames;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Hwsim;
using Net80211.Security;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vap.HostAp;
using Net80211.Vaps;

namespace Vap.Tests.Scenarios;

/// <summary>Shared Key authentication (IEEE 802.11-2020 12.3.3.3) between our station and our AP on the air.</summary>
public class SharedKeyScenarioTests
{
    private static readonly byte[] Key = [0x0a, 0x0b, 0x0c, 0x0d, 0x0e];

    private static Action<Ieee80211Vap> Wep(AuthMode mode, byte[]? key = null) => v =>
    {
        v.Security.AuthMode = mode;
        v.Security.WepKeys[0] = key ?? Key;
    };

    /// <summary>Authentication frames on the air: (sender, transaction sequence or -1 when protected, status, protected).</summary>
    private static List<(MediumPort From, int Seq, int Status, bool Protected)> RecordAuth(ScenarioWorld w)
    {
        var seen = new List<(MediumPort, int, int, bool)>();
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            var f = e.Frame;
            if (e.IsAck || f.Length < 24 || f[0] != 0xb0) return;
            bool prot = (f[1] & 0x40) != 0;
            seen.Add((e.Sender, prot ? -1 : f[26] | f[27] << 8, prot ? -1 : f[28] | f[29] << 8, prot));
        };
        return seen;
    }

    [Fact]
    public void Shared_key_join_succeeds_and_data_flows_wep_encrypted()
    {
        var w = new ScenarioWorld(seed: 91);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio(new Position(5, 0));
        var auth = RecordAuth(w);
        var ap = w.HostAp(apRadio, "shared", configure: Wep(AuthMode.Shared));
        var sta = w.Station(staRadio, "shared", Wep(AuthMode.Shared));
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));

        // Four frames, the third (the station's answer to the challenge) WEP-protected on the air.
        Assert.Equal(4, auth.Count);
        Assert.Equal((staRadio.Port, 1, 0, false), auth[0]);
        Assert.Equal((apRadio.Port, 2, 0, false), auth[1]);
        Assert.Equal(staRadio.Port, auth[2].From);
        Assert.True(auth[2].Protected);
        Assert.Equal((apRadio.Port, 4, 0, false), auth[3]);

        int protectedData = 0, clearData = 0;
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (e.IsAck || (e.Frame[0] & 0x0c) != 0x08) return;
            if ((e.Frame[1] & 0x40) != 0) protectedData++; else clearData++;
        };
        int apGot = 0, staGot = 0;
        ap.Interface.Receiver = p => { apGot++; p.Free(); };
        sta.Interface.Receiver = p => { staGot++; p.Free(); };
        w.Send(sta, ap.MacAddress, 100, 0x11);
        w.Send(ap, sta.MacAddress, 200, 0x22);
        w.RunFor(0.2);
        Assert.Equal(1, apGot);
        Assert.Equal(1, staGot);
        Assert.Equal(0, clearData);
        Assert.True(protectedData >= 2);
        Assert.Equal("WEP", ap.Keys.GroupTransmitKey!.Cipher.Name);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Wrong_wep_key_is_a_challenge_failure_and_the_station_backs_off()
    {
        var w = new ScenarioWorld(seed: 92);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio(new Position(5, 0));
        var auth = RecordAuth(w);
        var ap = w.HostAp(apRadio, "shared", configure: Wep(AuthMode.Shared));
        var sta = w.Station(staRadio, "shared", Wep(AuthMode.Shared, [1, 2, 3, 4, 5]));
        Assert.True(w.RunUntil(() => sta.LastFailure is { Kind: VapFailureKind.Status }, 15));
        var failure = sta.LastFailure!;
        Assert.Equal((ushort)StatusCode.ChallengeFailure, failure.ReasonOrStatus);
        Assert.Contains("challenge failure", failure.What, StringComparison.Ordinal);
        Assert.Equal((apRadio.Port, 4, (int)StatusCode.ChallengeFailure, false), auth[^1]);
        Assert.Equal(1, ((HostApMode)ap.OpModeHandler!).SharedKeyChallengeFailures);
        Assert.True(ap.Stats.RxIntegrityFailure >= 1);   // frame 3 did not open under the AP's key

        // The BSS is skipped for the join-failure backoff: no new attempt for several seconds.
        int attempts = auth.Count(a => a.Seq == 1);
        w.RunFor(8);
        Assert.Equal(attempts, auth.Count(a => a.Seq == 1));
        Assert.NotEqual(Ieee80211State.Run, sta.State);
        Assert.Null(ap.Ic.Nodes.Find(ap, sta.MacAddress));
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Open_system_station_is_refused_by_a_shared_key_ap_with_status_13()
    {
        var w = new ScenarioWorld(seed: 93);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio(new Position(5, 0));
        var auth = RecordAuth(w);
        var ap = w.HostAp(apRadio, "shared", configure: Wep(AuthMode.Shared));
        var sta = w.Station(staRadio, "shared", Wep(AuthMode.Wep));
        Assert.True(w.RunUntil(() => sta.LastFailure is { Kind: VapFailureKind.Status }, 15));
        Assert.Equal((ushort)StatusCode.UnsupportedAuthAlgorithm, sta.LastFailure!.ReasonOrStatus);
        Assert.Equal((apRadio.Port, 2, (int)StatusCode.UnsupportedAuthAlgorithm, false), auth[^1]);
        Assert.NotEqual(Ieee80211State.Run, sta.State);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Shared_key_station_is_refused_by_an_open_wep_ap_with_status_13()
    {
        var w = new ScenarioWorld(seed: 94);
        var apRadio = w.AddRadio();
        var auth = RecordAuth(w);
        var ap = w.HostAp(apRadio, "wep", configure: Wep(AuthMode.Wep));
        var sta = w.Station(w.AddRadio(new Position(5, 0)), "wep", Wep(AuthMode.Shared));
        Assert.True(w.RunUntil(() => sta.LastFailure is { Kind: VapFailureKind.Status }, 15));
        Assert.Equal((ushort)StatusCode.UnsupportedAuthAlgorithm, sta.LastFailure!.ReasonOrStatus);
        Assert.Equal((apRadio.Port, 2, (int)StatusCode.UnsupportedAuthAlgorithm, false), auth[^1]);
        Assert.Contains("not supported", sta.LastFailure.What, StringComparison.Ordinal);
    }

    /// <summary>An authentication frame from <paramref name="from"/> straight into the AP radio's receive path.</summary>
    private static void InjectAuth(ScenarioWorld w, HwsimRadio radio, MacAddress ap, MacAddress from, ushort seq, ReadOnlySpan<byte> challenge = default)
    {
        var frame = new byte[30 + (challenge.IsEmpty ? 0 : 2 + challenge.Length)];
        frame[0] = 0xb0;
        ap.WriteTo(frame.AsSpan(4));
        from.WriteTo(frame.AsSpan(10));
        ap.WriteTo(frame.AsSpan(16));
        frame[24] = 1;                 // Shared Key
        frame[26] = (byte)seq;
        if (!challenge.IsEmpty)
        {
            frame[30] = 16;
            frame[31] = (byte)challenge.Length;
            challenge.CopyTo(frame.AsSpan(32));
        }
        radio.Ic.RxEnqueue(w.World.Pool.Rent(frame), -40, -91, new Net80211.Radio.RxInfo { FrequencyMhz = radio.Port.FrequencyMhz });
    }

    [Fact]
    public void The_ap_refuses_frame_3_out_of_sequence_late_or_in_the_clear()
    {
        var w = new ScenarioWorld(seed: 95);
        var apRadio = w.AddRadio();
        var ap = w.HostAp(apRadio, "shared", configure: Wep(AuthMode.Shared));
        var responses = new List<(int Seq, int Status, byte[] Challenge)>();
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            var f = e.Frame;
            if (e.IsAck || f.Length < 30 || f[0] != 0xb0) return;
            // The challenge text element (ID 16) follows the fixed fields of frame 2.
            responses.Add((f[26], f[28], f.Length > 32 && f[30] == 16 ? f.Slice(32, f[31]).ToArray() : []));
        };
        w.RunFor(0.1);
        var attacker = MacAddress.Parse("02:00:00:00:99:01");
        byte[] guess = new byte[128];

        // Frame 3 with no challenge outstanding: out of sequence (14).
        InjectAuth(w, apRadio, ap.MacAddress, attacker, 3, guess);
        w.RunFor(0.05);
        Assert.Equal((4, (int)StatusCode.TransactionSequenceError), (responses[^1].Seq, responses[^1].Status));

        // Frame 1 → a 128-octet challenge; answered too late: status 16, and the challenge is gone.
        InjectAuth(w, apRadio, ap.MacAddress, attacker, 1);
        w.RunFor(0.05);
        Assert.Equal(2, responses[^1].Seq);
        byte[] challenge = responses[^1].Challenge;
        Assert.Equal(ChallengeTextElement.SharedKeyLength, challenge.Length);
        w.RunFor(HostApMode.SharedKeyChallengeLifetime + TimeSpan.FromMilliseconds(10));
        InjectAuth(w, apRadio, ap.MacAddress, attacker, 3, challenge);
        w.RunFor(0.05);
        Assert.Equal((4, (int)StatusCode.RejectedSequenceTimeout), (responses[^1].Seq, responses[^1].Status));

        // The right challenge text, but not WEP-encapsulated: a challenge failure (15).
        InjectAuth(w, apRadio, ap.MacAddress, attacker, 1);
        w.RunFor(0.05);
        challenge = responses[^1].Challenge;
        InjectAuth(w, apRadio, ap.MacAddress, attacker, 3, challenge);
        w.RunFor(0.05);
        Assert.Equal((4, (int)StatusCode.ChallengeFailure), (responses[^1].Seq, responses[^1].Status));
        Assert.Null(ap.Ic.Nodes.Find(ap, attacker));
    }
}
