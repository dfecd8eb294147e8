using Net80211;
using Net80211.Frames;
using Net80211.Nodes;
using Net80211.RadioDrivers.Air;
using Net80211.Security;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vap.HostAp;
using Net80211.Vaps;

namespace Vap.Tests.Scenarios;

/// <summary>WPA2-PSK, WPA/TKIP, WEP and protected management frames end to end on the simulated air.</summary>
public class SecurityScenarioTests
{


    [Fact]
    public void Station_joins_a_wpa2_psk_ap_and_exchanges_encrypted_data()
    {
        var w = new ScenarioWorld(seed: 71);
        var ap = w.HostAp(w.AddRadio(), "secure", configure: v => ScenarioWorld.Wpa(v));
        var sta = w.Station(w.AddRadio(new Position(5, 0)), "secure", v => ScenarioWorld.Wpa(v));
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 20));
        var apGot = new List<byte[]>();
        var staGot = new List<byte[]>();
        ap.Interface.Receiver = p => { apGot.Add(p.Data.ToArray()); p.Free(); };
        sta.Interface.Receiver = p => { staGot.Add(p.Data.ToArray()); p.Free(); };
        int protectedData = 0, clearData = 0;
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (e.IsAck || (e.Frame[0] & 0x0c) != 0x08) return;
            if ((e.Frame[1] & 0x40) != 0) protectedData++; else clearData++;
        };
        w.Send(sta, ap.MacAddress, 100, 0x11);
        w.Send(ap, sta.MacAddress, 200, 0x22);
        w.Send(ap, MacAddress.Broadcast, 50, 0x33);
        w.RunFor(0.2);
        Assert.Single(apGot);
        var st = sta.Stats;
        Assert.True(staGot.Count == 2, $"replay {st.RxReplay} nokey {st.RxNoKey} integrity {st.RxIntegrityFailure} decrypt {st.RxDecryptFailed} unprot {st.RxUnprotected} notforus {st.RxNotForUs} mcastecho {st.RxMcastEcho} dropped {st.RxDropped} wrongdir {st.RxWrongDirection} notassoc {st.RxNotAssociated} got {string.Join(",", staGot.Select(g => g.Length))}");
        Assert.Equal(0, clearData);
        Assert.True(protectedData >= 3);
        Assert.NotNull(sta.Bss!.PairwiseKey);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Station_broadcast_goes_to_the_ap_under_the_pairwise_key()
    {
        var w = new ScenarioWorld(seed: 71);
        var ap = w.HostAp(w.AddRadio(), "secure", configure: v => ScenarioWorld.Wpa(v));
        var sta = w.Station(w.AddRadio(new Position(5, 0)), "secure", v => ScenarioWorld.Wpa(v));
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 20));
        var apGot = new List<byte[]>();
        ap.Interface.Receiver = p => { apGot.Add(p.Data.ToArray()); p.Free(); };
        int clearData = 0;
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (!e.IsAck && (e.Frame[0] & 0x0c) == 0x08 && (e.Frame[1] & 0x40) == 0) clearData++;
        };
        // Address 1 is the BSSID, not the broadcast DA: the station has no group transmit key and must not need one.
        w.Send(sta, MacAddress.Broadcast, 60, 0x44);
        w.RunFor(0.2);
        Assert.Equal(0, sta.Stats.TxNoKey);
        var got = Assert.Single(apGot);
        Assert.True(MacAddress.Read(got).IsBroadcast);
        Assert.Equal(0, clearData);
    }

    [Fact]
    public void Wrong_passphrase_fails_the_handshake_and_both_sides_say_why()
    {
        var w = new ScenarioWorld(seed: 72);
        var ap = w.HostAp(w.AddRadio(), "secure", configure: v => ScenarioWorld.Wpa(v));
        var sta = w.Station(w.AddRadio(new Position(5, 0)), "secure", v => ScenarioWorld.Wpa(v, passphrase: "not the passphrase"));
        w.RunFor(20);
        Assert.False(sta.Bss is { } b && (b.Flags & NodeFlags.Authorized) != 0);
        Assert.Contains("passphrase", ap.LastFailure!.What, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("wrong passphrase", sta.LastFailure!.What, StringComparison.Ordinal);
        Snapshot.Verify(w.Transcript.ToString());
    }
}

