using Net80211;
using Net80211.RadioDrivers.Air;
using Net80211.StateMachine;
using Net80211.Radio;
using Net80211.Vap.Adhoc;
using Net80211.Vap.HostAp;

namespace Vap.Tests.Scenarios;

/// <summary>An authentication flood from made-up addresses: the host AP's node table stops growing at its
/// limit, the excess is counted, and a real station still joins once the flood's entries age out.</summary>
public class AuthFloodTests
{
    [Fact]
    public void A_beacon_flood_of_made_up_ibss_members_is_bounded_and_counted()
    {
        var w = new ScenarioWorld(seed: 29);
        var radio = w.AddRadio();
        var ibss = radio.Ic.CreateVap(OpMode.Ibss).Vap!;
        ibss.DesiredSsid = "adhoc"u8.ToArray();
        ibss.DesiredChannel = ScenarioWorld.Channel(radio, 6);
        ibss.MaxStations = 16;
        w.World.OnQueue(radio, ibss.Up);
        Assert.True(w.RunUntil(() => ibss.State == Ieee80211State.Run, 5));
        var bssid = ((AdhocMode)ibss.OpModeHandler!).Bssid;

        var random = new Random(6);
        for (int i = 0; i < 2000; i++)
        {
            var beacon = new byte[24 + 12 + 7];
            beacon[0] = 0x80;
            Net80211.MacAddress.Broadcast.WriteTo(beacon.AsSpan(4));
            var source = new byte[6];
            random.NextBytes(source);
            source[0] = (byte)((source[0] & 0xfe) | 0x02);
            source.CopyTo(beacon, 10);
            bssid.WriteTo(beacon.AsSpan(16));
            beacon[24 + 8] = 100;                               // beacon interval
            beacon[24 + 10] = 0x02;                             // IBSS
            beacon[36] = 0;                                     // SSID "adhoc"
            beacon[37] = 5;
            "adhoc"u8.CopyTo(beacon.AsSpan(38));
            radio.Ic.RxEnqueue(w.World.Pool.Rent(beacon), -40, -91, new RxInfo { FrequencyMhz = radio.Port.FrequencyMhz });
            if (i % 50 == 49) w.RunFor(0.005);
        }
        w.RunFor(0.5);

        Assert.Equal(1 + 16, ibss.NodeCount);
        Assert.Equal(2000 - 16, ibss.Stats.RxNodeTableFull);
        Assert.Equal(Ieee80211State.Run, ibss.State);
    }

    [Fact]
    public void An_authentication_flood_is_bounded_and_counted()
    {
        var w = new ScenarioWorld(seed: 23);
        var apRadio = w.AddRadio();
        var ap = w.HostAp(apRadio, "net80211", configure: v => v.MaxStations = 32);
        w.RunFor(0.1);

        var random = new Random(5);
        for (int i = 0; i < 5000; i++)
        {
            var frame = new byte[30];
            frame[0] = 0xb0;                                   // authentication
            ap.MacAddress.WriteTo(frame.AsSpan(4));
            var source = new byte[6];
            random.NextBytes(source);
            source[0] = (byte)((source[0] & 0xfe) | 0x02);     // unicast, locally administered
            source.CopyTo(frame, 10);
            ap.MacAddress.WriteTo(frame.AsSpan(16));
            frame[26] = 1;                                      // open system, transaction 1
            apRadio.Ic.RxEnqueue(w.World.Pool.Rent(frame), -40, -91, new RxInfo { FrequencyMhz = apRadio.Port.FrequencyMhz });
            if (i % 50 == 49) w.RunFor(0.005);
        }
        w.RunFor(0.5);

        // Our BSS node, 32 stations' worth and the pending allowance: no more.
        Assert.Equal(1 + 32 + HostApMode.PendingAuthentications, ap.NodeCount);
        Assert.Equal(5000 - 32 - HostApMode.PendingAuthentications, ap.Stats.RxNodeTableFull);

        // The flood's entries age out (inact_auth), then a real station gets in.
        w.RunFor(ap.InactAuthSeconds + 30);
        Assert.Equal(1, ap.NodeCount);
        var staRadio = w.AddRadio(new Position(5, 0));
        var sta = w.Station(staRadio, "net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 20));
    }
}
