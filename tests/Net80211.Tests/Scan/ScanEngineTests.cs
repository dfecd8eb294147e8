using Net80211.Channels;
using Net80211.Scan;
using Net80211.Scheduling;
using Net80211.Testing;

namespace Net80211.Tests.Scan;

public class ScanEngineTests
{
    private static readonly ChannelFlags Ch2 = ChannelFlags.Band2Ghz | ChannelFlags.Cck | ChannelFlags.Ofdm;
    private static readonly ChannelFlags Ch5 = ChannelFlags.Band5Ghz | ChannelFlags.Ofdm;

    private static Ieee80211Channel C2(int ieee, ChannelFlags extra = 0) => new(2407 + 5 * ieee, ieee, Ch2 | extra);
    private static Ieee80211Channel C5(int ieee, ChannelFlags extra = 0) => new(5000 + 5 * ieee, ieee, Ch5 | extra);

    [Fact]
    public void Active_scan_visits_every_channel_with_wildcard_probes_and_returns_to_the_start_channel()
    {
        var h = new ScanHarness();
        h.Start();
        Assert.True(h.Engine.IsScanning);
        Assert.Equal(1, h.Engine.ChannelBeforeScan!.Ieee);
        h.RunUntilMs(5000);

        Assert.False(h.Engine.IsScanning);
        Snapshot.Verify(h.Timeline);
        // 15 channels of 200 ms each, nothing answering; probes at entry and at 100 ms.
        var completion = Assert.Single(h.Completions);
        Assert.Equal(ScanStatus.Done, completion.Status);
        Assert.Equal(15, completion.ChannelsVisited);
        Assert.Equal(TimeSpan.FromMilliseconds(3000), completion.Duration);
        Assert.Single(h.DriverCalls, "scan_start");
        Assert.Single(h.DriverCalls, "scan_end");
        Assert.Equal("set_channel:1", h.DriverCalls.Last());
        Assert.Equal(1, h.World.Ic.CurrentChannel!.Ieee);
        Assert.All(h.Probes, p => Assert.Equal("", p.Ssid));
        Assert.Equal(30, h.Probes.Count);
        Assert.Equal((1L, 15L, 1L, 0L, 30L), (h.Engine.ScansStarted, h.Engine.ChannelsVisited, h.Engine.ScansCompleted, h.Engine.ScansCancelled, h.Engine.ProbeRequestsSent));
    }

