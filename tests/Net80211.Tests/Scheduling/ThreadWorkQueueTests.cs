using Net80211.Scheduling;

namespace Net80211.Tests.Scheduling;

/// <summary>Real-time mode: a radio queue on its own thread with the system clock. These tests wait for
/// things to happen (with generous limits); they never assert how long anything took.</summary>
public class ThreadWorkQueueTests
{
    [Fact]
    public async Task Work_from_many_threads_runs_serially_on_the_queue_thread()
    {
        using var q = new ThreadWorkQueue("rt0");
        int running = 0, overlaps = 0, done = 0;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posters = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 250; i++)
            {
                q.Enqueue(() =>
                {
                    if (Interlocked.Increment(ref running) != 1) overlaps++;
                    Assert.True(q.IsCurrent);
                    Interlocked.Decrement(ref running);
                    if (++done == 1000) allDone.SetResult();
                });
            }
        })).ToArray();
        await Task.WhenAll(posters);
        await allDone.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, overlaps);
        Assert.False(q.IsCurrent);
    }

    [Fact]
    public async Task Callout_fires_on_the_queue_with_the_system_clock()
    {
        using var q = new ThreadWorkQueue("rt1");
        var fired = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var c = new Callout(q);
        q.Enqueue(() => c.Reset(TimeSpan.FromMilliseconds(20), _ => fired.TrySetResult(q.IsCurrent)));
        Assert.True(await fired.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        c.Dispose();
    }
}