public class SecurityScenarioTests2
{


    private static int PingAp(ScenarioWorld w, Ieee80211Vap ap, Ieee80211Vap sta, int count = 3)
    {
        int got = 0;
        ap.Interface.Receiver = p => { got++; p.Free(); };
        for (int i = 0; i < count; i++) w.Send(sta, ap.MacAddress, 46, 0);
        w.RunFor(0.1);
        ap.Interface.Receiver = null;
        return got;
    }

    [Fact]
    public void Lost_message_4_makes_the_ap_retransmit_message_3_and_the_pn_is_not_reset()
    {
        var w = new ScenarioWorld(seed: 73);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio(new Position(5, 0));
        // Lose the station's first EAPOL message 4 (the second EAPOL frame it sends) on the air, all retries.
        int eapolFromSta = 0;
        long? dropSeq = null;
        w.World.Medium.LossFilter = (from, to, frame) =>
        {
            var f = frame.Span;
            if (from != staRadio.Port || (f[0] & 0x0c) != 0x08 || f.Length < 32 || f[30] != 0x88 || f[31] != 0x8e) return false;
            long seq = f[22] | f[23] << 8;
            if (dropSeq is null && ++eapolFromSta == 2) dropSeq = seq;
            return seq == dropSeq;
        };
        var ap = w.HostAp(apRadio, "secure", configure: v => ScenarioWorld.Wpa(v));
        var sta = w.Station(staRadio, "secure", v => ScenarioWorld.Wpa(v));
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 25));
        var key = sta.Bss!.PairwiseKey!;
        Assert.Equal(3, PingAp(w, ap, sta));
        // The retransmitted message 3 was answered without reinstalling the key: the PN kept counting.
        Assert.True(key.TransmitCounter > 3);
        Assert.Same(key, sta.Bss.PairwiseKey);
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void Group_and_pairwise_rekeys_keep_the_association()
    {
        var w = new ScenarioWorld(seed: 74);
        var ap = w.HostAp(w.AddRadio(), "secure", configure: v => ScenarioWorld.Wpa(v, s => s.GroupRekeyInterval = TimeSpan.FromSeconds(5)));
        var sta = w.Station(w.AddRadio(new Position(5, 0)), "secure", v => ScenarioWorld.Wpa(v));
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 25));
        var apMode = (HostApMode)ap.OpModeHandler!;
        int first = apMode.GroupKeyIndex;
        var firstGtk = sta.Keys.Group(first);
        Assert.NotNull(firstGtk);
        w.RunFor(6);
        int second = apMode.GroupKeyIndex;
        Assert.NotEqual(first, second);
        Assert.NotNull(sta.Keys.Group(second));             // the new GTK arrived under the other key ID
        Assert.Same(firstGtk, sta.Keys.Group(first));
        var oldPtk = sta.Bss!.PairwiseKey;
        var apRadio = w.World.Radios[0];
        w.World.OnQueue(apRadio, () => Assert.True(((HostApMode)ap.OpModeHandler!).RekeyPairwise(sta.MacAddress)));
        w.RunFor(0.5);
        Assert.NotSame(oldPtk, sta.Bss!.PairwiseKey);
        Assert.Equal(Ieee80211State.Run, sta.State);
        Assert.Equal(3, PingAp(w, ap, sta));
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void A_replayed_data_frame_is_dropped_and_counted()
    {
        var w = new ScenarioWorld(seed: 75);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio(new Position(5, 0));
        var ap = w.HostAp(apRadio, "secure", configure: v => ScenarioWorld.Wpa(v));
        var sta = w.Station(staRadio, "secure", v => ScenarioWorld.Wpa(v));
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 25));
        byte[]? recorded = null;
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (e.Sender == staRadio.Port && !e.IsAck && (e.Frame[0] & 0x0c) == 0x08 && (e.Frame[1] & 0x40) != 0) recorded ??= e.Frame.ToArray();
        };
        Assert.Equal(1, PingAp(w, ap, sta, 1));
        Assert.NotNull(recorded);
        // An attacker replays the captured frame (with the Retry bit cleared, so duplicate detection does not catch it).
        recorded![1] &= 0xf7;
        recorded[22] ^= 0x10;   // and a new sequence number
        int delivered = 0;
        ap.Interface.Receiver = p => { delivered++; p.Free(); };
        apRadio.Ic.RxEnqueue(w.World.Pool.Rent(recorded), -40, -91, new Net80211.Radio.RxInfo { FrequencyMhz = 5180 });
        w.RunFor(0.01);
        Assert.Equal(0, delivered);
        Assert.Equal(1, ap.Stats.RxReplay);
    }

    [Fact]
    public void Pmf_required_ap_refuses_a_station_without_pmf()
    {
        var w = new ScenarioWorld(seed: 76);
        var ap = w.HostAp(w.AddRadio(), "secure", configure: v => ScenarioWorld.Wpa(v, s => s.Mfp = MfpMode.Required));
        var sta = w.Station(w.AddRadio(new Position(5, 0)), "secure", v => ScenarioWorld.Wpa(v));
        w.RunFor(15);
        Assert.NotEqual(Ieee80211State.Run, sta.State);
        Snapshot.Verify(w.Transcript.ToString());
        Assert.Contains("management frame protection", w.Transcript.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Under_pmf_a_protected_deauth_is_obeyed_and_a_forged_one_ignored()
    {
        var w = new ScenarioWorld(seed: 77);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio(new Position(5, 0));
        var ap = w.HostAp(apRadio, "secure", configure: v => ScenarioWorld.Wpa(v, s => s.Mfp = MfpMode.Required));
        var sta = w.Station(staRadio, "secure", v => ScenarioWorld.Wpa(v, s => s.Mfp = MfpMode.Capable));
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 25));
        Assert.True(sta.Bss!.MfpEnabled);

        // A forged, unprotected deauthentication "from the AP".
        w.InjectDeauth(staRadio, sta.MacAddress, ap.MacAddress, 7);
        w.RunFor(0.5);
        Assert.Equal(Ieee80211State.Run, sta.State);
        Assert.Equal(1, sta.Stats.RxUnprotected);
        // The station checked with a protected SA Query, and the AP answered.
        Assert.Contains("SA Query answered", w.Transcript.ToString(), StringComparison.Ordinal);

        // The real one, protected with the PTK, is obeyed.
        w.World.OnQueue(apRadio, () => ((HostApMode)ap.OpModeHandler!).Deauthenticate(sta.MacAddress, ReasonCode.Unspecified));
        Assert.True(w.RunUntil(() => sta.State != Ieee80211State.Run, 1));
        Assert.Equal((ushort)1, sta.LastFailure!.ReasonOrStatus);
    }

    [Fact]
    public void Under_pmf_an_unanswered_sa_query_ends_the_association()
    {
        var w = new ScenarioWorld(seed: 79);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio(new Position(5, 0));
        var ap = w.HostAp(apRadio, "secure", configure: v => ScenarioWorld.Wpa(v, s => s.Mfp = MfpMode.Required));
        var sta = w.Station(staRadio, "secure", v => ScenarioWorld.Wpa(v, s => s.Mfp = MfpMode.Capable));
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 25));
        // The AP has really gone (nothing it sends is heard), and an unprotected deauthentication arrives.
        w.World.Medium.LossFilter = (from, to, frame) => from == apRadio.Port;
        w.InjectDeauth(staRadio, sta.MacAddress, ap.MacAddress, 3);
        Assert.True(w.RunUntil(() => sta.State != Ieee80211State.Run, 3));
        Assert.Contains("SA Query", sta.LastFailure!.What, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CipherSuite.BipCmac128)]
    [InlineData(CipherSuite.BipGmac256)]   // a 16-octet MIC: the MMIE is longer than BIP-CMAC-128's
    public void Under_pmf_a_broadcast_deauth_counts_only_with_a_valid_bip_mmie(CipherSuite groupManagementCipher)
    {
        var w = new ScenarioWorld(seed: 80);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio(new Position(5, 0));
        var ap = w.HostAp(apRadio, "secure", configure: v => ScenarioWorld.Wpa(v, s => { s.Mfp = MfpMode.Required; s.GroupManagementCipher = groupManagementCipher; }));
        var sta = w.Station(staRadio, "secure", v => ScenarioWorld.Wpa(v, s => { s.Mfp = MfpMode.Capable; s.GroupManagementCipher = groupManagementCipher; }));
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 25));
        Assert.Equal((uint)groupManagementCipher, sta.Keys.Igtk(4)!.Cipher.SuiteSelector);

        // A forged broadcast deauthentication without an MMIE is ignored.
        w.InjectDeauth(staRadio, MacAddress.Broadcast, ap.MacAddress, 3);
        w.RunFor(0.1);
        Assert.Equal(Ieee80211State.Run, sta.State);
        Assert.Equal(1, sta.Stats.RxUnprotected);

        // The AP going down sends one BIP-protected broadcast deauthentication, which is obeyed.
        w.World.OnQueue(apRadio, ap.Down);
        Assert.True(w.RunUntil(() => sta.State != Ieee80211State.Run, 1));
        Assert.Equal((ushort)3, sta.LastFailure!.ReasonOrStatus);
    }

    [Fact]
    public void Wpa_tkip_and_wep_networks_are_joinable()
    {
        var w = new ScenarioWorld(seed: 78);
        var tkipAp = w.HostAp(w.AddRadio(), "legacy-wpa", channel: 36, configure: v => ScenarioWorld.Wpa(v, s =>
        {
            s.Rsn = false;
            s.Wpa1 = true;
            s.PairwiseCiphers.Clear();
            s.PairwiseCiphers.Add(CipherSuite.Tkip);
            s.GroupCipher = CipherSuite.Tkip;
        }), name: "wpa-ap");
        byte[] wepKey = [0x1f, 0x1f, 0x1f, 0x1f, 0x1f];
        var wepAp = w.HostAp(w.AddRadio(new Position(0, 5)), "legacy-wep", channel: 44, configure: v =>
        {
            v.Security.AuthMode = AuthMode.Wep;
            v.Security.WepKeys[0] = wepKey;
        }, name: "wep-ap");
        var tkipSta = w.Station(w.AddRadio(new Position(5, 0)), "legacy-wpa", v => ScenarioWorld.Wpa(v, s =>
        {
            s.Wpa1 = true;
            s.PairwiseCiphers.Add(CipherSuite.Tkip);
            s.GroupCipher = CipherSuite.Tkip;
        }), name: "wpa-sta");
        var wepSta = w.Station(w.AddRadio(new Position(5, 5)), "legacy-wep", v =>
        {
            v.Security.AuthMode = AuthMode.Wep;
            v.Security.WepKeys[0] = wepKey;
        }, name: "wep-sta");
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(tkipAp, tkipSta) && wepSta.State == Ieee80211State.Run, 30));
        Assert.Equal(3, PingAp(w, tkipAp, tkipSta));
        Assert.Equal(3, PingAp(w, wepAp, wepSta));
        Assert.Equal("TKIP", tkipSta.Bss!.PairwiseKey!.Cipher.Name);
        Snapshot.Verify(w.Transcript.ToString());
    }
}
