using Net80211.Wlan.Management.Host;

namespace Wlan.Tests.Management;

public class WlanHostTests
{
    /// <summary>The `ifconfig wlan0 scan` timeout seen against the daemon on a busy machine: the condition was
    /// evaluated (false) early, its answer reached the waiter late, and the clock read then was past the
    /// deadline. Here the first evaluation keeps the thread pool busy for a moment, so the answer reaches the
    /// waiter after far more virtual time than the limit; the next evaluation is true and must be seen.</summary>
    [Fact]
    public async Task Real_time_wait_judges_the_deadline_by_the_instant_the_condition_was_evaluated()
    {
        using var host = new WlanHost();
        host.StartRealTime(speed: 1000);
        int calls = 0;
        bool held = await host.WaitUntilAsync(host.Radios[0].Ic.Queue, () =>
        {
            if (calls++ > 0) return true;
            for (int i = 0; i < 2 * Environment.ProcessorCount + 2; i++)
                ThreadPool.UnsafeQueueUserWorkItem(static _ => Thread.Sleep(100), null);
            return false;
        }, TimeSpan.FromSeconds(10));
        Assert.True(held);
        Assert.Equal(2, calls);
    }
}
