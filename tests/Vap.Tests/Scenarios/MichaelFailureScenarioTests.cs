using Net80211;
using Net80211.Frames;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Hwsim;
using Net80211.Security;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vap.HostAp;
using Net80211.Vap.Station;
using Net80211.Vaps;

namespace Vap.Tests.Scenarios;

/// <summary>TKIP Michael MIC failures found by the station (IEEE 802.11-2020 12.5.2.4): reported to the AP, which
/// starts countermeasures on the second.</summary>
public class MichaelFailureScenarioTests
{
    private static void Tkip(Ieee80211Vap v) => ScenarioWorld.Wpa(v, s =>
    {
        s.Rsn = false;
        s.Wpa1 = true;
        s.PairwiseCiphers.Clear();
        s.PairwiseCiphers.Add(CipherSuite.Tkip);
        s.GroupCipher = CipherSuite.Tkip;
    });

    /// <summary>
    /// The attack TKIP's Michael exists for: flip a bit of the (encrypted) Michael MIC and repair the ICV, which
    /// CRC-32's linearity allows without the key. The MPDU still decrypts, the MSDU fails Michael.
    /// </summary>
    private static byte[] FlipMichaelBit(byte[] frame)
    {
        Assert.True(FrameHeader.TryRead(frame, out var header, out _));
        const int IvLength = 8, MicLength = 8, IcvLength = 4;
        int plainStart = header.Length + IvLength;
        int icvOffset = frame.Length - IcvLength;
        var delta = new byte[icvOffset - plainStart];
        delta[^MicLength] = 0x01;                     // the first octet of the Michael MIC
        uint icvDelta = Crc32.Compute(delta) ^ Crc32.Compute(new byte[delta.Length]);
        var forged = (byte[])frame.Clone();
        forged[icvOffset - MicLength] ^= 0x01;
        for (int i = 0; i < IcvLength; i++) forged[icvOffset + i] ^= (byte)(icvDelta >> (8 * i));
        return forged;
    }

    [Fact]
    public void Two_michael_failures_at_the_station_are_reported_and_the_ap_starts_countermeasures()
    {
        var w = new ScenarioWorld(seed: 97);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio(new Position(5, 0));
        var ap = w.HostAp(apRadio, "tkip", configure: Tkip);
        var sta = w.Station(staRadio, "tkip", Tkip);
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 25));
        Assert.Equal("TKIP", sta.Bss!.PairwiseKey!.Cipher.Name);

        // The AP's large data frames to the station are intercepted on the air; a bit-flipped copy is delivered.
        byte[]? captured = null;
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (e.Sender == apRadio.Port && !e.IsAck && (e.Frame[0] & 0x0c) == 0x08 && (e.Frame[1] & 0x40) != 0 && e.Frame.Length > 200)
                captured ??= e.Frame.ToArray();
        };
        w.World.Medium.LossFilter = (from, to, frame) => from == apRadio.Port && to == staRadio.Port
            && (frame.Span[0] & 0x0c) == 0x08 && (frame.Span[1] & 0x40) != 0 && frame.Length > 200;
        var reportsAtAp = new List<string>();
        int delivered = 0;
        sta.Interface.Receiver = p => { delivered++; p.Free(); };

        void ForgeOne()
        {
            captured = null;
            w.Send(ap, sta.MacAddress, 200, 0x22);
            w.RunFor(0.05);
            Assert.NotNull(captured);
            staRadio.Ic.RxEnqueue(w.World.Pool.Rent(FlipMichaelBit(captured!)), -40, -91, new Net80211.Radio.RxInfo { FrequencyMhz = staRadio.Port.FrequencyMhz });
            w.RunFor(0.05);
        }

        ForgeOne();
        Assert.Equal(1, sta.Stats.RxMsduMicFailure);
        Assert.Equal(0, sta.Stats.RxIntegrityFailure);    // the ICV repair held: only Michael caught it
        Assert.Equal(Ieee80211State.Run, sta.State);       // one failure: reported, nothing more
        Assert.Contains("Michael MIC failure reported by", w.Transcript.ToString(), StringComparison.Ordinal);
        Assert.False(((HostApMode)ap.OpModeHandler!).TkipCountermeasuresActive);

        w.RunFor(5);
        ForgeOne();
        Assert.Equal(2, sta.Stats.RxMsduMicFailure);
        Assert.Equal(0, delivered);
        Assert.True(((HostApMode)ap.OpModeHandler!).TkipCountermeasuresActive);
        Assert.True(((StationMode)sta.OpModeHandler!).TkipCountermeasuresActive);
        Assert.NotEqual(Ieee80211State.Run, sta.State);
        Assert.Equal((ushort)ReasonCode.MicFailure, sta.LastFailure!.ReasonOrStatus);
        Assert.Null(ap.Ic.Nodes.Find(ap, sta.MacAddress));

        // Both sides keep away from TKIP for 60 s, then the station joins again.
        w.World.Medium.LossFilter = null;
        Assert.False(w.RunUntil(() => sta.State == Ieee80211State.Run, 55));
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 25));
        Snapshot.Verify(w.Transcript.ToString());
    }

    [Fact]
    public void With_its_reports_lost_the_station_leaves_by_itself_and_keeps_away_60_s()
    {
        var w = new ScenarioWorld(seed: 98);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio(new Position(5, 0));
        var ap = w.HostAp(apRadio, "tkip", configure: Tkip);
        var sta = w.Station(staRadio, "tkip", Tkip);
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 25));

        byte[]? captured = null;
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) =>
        {
            if (e.Sender == apRadio.Port && !e.IsAck && (e.Frame[0] & 0x0c) == 0x08 && (e.Frame[1] & 0x40) != 0 && e.Frame.Length > 200)
                captured ??= e.Frame.ToArray();
        };
        // The AP's big data frames do not reach the station, and nothing the station sends as data reaches the AP.
        w.World.Medium.LossFilter = (from, to, frame) => (frame.Span[0] & 0x0c) == 0x08
            && (from == apRadio.Port ? (frame.Span[1] & 0x40) != 0 && frame.Length > 200 : from == staRadio.Port);
        for (int i = 0; i < 2; i++)
        {
            captured = null;
            w.Send(ap, sta.MacAddress, 200, 0x22);
            w.RunFor(0.05);
            staRadio.Ic.RxEnqueue(w.World.Pool.Rent(FlipMichaelBit(captured!)), -40, -91, new Net80211.Radio.RxInfo { FrequencyMhz = staRadio.Port.FrequencyMhz });
            w.RunFor(1);
        }
        Assert.Equal(2, sta.Stats.RxMsduMicFailure);
        Assert.False(((HostApMode)ap.OpModeHandler!).TkipCountermeasuresActive);   // it never heard of them
        Assert.Contains("air sta -> ap Deauthentication reason=14", w.Transcript.ToString(), StringComparison.Ordinal);
        Assert.Equal((ushort)ReasonCode.MicFailure, sta.LastFailure!.ReasonOrStatus);
        Assert.Null(ap.Ic.Nodes.Find(ap, sta.MacAddress));

        w.World.Medium.LossFilter = null;
        static int AuthAttempts(ScenarioWorld w) => w.Transcript.ToString().Split('\n').Count(l => l.Contains("air sta -> ap Authentication", StringComparison.Ordinal));
        int before = AuthAttempts(w);
        Assert.False(w.RunUntil(() => sta.State == Ieee80211State.Run, 55));
        Assert.Equal(before, AuthAttempts(w));   // not even an attempt while the 60 s last
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 25));
    }
}
