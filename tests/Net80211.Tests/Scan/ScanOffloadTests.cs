using Net80211.Radio;
using Net80211.Scan;

namespace Net80211.Tests.Scan;

/// <summary>IEEE80211_FEXT_SCAN_OFFLOAD: the firmware sweeps, the engine only starts it and waits for the end.</summary>
public class ScanOffloadTests
{
    [Fact]
    public void Offloaded_scan_hands_the_sweep_to_the_driver_and_completes_when_it_reports_done()
    {
        var h = new ScanHarness(extraCaps: RadioCapabilities.ScanOffload);
        h.Start();
        h.RunUntilMs(1000);
        Assert.True(h.Engine.IsScanning);
        Assert.Equal(["scan_start"], h.DriverCalls);   // no channel changes, no probes from the stack
        Assert.Empty(h.Probes);
        Assert.Equal(15, h.Engine.Channels.Count);

        h.OnQueue(() => h.Engine.OffloadScanDone(aborted: false));

        var completion = Assert.Single(h.Completions);
        Assert.Equal(ScanStatus.Done, completion.Status);
        Assert.Equal(15, completion.ChannelsVisited);
        Assert.False(h.Engine.IsScanning);
        // The firmware ended it itself: nothing to stop, so no scan_end.
        Assert.Equal(["scan_start"], h.DriverCalls);
        Assert.Equal(1, h.Engine.ScansCompleted);
    }

    [Fact]
    public void Cancelling_an_offloaded_scan_tells_the_driver_and_a_late_report_is_counted_not_obeyed()
    {
        var h = new ScanHarness(extraCaps: RadioCapabilities.ScanOffload);
        h.Start();
        h.RunUntilMs(100);
        h.OnQueue(h.Engine.Cancel);

        Assert.Equal(["scan_start", "scan_end"], h.DriverCalls);
        Assert.Equal(ScanStatus.Cancelled, Assert.Single(h.Completions).Status);

        h.OnQueue(() => h.Engine.OffloadScanDone(aborted: true));
        Assert.Single(h.Completions);
        Assert.Equal(1, h.Engine.StrayOffloadReports);
    }

    [Fact]
    public void An_offloaded_scan_the_driver_never_finishes_ends_after_its_dwell_budget()
    {
        var h = new ScanHarness(extraCaps: RadioCapabilities.ScanOffload);
        h.Start();
        // 15 channels × 200 ms max dwell + 10 s grace.
        h.RunUntilMs(12_999);
        Assert.Empty(h.Completions);
        h.RunUntilMs(13_001);

        Assert.Equal(ScanStatus.Done, Assert.Single(h.Completions).Status);
        Assert.Equal(1, h.Engine.OffloadTimeouts);
        Assert.Equal(["scan_start", "scan_end"], h.DriverCalls);
    }
}

/// <summary>mac80211's flush before going off channel: frames the driver still holds go out first.</summary>
public class ScanFlushTests
{
    private static void HandTheDriverAFrame(ScanHarness h)
    {
        var ic = h.World.Ic;
        h.OnQueue(() =>
        {
            var vap = ic.CreateVap(Net80211.Radio.OpMode.Sta).Vap!;
            ic.RawTransmit(ic.Nodes.Add(vap, MacAddress.Parse("02:00:00:00:00:99")), h.World.Pool.Rent(new byte[24]));
        });
    }

    [Fact]
    public void A_sweep_waits_for_the_frames_the_driver_holds_then_starts()
    {
        var h = new ScanHarness();
        HandTheDriverAFrame(h);
        h.Start();
        h.RunUntilMs(3);
        Assert.DoesNotContain("scan_start", h.DriverCalls);   // still on the operating channel

        h.OnQueue(() => h.World.Driver.CompleteAll());
        h.RunUntilMs(5);
        Assert.Contains("scan_start", h.DriverCalls);
        Assert.InRange(h.Engine.FlushWaits, 3, 5);
    }

    [Fact]
    public void A_driver_that_never_completes_holds_the_sweep_back_only_for_the_flush_limit()
    {
        var h = new ScanHarness();
        HandTheDriverAFrame(h);
        h.Start();
        h.RunUntilMs(ScanEngine.FlushLimit.TotalMilliseconds - 1);
        Assert.DoesNotContain("scan_start", h.DriverCalls);
        h.RunUntilMs(ScanEngine.FlushLimit.TotalMilliseconds + 1);
        Assert.Contains("scan_start", h.DriverCalls);
    }
}
