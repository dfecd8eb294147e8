using Net80211.Scheduling;

namespace Net80211.Tests.Scheduling;

public class SimulationSchedulerTests
{
    [Fact]
    public void Events_run_in_time_then_sequence_order_and_time_jumps()
    {
        var s = new SimulationScheduler();
        var log = new List<string>();
        s.Schedule(TimeSpan.FromSeconds(2).Ticks, _ => log.Add($"b@{s.Now.TotalSeconds}"), null);
        s.Schedule(TimeSpan.FromSeconds(1).Ticks, _ => log.Add($"a@{s.Now.TotalSeconds}"), null);
        s.Schedule(TimeSpan.FromSeconds(2).Ticks, _ => log.Add($"c@{s.Now.TotalSeconds}"), null);
        s.RunUntil(TimeSpan.FromSeconds(10));
        Assert.Equal(["a@1", "b@2", "c@2"], log);
        Assert.Equal(TimeSpan.FromSeconds(10), s.Now);
    }

    [Fact]
    public void Virtual_timers_fire_change_and_dispose()
    {
        var s = new SimulationScheduler();
        int fired = 0;
        var t = s.Time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        s.RunUntil(TimeSpan.FromSeconds(3.5));
        Assert.Equal(3, fired);
        t.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        s.RunUntil(TimeSpan.FromSeconds(13));
        Assert.Equal(3, fired);
        s.RunUntil(TimeSpan.FromSeconds(14));
        Assert.Equal(4, fired);
        t.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        t.Dispose();
        s.RunUntil(TimeSpan.FromSeconds(20));
        Assert.Equal(4, fired);
    }

    [Fact]
    public void Work_queue_runs_serially_in_order_and_nested_work_runs_in_same_pass()
    {
        var s = new SimulationScheduler();
        var q = s.CreateWorkQueue("q");
        var log = new List<int>();
        bool sawCurrent = false;
        q.Enqueue(() => { log.Add(1); sawCurrent = q.IsCurrent; q.Enqueue(() => log.Add(3)); });
        q.Enqueue(() => log.Add(2));
        Assert.Empty(log);
        Assert.False(q.IsCurrent);
        s.RunFor(TimeSpan.Zero);
        Assert.Equal([1, 2, 3], log);
        Assert.True(sawCurrent);
    }

    [Fact]
    public void Deterministic_random_repeats_per_seed_and_stream()
    {
        var a = DeterministicRandom.ForStream(7, "air");
        var b = DeterministicRandom.ForStream(7, "air");
        var c = DeterministicRandom.ForStream(7, "other");
        var xs = Enumerable.Range(0, 8).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(xs, Enumerable.Range(0, 8).Select(_ => b.NextUInt64()).ToArray());
        Assert.NotEqual(xs, Enumerable.Range(0, 8).Select(_ => c.NextUInt64()).ToArray());
        var r = new DeterministicRandom(1);
        for (int i = 0; i < 1000; i++)
        {
            int v = r.Next(16);
            Assert.InRange(v, 0, 15);
            double d = r.NextDouble();
            Assert.InRange(d, 0.0, 1.0);
        }
    }

    [Fact]
    public void RunUntil_condition_stops_when_true_or_at_limit()
    {
        var s = new SimulationScheduler();
        int n = 0;
        var t = s.Time.CreateTimer(_ => n++, null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        Assert.True(s.RunUntil(() => n == 5, TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromMilliseconds(500), s.Now);
        Assert.False(s.RunUntil(() => n == 1000, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), s.Now);
        t.Dispose();
    }

    [Fact]
    public async Task Real_time_mode_runs_posted_work_from_other_threads()
    {
        var s = new SimulationScheduler();
        var q = s.CreateWorkQueue("rt");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = new ManualResetEventSlim();
        var loop = Task.Run(() => s.RunRealTime(cts.Token, speed: 1000));
        await Task.Run(() => q.Enqueue(() => { done.Set(); cts.Cancel(); }));
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(done.IsSet);
    }
}
