using Net80211.RadioDrivers.Air;
using Net80211.StateMachine;
using Net80211.Vaps;

namespace Vap.Tests.Scenarios;

public class MediaScenarioTests
{
    [Fact]
    public void Media_status_follows_the_vap_and_a_fixed_rate_is_used_on_the_air()
    {
        var w = new ScenarioWorld(seed: 51, dataOnAir: true);
        var ap = w.HostAp(w.AddRadio(), "net80211");
        var staRadio = w.AddRadio(new Position(5, 0));
        var sta = w.Station(staRadio, "net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 20));

        var status = sta.Media.GetStatus();
        Assert.StartsWith("media: IEEE 802.11 Wireless Ethernet OFDM/", status.MediaLine, StringComparison.Ordinal);
        Assert.EndsWith("Mbps mode 11a", status.MediaLine, StringComparison.Ordinal);
        Assert.Contains("associated", status.StatusLine, StringComparison.Ordinal);
        Assert.Contains("<hostap>", ap.Media.GetStatus().MediaLine, StringComparison.Ordinal);

        Assert.True(sta.Media.TryChange("OFDM/12Mbps", out var error), error);
        Assert.False(sta.Media.TryChange("DS/11Mbps mode 11a", out error));     // no such rate in 11a
        Assert.False(string.IsNullOrEmpty(error));

        byte? rate = null;
        w.World.Medium.FrameOnAir += (in AirFrameEvent e) => { if (e.Sender == staRadio.Port && e.Frame[0] == 0x08) rate = e.Rate; };
        w.World.OnQueue(staRadio, () =>
        {
            var p = w.World.Pool.Rent(100);
            var b = p.Append(100);
            ap.MacAddress.WriteTo(b);
            sta.MacAddress.WriteTo(b[6..]);
            b[12] = 0x08;
            sta.Interface.Output(p);
        });
        w.RunFor(0.1);
        Assert.Equal((byte)24, rate);   // 12 Mb/s in 500 kb/s units
    }
}
