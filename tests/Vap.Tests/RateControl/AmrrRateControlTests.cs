using Microsoft.Extensions.DependencyInjection;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.Rates;
using Net80211.Vap.RateControl;

namespace Vap.Tests.RateControl;

public class AmrrRateControlTests
{
    private static readonly (bool, int) Perfect = (true, 0);
    private static readonly (bool, int) Lost = (false, TxParametersMaxRetry);
    private const int TxParametersMaxRetry = 6;

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Starts_at_the_highest_rate_not_above_36_mbps()
    {
        var w = new RateControlWorld(new AmrrRateControlModule());
        Assert.Equal(72, w.Node.TxRate);
        Assert.Equal(72, w.RateControl.Rate(w.Node, 1500));
        var state = AmrrRateControl.GetState(w.Node)!;
        Assert.Equal(9, state.RateIndex);     // 1 2 5.5 6 9 11 12 18 24 [36] 48 54
        Assert.Equal(1, state.SuccessThreshold);

        var b = new RateControlWorld(new AmrrRateControlModule(), RateCodes.Default11b);
        Assert.Equal(22, b.Node.TxRate);      // all of 11b is below the ceiling: start at 11 Mb/s
        var slow = new RateControlWorld(new AmrrRateControlModule(), RateSet.From([96, 108]));
        Assert.Equal(96, slow.Node.TxRate);   // nothing at or below 36: the lowest
    }

    [Fact]
    public void Climbs_to_the_top_on_a_perfect_link()
    {
        var w = new RateControlWorld(new AmrrRateControlModule());
        var climb = new List<byte>();
        for (int i = 0; i < 6; i++)
        {
            climb.Add(w.Send(20, _ => Perfect)[^1]);
            w.Advance(Ms(501));
        }
        climb.Add(w.RateControl.Rate(w.Node, 1500));
        // One interval per step with threshold 1: 36 → 48 → 54 and it stays there.
        Assert.Equal(new byte[] { 72, 96, 108, 108, 108, 108, 108 }, climb);
        Assert.Equal(108, w.Node.TxRate);
    }

    [Fact]
    public void Falls_to_the_bottom_on_a_dead_link()
    {
        var w = new RateControlWorld(new AmrrRateControlModule());
        byte last = 0;
        for (int i = 0; i < 12; i++)
        {
            last = w.Send(20, _ => Lost)[^1];
            w.Advance(Ms(501));
        }
        Assert.Equal(2, w.RateControl.Rate(w.Node, 1500));
        Assert.Equal(2, w.Node.TxRate);
        Assert.Equal(0, AmrrRateControl.GetState(w.Node)!.RateIndex);
        Assert.True(last <= 4);
    }

    [Fact]
    public void No_decision_without_enough_frames_or_before_the_interval()
    {
        var w = new RateControlWorld(new AmrrRateControlModule());
        w.Send(10, _ => Lost);                  // is_enough needs more than 10
        w.Advance(Ms(600));
        Assert.Equal(72, w.RateControl.Rate(w.Node, 1500));
        w.Send(50, _ => Lost);                  // the interval has long passed; now there are enough frames too
        Assert.Equal(48, w.RateControl.Rate(w.Node, 1500));
        w.Send(50, _ => Lost);
        w.Advance(Ms(499));
        Assert.Equal(48, w.RateControl.Rate(w.Node, 1500));   // not yet
        w.Advance(Ms(2));
        Assert.Equal(36, w.RateControl.Rate(w.Node, 1500));
    }

    [Fact]
    public void A_middling_retry_ratio_holds_the_rate()
    {
        var w = new RateControlWorld(new AmrrRateControlModule());
        int n = 0;
        // 20% of frames need one retry: neither success (<10%) nor failure (>33%).
        for (int i = 0; i < 5; i++)
        {
            w.Send(20, _ => (true, n++ % 5 == 0 ? 1 : 0));
            w.Advance(Ms(501));
        }
        Assert.Equal(72, w.RateControl.Rate(w.Node, 1500));
        Assert.Equal(0, AmrrRateControl.GetState(w.Node)!.Increases + AmrrRateControl.GetState(w.Node)!.Decreases);
    }

    [Fact]
    public void Failed_probes_double_the_success_threshold_up_to_the_maximum()
    {
        var w = new RateControlWorld(new AmrrRateControlModule(), RateSet.From([12, 24, 48]));
        var state = AmrrRateControl.GetState(w.Node)!;
        Assert.Equal(48, w.Node.TxRate);
        (bool, int) Link(byte rate) => rate <= 24 ? Perfect : Lost;

        var thresholds = new List<int>();
        for (int i = 0; i < 80; i++)
        {
            w.Send(20, Link);
            w.Advance(Ms(501));
            w.RateControl.Rate(w.Node, 1500);
            if (thresholds.Count == 0 || thresholds[^1] != state.SuccessThreshold) thresholds.Add(state.SuccessThreshold);
        }
        // Initial fall from 24 Mb/s is not a failed probe: threshold stays at the minimum; then every failed probe doubles it.
        Assert.Equal(new[] { 1, 2, 4, 8, 15 }, thresholds);

        // A failure that is not right after an upgrade resets the threshold to the minimum.
        Assert.Equal(24, w.RateControl.Rate(w.Node, 1500));
        w.Send(20, _ => Lost);
        w.Advance(Ms(501));
        Assert.Equal(12, w.RateControl.Rate(w.Node, 1500));
        Assert.Equal(1, state.SuccessThreshold);
    }

