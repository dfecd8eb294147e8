using Net80211.Radio;
using Net80211.RadioDrivers.Iwx;
using Net80211.StateMachine;
using Net80211.Testing;

namespace Iwx.Tests;

/// <summary>The join through iwx as an approved transcript: boot, firmware scan, auth/assoc on the air, the
/// VAP's states. Same seed, same text.</summary>
public class TranscriptTests
{
    private static string Join(ulong seed)
    {
        var w = new IwxWorld(seed);
        w.HostAp("net80211");
        var sta = w.Station("net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        w.RunFor(0.3);
        return w.Transcript.ToString();
    }

    [Fact]
    public void Station_joins_an_open_ap_through_iwx()
    {
        string first = Join(1);
        Assert.Equal(first, Join(1));
        Snapshot.Verify(first);
    }
}

/// <summary>Monitor mode, power and rate selection.</summary>
public class ModeTests
{
    [Fact]
    public void Monitor_vap_uses_a_listener_context_and_sees_the_air()
    {
        var w = new IwxWorld();
        w.HostAp("net80211");
        var mon = w.Ic.CreateVap(OpMode.Monitor).Vap!;
        int frames = 0;
        mon.Interface.Receiver = p => { frames++; p.Free(); };
        mon.DesiredChannel = w.Ic.Channels.ToArray().First(c => c.Ieee == 36);
        w.OnIwxQueue(() => w.Ic.SetCurrentChannel(mon.DesiredChannel));
        w.OnIwxQueue(mon.Up);
        w.RunFor(1);
        Assert.Equal(Ieee80211State.Run, mon.State);
        Assert.Equal(36, w.Driver.PhyChannel!.Ieee);
        Assert.True(frames > 5, $"{frames} frames");
    }

    [Fact]
    public void The_device_powers_up_with_the_first_vap_and_down_after_the_last()
    {
        var w = new IwxWorld();
        w.HostAp("net80211");
        Assert.False(w.Device.FirmwareRunning);
        var sta = w.Station("net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        Assert.True(w.Device.FirmwareRunning);
        int mappingsUp = w.Driver.Handle.Dma.ActiveMappings;
        w.OnIwxQueue(sta.Down);
        w.RunFor(0.5);
        Assert.False(w.Driver.IsUp);
        Assert.False(w.Device.FirmwareRunning);
        Assert.Equal(0, w.Device.FrequencyMhz);
        Assert.True(w.Driver.Handle.Dma.ActiveMappings <= mappingsUp);
        Assert.Equal(0, w.Driver.PendingOperations);
        w.AssertTxAccounting();
    }

    [Fact]
    public void Firmware_rate_selection_with_ratectl_none_still_reports_status()
    {
        var w = new IwxWorld(options: new IwxOptions { FirmwareRateControl = true });
        var ap = w.HostAp("net80211");
        var sta = w.Station("net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        Assert.Equal("NoneRateControl", sta.RateControl!.GetType().Name);
        var atAp = IwxWorld.Capture(ap);
        for (int i = 0; i < 10; i++) w.Send(sta, ap.MacAddress, 800, (byte)i);
        w.RunFor(0.5);
        Assert.Equal(10, atAp.Count);
        Assert.True(sta.Bss!.TxRate > 2, $"node rate {sta.Bss.TxRate}");
        w.AssertTxAccounting();
    }
}