    [Fact]
    public void Dwell_is_min_when_answered_early_the_answer_time_when_later_and_max_when_silent()
    {
        var h = new ScanHarness();
        var answers = new Dictionary<int, double> { [1] = 5, [6] = 50, [11] = 150 };
        h.OnProbe = (ch, _) =>
        {
            // Answer only the probe sent on arrival.
            if (answers.Remove(ch.Ieee, out double after)) h.RespondAfter(after);
        };
        h.Start(new ScanRequest { Channels = [C2(1), C2(6), C2(11), C5(36)] });
        h.RunUntilMs(2000);

        Snapshot.Verify(h.Timeline);
        var changes = h.Log.Where(l => l.Contains("set_channel", StringComparison.Ordinal)).ToList();
        // ch1 answered at 5 ms -> left at MinDwell (20 ms); ch6 answered at 50 ms -> left then (70 ms);
        // ch11 answered at 150 ms, after its second probe -> left at 220 ms; ch36 silent -> MaxDwell (420 ms).
        Assert.Equal(["0.0 set_channel:1", "20.0 set_channel:6", "70.0 set_channel:11", "220.0 set_channel:36", "420.0 set_channel:1"],
            changes.Select(l => l.Trim().Replace("  ", " ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Passive_dfs_and_no_ir_channels_get_no_probes_and_a_full_max_dwell()
    {
        // FCC marks 52 DFS; 40 and 44 are flagged passive and no-IR by hand.
        var channels = new[] { C2(1), C2(6), C5(36), C5(40, ChannelFlags.Passive), C5(44, ChannelFlags.NoIr), C5(52) };
        var h = new ScanHarness(channels);
        Assert.True(h.World.Ic.FindChannelByIeee(52)!.IsDfs);
        // Beacons heard on passive channels do not cut the dwell short.
        h.OnProbe = (_, _) => { };
        h.Start();
        h.RespondAfter(610);   // during channel 40 (600..800)
        h.RunUntilMs(3000);

        Snapshot.Verify(h.Timeline);
        Assert.Equal([1, 1, 6, 6, 36, 36], h.Probes.Select(p => p.Channel));
        Assert.Equal(TimeSpan.FromMilliseconds(1200), h.Completions.Single().Duration);
    }

    [Fact]
    public void Passive_request_sends_no_probes_anywhere()
    {
        var h = new ScanHarness();
        h.Start(new ScanRequest { Active = false, Channels = [C2(1), C2(6)] });
        h.RespondAfter(30);
        h.RunUntilMs(1000);
        Assert.Empty(h.Probes);
        Assert.Equal(TimeSpan.FromMilliseconds(400), h.Completions.Single().Duration);
    }

    [Fact]
    public void One_directed_probe_per_ssid_on_entry_and_again_halfway()
    {
        var h = new ScanHarness();
        h.Start(new ScanRequest
        {
            Ssids = [BeaconSpec.Ascii("home"), BeaconSpec.Ascii("work")],
            Channels = [C2(3)],
            MinDwell = TimeSpan.FromMilliseconds(10),
            MaxDwell = TimeSpan.FromMilliseconds(60),
        });
        h.RunUntilMs(500);
        Assert.Equal([(0.0, 3, "home"), (0.0, 3, "work"), (30.0, 3, "home"), (30.0, 3, "work")], h.Probes);
        Assert.Equal(4, h.Engine.ProbeRequestsSent);
    }

    [Fact]
    public void Channel_list_takes_the_g_variant_on_2ghz_and_legacy_on_5ghz_once_per_frequency()
    {
        var b1 = new Ieee80211Channel(2412, 1, ChannelFlags.B);
        var g1 = new Ieee80211Channel(2412, 1, ChannelFlags.G);
        var ht1 = new Ieee80211Channel(2412, 1, ChannelFlags.G | ChannelFlags.Ht20);
        var b6 = new Ieee80211Channel(2437, 6, ChannelFlags.B);
        var a36 = new Ieee80211Channel(5180, 36, ChannelFlags.A);
        var ht36 = new Ieee80211Channel(5180, 36, ChannelFlags.A | ChannelFlags.Ht20);
        var h = new ScanHarness([b1, g1, ht1, b6, ht36, a36]);
        h.Start();
        var chosen = h.Engine.Channels.Select(c => (c.Ieee, c.ModeFlags)).ToList();
        Assert.Equal([(1, ChannelFlags.G), (6, ChannelFlags.B), (36, ChannelFlags.A)], chosen);

        // An explicit channel that is not the radio's own object maps to the radio's preferred variant.
        var h2 = new ScanHarness([b1, g1]);
        h2.Start(new ScanRequest { Channels = [new Ieee80211Channel(2412, 1, ChannelFlags.B), b1] });
        Assert.Equal(ChannelFlags.G, Assert.Single(h2.Engine.Channels).ModeFlags);
    }

    [Fact]
    public void Cancel_mid_scan_ends_the_driver_scan_reports_cancelled_and_returns_to_the_start_channel()
    {
        var h = new ScanHarness();
        h.Start();
        h.RunUntilMs(450);
        h.OnQueue(h.Engine.Cancel);
        h.RunUntilMs(3000);

        Snapshot.Verify(h.Timeline);
        var c = Assert.Single(h.Completions);
        Assert.Equal((ScanStatus.Cancelled, 3), (c.Status, c.ChannelsVisited));
        Assert.False(h.Engine.IsScanning);
        Assert.Equal(1, h.World.Ic.CurrentChannel!.Ieee);
        Assert.Equal(1, h.Engine.ScansCancelled);
        h.OnQueue(h.Engine.Cancel);   // idle: nothing happens
        Assert.Single(h.Completions);
    }

    [Fact]
    public void Cancel_before_the_deferred_start_never_tells_the_driver()
    {
        var h = new ScanHarness();
        h.OnQueue(() =>
        {
            Assert.True(h.Engine.TryStart(new ScanRequest(), h, out _));
            h.Engine.Cancel();
        });
        h.RunUntilMs(1000);
        Assert.Empty(h.DriverCalls);
        Assert.Equal((ScanStatus.Cancelled, 0), (h.Completions.Single().Status, h.Completions.Single().ChannelsVisited));
    }

    [Fact]
    public void Cancel_from_a_probe_callback_stops_cleanly()
    {
        var h = new ScanHarness();
        h.OnProbe = (ch, _) => { if (ch.Ieee == 2) h.Engine.Cancel(); };
        h.Start();
        h.RunUntilMs(2000);
        Assert.Equal(2, h.Completions.Single().ChannelsVisited);
        Assert.Equal(3, h.Probes.Count);   // ch1 twice, ch2 once
        Assert.Equal(1, h.World.Ic.CurrentChannel!.Ieee);
    }

    [Fact]
    public void A_second_client_is_refused_and_the_same_client_is_told_it_is_running()
    {
        var h = new ScanHarness();
        h.Start();
        var other = new ScanHarness();
        string? error = null;
        bool ok = true, again = false;
        h.OnQueue(() =>
        {
            ok = h.Engine.TryStart(new ScanRequest(), other, out error);
            again = h.Engine.TryStart(new ScanRequest { Active = false }, h, out _);
        });
        Assert.False(ok);
        Assert.Contains("already in progress", error, StringComparison.Ordinal);
        Assert.True(again);
        Assert.True(h.Engine.CurrentRequest!.Active);
        Assert.Equal(1, h.Engine.ScansStarted);
    }

    [Fact]
    public void Bad_requests_are_refused_with_a_reason()
    {
        var h = new ScanHarness([C2(1), C2(6)]);
        string? Err(ScanRequest r) { Assert.False(h.Start(r, out string? e)); return e; }
        Assert.Contains("dwell", Err(new ScanRequest { MinDwell = TimeSpan.FromMilliseconds(300) }), StringComparison.Ordinal);
        Assert.Contains("dwell", Err(new ScanRequest { MaxDwell = TimeSpan.Zero, MinDwell = TimeSpan.Zero }), StringComparison.Ordinal);
        Assert.Contains("SSID", Err(new ScanRequest { Ssids = [new byte[33]] }), StringComparison.Ordinal);
        Assert.Contains("not available", Err(new ScanRequest { Channels = [C5(36)] }), StringComparison.Ordinal);
        Assert.Contains("no channels", Err(new ScanRequest { Channels = [] }), StringComparison.Ordinal);
        Assert.False(h.Engine.IsScanning);
        Assert.Empty(h.DriverCalls);
    }

    [Fact]
    public void Calls_off_the_radio_queue_are_programming_errors()
    {
        var h = new ScanHarness();
        Assert.Throws<InvalidOperationException>(() => h.Engine.TryStart(new ScanRequest(), h, out _));
        Assert.Throws<InvalidOperationException>(h.Engine.Cancel);
        Assert.Throws<InvalidOperationException>(h.Engine.NotifyResponse);
    }

    [Fact]
    public void A_client_that_keeps_the_channel_is_left_where_the_scan_ended()
    {
        var h = new ScanHarness([C2(1), C2(6), C2(11)]);
        h.OnCompleted = r => r.KeepChannel = true;
        h.Start();
        h.RunUntilMs(1000);
        Assert.Equal(11, h.World.Ic.CurrentChannel!.Ieee);
        Assert.Equal(["scan_start", "set_channel:1", "set_channel:6", "set_channel:11", "scan_end"], h.DriverCalls);
    }

    [Fact]
    public void A_client_that_tunes_elsewhere_in_the_callback_is_not_overridden()
    {
        var h = new ScanHarness([C2(1), C2(6), C2(11)]);
        h.OnCompleted = _ => h.World.Ic.SetCurrentChannel(h.World.Ic.FindChannelByIeee(6)!);
        h.Start();
        h.RunUntilMs(1000);
        Assert.Equal(6, h.World.Ic.CurrentChannel!.Ieee);
        Assert.Equal(["scan_start", "set_channel:1", "set_channel:6", "set_channel:11", "scan_end", "set_channel:6"], h.DriverCalls);
    }

    [Fact]
    public void A_scan_restarted_from_the_callback_returns_to_where_the_first_one_started()
    {
        var h = new ScanHarness([C2(1), C2(6), C2(11)]);
        h.OnQueue(() => h.World.Ic.SetCurrentChannel(h.World.Ic.FindChannelByIeee(6)!));
        int restarts = 0;
        h.OnCompleted = r =>
        {
            if (restarts++ == 0) Assert.True(h.Engine.TryStart(new ScanRequest { Channels = [C2(11)] }, h, out _));
        };
        h.Start(new ScanRequest { Channels = [C2(1)] });
        h.RunUntilMs(1000);
        Assert.Equal(2, h.Completions.Count);
        Assert.Equal(6, h.Completions[1].ChannelBeforeScan!.Ieee);
        Assert.Equal(["set_channel:6", "scan_start", "set_channel:1", "scan_end", "scan_start", "set_channel:11", "scan_end", "set_channel:6"],
            h.DriverCalls);
    }

    [Fact]
    public void A_repeating_scan_sweeps_until_the_client_keeps_a_result()
    {
        var h = new ScanHarness([C2(1), C2(6)]);
        h.OnCompleted = r =>
        {
            Assert.True(r.WillRepeat);
            Assert.True(h.Engine.IsScanning);
            if (r.Sweep == 3) r.KeepChannel = true;
        };
        h.Start(new ScanRequest { Once = false });
        h.RunUntilMs(5000);
        Assert.Equal([1, 2, 3], h.Completions.Select(c => c.Sweep));
        Assert.Equal(TimeSpan.FromMilliseconds(1200), h.Completions[2].Duration);
        Assert.Equal(3, h.DriverCalls.Count(c => c == "scan_start"));
        Assert.Equal(3, h.DriverCalls.Count(c => c == "scan_end"));
        Assert.False(h.Engine.IsScanning);
        Assert.Equal(1, h.Engine.ScansCompleted);
        Assert.Equal(6, h.World.Ic.CurrentChannel!.Ieee);
    }

    [Fact]
    public void A_repeating_scan_stops_when_cancelled_from_its_callback()
    {
        var h = new ScanHarness([C2(1), C2(6)]);
        h.OnCompleted = r => { if (r.Sweep == 2) h.Engine.Cancel(); };
        h.Start(new ScanRequest { Once = false });
        h.RunUntilMs(5000);
        Assert.Equal(2, h.Completions.Count);
        Assert.False(h.Engine.IsScanning);
        Assert.Equal(1, h.Engine.ScansCancelled);
        Assert.Equal(1, h.World.Ic.CurrentChannel!.Ieee);
    }

    [Fact]
    public void Frames_added_through_the_engine_reach_the_cache_and_end_the_dwell()
    {
        var h = new ScanHarness([C2(1), C2(6)]);
        var beacon = new BeaconSpec { DsChannel = 1, ProbeResponse = true }.Build();
        h.OnProbe = (ch, ssid) =>
        {
            if (ch.Ieee == 1 && h.Probes.Count == 1)
                h.World.Scheduler.ScheduleAfter(TimeSpan.FromMilliseconds(3), state => h.World.Ic.Queue.Enqueue(() =>
                    Assert.True(h.Engine.TryAddResult(beacon, -50, -95, out _, out _))), null);
        };
        h.Start();
        h.RunUntilMs(1000);
        Assert.Equal(1, h.Engine.Cache.Count);
        Assert.Equal(1, h.Engine.Cache.Entries[0].Channel.Ieee);
        Assert.Equal(TimeSpan.FromMilliseconds(220), h.Completions.Single().Duration);
        Assert.Equal(1, h.Engine.ResponsesNoticed);
    }

    [Fact]
    public void A_channel_list_rebuilt_mid_scan_is_followed_by_frequency_and_vanished_channels_are_skipped()
    {
        var h = new ScanHarness([C2(1), C2(6), C5(36), C5(40)]);
        h.Start();
        h.RunUntilMs(250);
        // A 2.4 GHz-only domain: every channel object is new, and 36/40 are gone.
        h.OnQueue(() => Assert.True(h.World.Ic.TrySetRegDomain(new RegDomain("TEST", 0x7f, [new RegRule(2412, 2462, 20)]), "XX", RegLocation.Any, out _)));
        h.RunUntilMs(2000);
        var c = Assert.Single(h.Completions);
        Assert.Equal((ScanStatus.Done, 2), (c.Status, c.ChannelsVisited));
        Assert.Equal(TimeSpan.FromMilliseconds(400), c.Duration);
        Assert.Same(h.World.Ic.FindChannelByIeee(1), h.World.Ic.CurrentChannel);
    }
}
