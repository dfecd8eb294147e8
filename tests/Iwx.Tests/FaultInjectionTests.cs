using Net80211;
using Net80211.Frames;
using Net80211.Radio;
using Net80211.RadioDrivers.Iwx;
using Net80211.RadioDrivers.Iwx.Device;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.StateMachine;

namespace Iwx.Tests;

/// <summary>Fault injection through the emulated device: each ends with a clear error, no crash, no hang and
/// no leaked DMA mapping.</summary>
public class FaultInjectionTests
{
    private static IwxWorld Joined(out Net80211.Vaps.Ieee80211Vap ap, out Net80211.Vaps.Ieee80211Vap sta, IwxOptions? options = null)
    {
        var w = new IwxWorld(options: options);
        ap = w.HostAp("net80211");
        var s = sta = w.Station("net80211");
        Assert.True(w.RunUntil(() => s.State == Ieee80211State.Run, 15));
        w.RunFor(0.2);
        return w;
    }

    [Fact]
    public void No_alive_fails_attach_with_a_clear_error_and_frees_every_mapping()
    {
        var w = new IwxWorld(withAp: false, beforeAttach: sim => sim.Device.Faults.FailBoot = true);
        Assert.True(w.AttachFlow.IsCompleted);
        Assert.False(w.Driver.IsAttached);
        Assert.Equal("firmware did not say ALIVE", w.Driver.AttachError);
        Assert.Equal(0, w.Driver.Handle.Dma.ActiveMappings);
        Assert.True(w.Driver.Handle.IsDisposed);
        Assert.False(w.Ic.IsAttached);
        // The 1 s ALIVE timeout ran in virtual time.
        Assert.InRange(w.World.Scheduler.Now, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.1));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("garbage")]
    [InlineData("short")]
    public void A_missing_or_bad_firmware_file_fails_attach_cleanly(string what)
    {
        var w = new IwxWorld(withAp: false, beforeAttach: sim =>
        {
            string name = IwxPciIds.FirmwareName(sim.Device.Model);
            if (what == "missing") sim.Firmware.Remove(name);
            else if (what == "garbage") sim.Firmware.Add(name, Enumerable.Repeat((byte)0x5a, 4096).ToArray());
            else sim.Firmware.Add(name, new byte[10]);
        });
        Assert.False(w.Driver.IsAttached);
        Assert.Contains(what == "missing" ? "could not read firmware" : "firmware iwlwifi", w.Driver.AttachError, StringComparison.Ordinal);
        Assert.Equal(0, w.Driver.Handle.Dma.ActiveMappings);
        Assert.Equal(0, w.Device.Boots);
    }

    [Fact]
    public void A_command_timeout_poisons_its_slot_and_the_late_response_completes_nothing()
    {
        var w = Joined(out _, out _);
        // Straight onto queue 0: the first answer comes 2.5 s late, after its 2 s timeout.
        w.Device.Faults.DelayResponse(IwxCommandId.TxAntConfiguration, TimeSpan.FromSeconds(2.5));
        IwxSignal<IwxCommandResult>? first = null, second = null;
        w.OnIwxQueue(() => first = w.Driver.SubmitCommand(IwxCommandId.TxAntConfiguration, [1, 0, 0, 0]));
        w.RunFor(2.1);
        Assert.Equal(IwxCommandStatus.Timeout, first!.Result.Status);
        Assert.Equal(1, w.Driver.CommandTimeouts);
        w.OnIwxQueue(() => second = w.Driver.SubmitCommand(IwxCommandId.NvmAccessComplete, [0, 0, 0, 0]));
        w.RunFor(0.1);
        Assert.True(second!.Result.Succeeded(), second.Result.ToString());
        w.RunFor(0.5);   // the late answer arrives
        Assert.Equal(1, w.Driver.LateResponsesDiscarded);
        Assert.Equal(IwxCommandStatus.Timeout, first.Result.Status);
        Assert.Equal(0, w.Driver.CommandsInFlight);
        Assert.Equal(0, w.Driver.WrongCookieDiscarded);
    }

    [Theory]
    [InlineData(IwxResponseCorruption.WrongCookie)]
    [InlineData(IwxResponseCorruption.WrongOpcode)]
    public void A_response_with_the_wrong_cookie_or_opcode_is_discarded_and_the_command_times_out(IwxResponseCorruption how)
    {
        var w = Joined(out _, out _);
        w.Device.Faults.CorruptNextResponse(IwxCommandId.TxAntConfiguration, how);
        IwxSignal<IwxCommandResult>? cmd = null;
        w.OnIwxQueue(() => cmd = w.Driver.SubmitCommand(IwxCommandId.TxAntConfiguration, [1, 0, 0, 0]));
        w.RunFor(0.1);
        Assert.False(cmd!.IsCompleted);
        Assert.Equal(1, w.Driver.WrongCookieDiscarded);
        w.RunFor(2);
        Assert.Equal(IwxCommandStatus.Timeout, cmd.Result.Status);
        // The queue still works.
        IwxSignal<IwxCommandResult>? next = null;
        w.OnIwxQueue(() => next = w.Driver.SubmitCommand(IwxCommandId.NvmAccessComplete, [0, 0, 0, 0]));
        w.RunFor(0.1);
        Assert.True(next!.Result.Succeeded());
    }

    [Fact]
    public void A_full_command_queue_fails_the_command_at_once_after_one_reclaim()
    {
        var w = Joined(out _, out _);
        var results = new List<IwxSignal<IwxCommandResult>>();
        w.OnIwxQueue(() =>
        {
            // A ring of 32 holds 31 commands (write == read means empty to the device).
            for (int i = 0; i < 32; i++) results.Add(w.Driver.SubmitCommand(IwxCommandId.NvmAccessComplete, [0, 0, 0, 0]));
        });
        Assert.Equal(IwxCommandStatus.QueueFull, results[31].Result.Status);
        Assert.Equal(1, w.Driver.CommandQueueFull);
        Assert.All(results.Take(31), r => Assert.False(r.IsCompleted));
        w.RunFor(0.1);
        Assert.All(results.Take(31), r => Assert.True(r.Result.Succeeded()));
    }

    [Fact]
    public void Data_frames_never_go_on_the_command_queue()
    {
        var w = Joined(out _, out _);
        Exception? refused = null;
        w.OnIwxQueue(() => refused = Record.Exception(() => w.Driver.SubmitCommand(IwxCommandId.TxCmd, new byte[40])));
        Assert.IsType<ArgumentException>(refused);
        Assert.Equal(0, w.Device.ReplyErrors);
    }

    [Fact]
    public void A_stuck_tx_queue_trips_the_watchdog_and_the_radio_restarts()
    {
        var w = Joined(out var ap, out var sta);
        w.Device.Faults.StallTxQueue(IwxDeviceFaults.AllDataQueues);
        for (int i = 0; i < 5; i++) w.Send(sta, ap.MacAddress, 200, (byte)i);
        Assert.True(w.RunUntil(() => w.Driver.DeviceTimeouts == 1, 8));
        Assert.Contains(w.Driver.Messages, m => m.Contains("device timeout", StringComparison.Ordinal));
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run && w.Driver.MacContextAssociated, 15));
        w.RunFor(0.5);
        w.AssertTxAccounting();
        Assert.Equal(0, w.Driver.TxInFlight);
    }

    [Fact]
    public void An_rx_ring_overrun_is_survived_by_restocking()
    {
        var w = Joined(out var ap, out var sta, new IwxOptions { RxRingSizeLog2 = 3 });
        var atSta = IwxWorld.Capture(sta);
        w.OnIwxQueue(() => w.Driver.RxSuspended = true);
        for (int i = 0; i < 12; i++) w.Send(ap, sta.MacAddress, 100, (byte)i);
        w.RunFor(0.3);
        Assert.True(w.Device.RxOverruns > 0);
        long restocks = w.Driver.RxRestocks;
        w.OnIwxQueue(w.Driver.ResumeRx);
        Assert.True(w.Driver.RxRestocks > restocks);
        w.RunFor(0.1);
        int got = atSta.Count;
        Assert.InRange(got, 1, 11);
        w.Send(ap, sta.MacAddress, 100, 0x77);
        w.RunFor(0.2);
        Assert.Equal(got + 1, atSta.Count);
        Assert.Equal(Ieee80211State.Run, sta.State);
    }

    [Fact]
    public void A_firmware_assert_under_traffic_completes_every_frame_and_the_link_returns()
    {
        var w = Joined(out var ap, out var sta);
        for (int i = 0; i < 30; i++)
        {
            w.Send(sta, ap.MacAddress, 1400, (byte)i);
            if (i == 10) w.Device.Faults.Assert();
        }
        Assert.True(w.RunUntil(() => w.Driver.FirmwareErrors == 1, 1));
        Assert.NotNull(w.Driver.LastErrorTable);
        Assert.Equal(IwxErrorTable.SysAssert, w.Driver.LastErrorTable!.Value.ErrorId);
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run && w.Driver.MacContextAssociated, 15));
        w.RunFor(0.5);
        w.AssertTxAccounting();
        Assert.Equal(0, w.Driver.TxInFlight);
        Assert.DoesNotContain(w.Driver.Handle.Dma.DescribeActive(), d => d.StartsWith("iwx tx frame", StringComparison.Ordinal));
    }

    [Fact]
    public void A_device_dma_outside_its_mappings_is_a_dma_fault_and_the_driver_recovers()
    {
        var w = Joined(out var ap, out var sta);
        w.Device.Faults.DmaToUnmapped();
        w.Send(ap, sta.MacAddress, 100, 1);
        Assert.True(w.RunUntil(() => w.Driver.DmaFaults == 1, 1));
        Assert.NotEmpty(w.Device.DmaFaults);
        Assert.Contains(w.Driver.Messages, m => m.Contains("DMA fault", StringComparison.Ordinal));
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run && w.Driver.MacContextAssociated, 15));
        var atSta = IwxWorld.Capture(sta);
        w.Send(ap, sta.MacAddress, 100, 2);
        w.RunFor(0.2);
        Assert.Single(atSta);
        w.AssertTxAccounting();
    }

    [Fact]
    public void Detach_frees_every_dma_mapping()
    {
        var w = Joined(out var ap, out var sta);
        w.Send(sta, ap.MacAddress, 500, 1);
        w.RunFor(0.1);
        Assert.True(w.Driver.Handle.Dma.ActiveMappings > 0);
        w.OnIwxQueue(w.Driver.Detach);
        w.RunFor(0.1);
        Assert.Equal(0, w.Driver.Handle.Dma.ActiveMappings);
        Assert.False(w.Ic.IsAttached);
        w.AssertTxAccounting();
    }

    [Fact]
    public void A_stray_association_response_in_run_does_not_change_the_bssid()
    {
        var w = Joined(out var ap, out var sta);
        var forger = w.World.AddRadio(new Net80211.RadioDrivers.Hwsim.HwsimOptions { Position = new Net80211.RadioDrivers.Air.Position(4, 0) }, "hwsim1");
        var forgerAp = forger.Ic.CreateVap(OpMode.HostAp).Vap!;
        forgerAp.DesiredSsid = "other"u8.ToArray();
        forgerAp.DesiredChannel = forger.Ic.Channels.ToArray().Where(c => c.Ieee == 36).OrderByDescending(c => c.IsOfdm).First();
        w.World.OnQueue(forger, forgerAp.Up);
        w.RunFor(0.1);
        var evil = MacAddress.Parse("02:66:66:66:66:66");
        var frame = new byte[24 + 6];
        frame[0] = 0x10; // association response
        sta.MacAddress.WriteTo(frame.AsSpan(4));
        evil.WriteTo(frame.AsSpan(10));
        evil.WriteTo(frame.AsSpan(16));
        frame[26] = 0; // status success
        frame[28] = 9; // aid 9
        var p = w.World.Pool.Rent(frame.Length);
        frame.CopyTo(p.Append(frame.Length));
        w.World.OnQueue(forger, () => forger.Ic.RawTransmit(forgerAp.Bss!, p, new RawTxParams { Rate0 = 12, Try0 = 1 }));
        w.RunFor(0.2);
        Assert.Equal(1, w.Driver.StrayAssociationResponses);
        Assert.Equal(ap.MacAddress, w.Driver.MacContextBssid);
        Assert.Equal(ap.MacAddress, sta.Bss!.Bssid);
        Assert.Equal(Ieee80211State.Run, sta.State);
    }
}