    [Fact]
    public void Settles_at_the_best_rate_the_link_carries()
    {
        // Synthetic link: up to 24 Mb/s every frame gets through first time; from 36 Mb/s up nothing does.
        var w = new RateControlWorld(new AmrrRateControlModule());
        var histogram = new Dictionary<byte, int>();
        for (int ms = 0; ms < 60_000; ms += 10)
        {
            foreach (byte r in w.Send(5, rate => rate <= 48 ? Perfect : Lost))
                histogram[r] = histogram.GetValueOrDefault(r) + 1;
            w.Advance(Ms(10));
        }
        byte mostUsed = histogram.MaxBy(kv => kv.Value).Key;
        Assert.Equal(48, mostUsed);
        Assert.True(histogram[48] > 0.9 * histogram.Values.Sum(), string.Join(", ", histogram.Select(kv => $"{kv.Key}:{kv.Value}")));
        Assert.DoesNotContain(histogram.Keys, r => r > 72);
        Assert.Equal(15, AmrrRateControl.GetState(w.Node)!.SuccessThreshold);
    }

    [Fact]
    public void Tunables_follow_freebsd()
    {
        var w = new RateControlWorld(new AmrrRateControlModule());
        var amrr = (AmrrRateControl)w.RateControl;
        Assert.Equal(500, amrr.IntervalMs);
        Assert.Equal(1, amrr.MinSuccessThreshold);
        Assert.Equal(15, amrr.MaxSuccessThreshold);
        amrr.IntervalMs = 20;
        Assert.Equal(100, amrr.IntervalMs);       // amrr_setinterval floors at 100 ms
        w.RateControl.SetInterval(TimeSpan.FromSeconds(1));
        Assert.Equal(1000, amrr.IntervalMs);

        // A longer interval delays the decision accordingly.
        w.RateControl.NodeInit(w.Node);
        w.Send(30, _ => Lost);
        w.Advance(Ms(900));
        Assert.Equal(72, w.RateControl.Rate(w.Node, 1500));
        w.Advance(Ms(101));
        Assert.Equal(48, w.RateControl.Rate(w.Node, 1500));
    }

    [Fact]
    public void Frame_count_can_trigger_decisions_without_time_passing()
    {
        var w = new RateControlWorld(new AmrrRateControlModule());
        ((AmrrRateControl)w.RateControl).FramesPerDecision = 20;
        var used = w.Send(61, _ => Perfect);
        Assert.Equal(72, used[19]);
        Assert.Equal(96, used[20]);     // the 21st frame sees 20 completions: decide
        Assert.Equal(108, used[40]);
        Assert.Equal(3, AmrrRateControl.GetState(w.Node)!.Decisions);
    }

    [Fact]
    public void Device_counters_replace_the_intervals()
    {
        var w = new RateControlWorld(new AmrrRateControlModule());
        AmrrRateControl.TxUpdate(w.Node, txCount: 100, ackedCount: 100, retryCount: 0);
        w.Advance(Ms(501));
        Assert.Equal(96, w.RateControl.Rate(w.Node, 1500));
    }

    [Fact]
    public void Driver_tx_completions_reach_amrr_through_the_vap()
    {
        var w = new RateControlWorld(new AmrrRateControlModule());
        for (int i = 0; i < 20; i++)
        {
            var frame = w.Radio.Pool.Rent(100);
            frame.Node = w.Node;
            frame.Meta.Rate = w.RateControl.Rate(w.Node, 100);
            frame.Meta.Retries = 6;
            w.Radio.Ic.ParentTransmit(frame);
        }
        w.Radio.Driver.CompleteAll(TxStatus.NoAck);
        w.Radio.Settle();
        Assert.Equal(20, AmrrRateControl.GetState(w.Node)!.TxCount);
        w.Advance(Ms(501));
        Assert.Equal(48, w.RateControl.Rate(w.Node, 1500));
        Assert.Equal(0, w.Radio.Pool.Outstanding);
    }

    [Fact]
    public void Modules_register_by_name()
    {
        var services = new ServiceCollection().AddNet80211().AddAmrr().AddFixedRateControl().AddNoneRateControl().AddAmrr();
        using var sp = services.BuildServiceProvider();
        var registry = sp.GetRequiredService<ModuleRegistry>();
        Assert.Equal(["amrr", "fixed", "none"], registry.RateControlNames.Order());
        Assert.True(registry.TryGetRateControl("AMRR", out var m));
        Assert.IsType<AmrrRateControlModule>(m);
        Assert.Equal(3, new ServiceCollection().AddRateControlModules().Count);
    }
}
