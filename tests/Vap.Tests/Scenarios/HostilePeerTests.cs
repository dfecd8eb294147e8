using Net80211;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Hwsim;
using Net80211.StateMachine;
using Net80211.Vaps;

namespace Vap.Tests.Scenarios;

/// <summary>
/// A hostile peer on the channel of a WPA2 network: thousands of malformed, truncated, bit-flipped and forged
/// frames (every type and subtype, every address layout, EAPOL-Keys with junk, frames claiming to come from
/// the AP) go into the AP's and the station's receive paths. Each is handled or counted; nothing throws; no
/// packet leaks; the association survives (only an unprotected deauth/disassoc could end it without PMF, and
/// the fuzzer does not forge those) and carries data afterwards.
/// </summary>
public class HostilePeerTests
{
    private static readonly MacAddress Hostile = MacAddress.Parse("02:66:66:66:66:66");

    [Theory]
    [InlineData("open")]
    [InlineData("wep")]
    [InlineData("wpa-tkip")]
    [InlineData("wpa2")]
    [InlineData("wpa2-pmf")]
    public void Thousands_of_malformed_and_forged_frames_leave_the_network_standing(string security)
    {
        Action<Ieee80211Vap> configure = Security(security);
        var w = new ScenarioWorld(seed: 17);
        var apRadio = w.AddRadio();
        var staRadio = w.AddRadio(new Position(5, 0));
        var recorded = new List<byte[]>();
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) => { if (!e.IsAck && recorded.Count < 400) recorded.Add(e.Frame.ToArray()); };
        var ap = w.HostAp(apRadio, "net80211", configure: configure);
        var sta = w.Station(staRadio, "net80211", configure);
        Assert.True(w.RunUntil(() => ScenarioWorld.Authorized(ap, sta), 20));
        w.Send(sta, ap.MacAddress, 200, 1);   // some data frames among the recordings
        w.Send(ap, sta.MacAddress, 200, 2);
        w.RunFor(0.5);
        long outstanding = w.World.Pool.Outstanding;

        var random = new Random(20261121);
        for (int i = 0; i < 6000; i++)
        {
            bool toAp = random.Next(2) == 0;
            var victim = toAp ? apRadio : staRadio;
            var victimVap = toAp ? ap : sta;
            byte[] frame = Forge(random, recorded, victimVap.MacAddress, toAp ? null : ap.MacAddress);
            victim.Ic.RxEnqueue(w.World.Pool.Rent(frame), -40 - random.Next(40), -91,
                new Net80211.Radio.RxInfo { FrequencyMhz = victim.Port.FrequencyMhz, Rate = 12 });
            if (i % 16 == 15) w.RunFor(0.002);
        }
        // Past one node-timer tick (15 s): partial fragments the junk started are aged out, as FreeBSD ages
        // ni_rxfrag, so every packet is back in the pool.
        w.RunFor(16);

        Assert.True(ScenarioWorld.Authorized(ap, sta), "the association did not survive");
        Assert.Equal(0, Michael(sta) + Michael(ap));   // junk never passes for a Michael failure
        Assert.Equal(Ieee80211State.Run, sta.State);
        Assert.True(Dropped(sta) + Dropped(ap) > 1000, $"only {Dropped(sta) + Dropped(ap)} frames counted as dropped");
        Assert.Equal(outstanding, w.World.Pool.Outstanding);

        int atAp = 0, atSta = 0;
        ap.Interface.Receiver = p => { atAp++; p.Free(); };
        sta.Interface.Receiver = p => { atSta++; p.Free(); };
        for (int i = 0; i < 5; i++)
        {
            w.Send(sta, ap.MacAddress, 300, (byte)i);
            w.Send(ap, sta.MacAddress, 300, (byte)i);
        }
        w.RunFor(0.3);
        Assert.Equal((5, 5), (atAp, atSta));
    }

    private static Action<Ieee80211Vap> Security(string security) => security switch
    {
        "open" => _ => { },
        "wep" => v =>
        {
            v.Security.AuthMode = Net80211.Security.AuthMode.Wep;
            v.Security.WepKeys[0] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
        },
        "wpa-tkip" => v => ScenarioWorld.Wpa(v, s =>
        {
            s.Rsn = false;
            s.Wpa1 = true;
            s.PairwiseCiphers.Clear();
            s.PairwiseCiphers.Add(Net80211.Frames.CipherSuite.Tkip);
            s.GroupCipher = Net80211.Frames.CipherSuite.Tkip;
        }),
        "wpa2" => v => ScenarioWorld.Wpa(v),
        "wpa2-pmf" => v => ScenarioWorld.Wpa(v, s => s.Mfp = Net80211.Security.MfpMode.Required),
        _ => throw new ArgumentOutOfRangeException(nameof(security)),
    };

    private static long Michael(Ieee80211Vap vap) => vap.Stats.RxMsduMicFailure;

    private static long Dropped(Ieee80211Vap vap)
    {
        var s = vap.Stats;
        return s.RxMalformed + s.RxDropped + s.RxTooShort + s.RxBadVersion + s.RxWrongBss + s.RxNotForUs + s.RxWrongDirection
               + s.RxNotAssociated + s.RxNoPrivacy + s.RxDecryptFailed + s.RxNoKey + s.RxReplay + s.RxIntegrityFailure
               + s.RxUnprotected + s.RxUnsupportedSubtype + s.RxDuplicate;
    }

    /// <summary>One hostile frame for <paramref name="victim"/>: noise; a recorded frame with bits flipped and
    /// its tail cut; or a frame of a random type/subtype with random flags and body. It comes from the hostile
    /// address, or (<paramref name="spoofAp"/>, to the station) claims to be the AP — but never as a
    /// deauthentication or disassociation, which an AP without PMF may send in the clear.</summary>
    private static byte[] Forge(Random random, List<byte[]> recorded, MacAddress victim, MacAddress? spoofAp)
    {
        byte[] frame;
        switch (random.Next(3))
        {
            case 0:
                frame = new byte[random.Next(0, 80)];
                random.NextBytes(frame);
                break;
            case 1:
                frame = (byte[])recorded[random.Next(recorded.Count)].Clone();
                for (int flips = random.Next(1, 6); flips > 0 && frame.Length > 0; flips--)
                    frame[random.Next(frame.Length)] ^= (byte)(1 << random.Next(8));
                if (random.Next(3) == 0 && frame.Length > 0) frame = frame[..random.Next(frame.Length)];
                break;
            default:
                frame = new byte[random.Next(10, 300)];
                random.NextBytes(frame);
                frame[0] = (byte)((random.Next(3) << 2) | (random.Next(16) << 4));   // version 0, any type/subtype
                break;
        }
        if (frame.Length >= 16)
        {
            (random.Next(4) == 0 ? MacAddress.Broadcast : victim).WriteTo(frame.AsSpan(4));
            var from = spoofAp is { } a && random.Next(3) == 0 ? a : Hostile;
            from.WriteTo(frame.AsSpan(10));
            bool management = (frame[0] & 0x0c) == 0;
            int subtype = frame[0] >> 4;
            if (from != Hostile && management && subtype is 10 or 12) frame[0] = 0x80;   // a beacon instead
        }
        return frame;
    }
}
