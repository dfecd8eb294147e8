using Net80211.Packets;
using Net80211.Radio;
using Net80211.Scheduling;
using Net80211.StateMachine;
using Net80211.Testing;

namespace Net80211.Tests.Scheduling;

public class CalloutTests
{
    [Fact]
    public void Reset_rearms_and_stop_cancels()
    {
        var s = new SimulationScheduler();
        var q = s.CreateWorkQueue("q");
        var c = new Callout(q);
        var fired = new List<double>();
        q.Enqueue(() => c.Reset(TimeSpan.FromSeconds(1), _ => fired.Add(s.Now.TotalSeconds)));
        s.RunUntil(TimeSpan.FromSeconds(0.5));
        Assert.True(c.Pending);
        q.Enqueue(() => c.Reset(TimeSpan.FromSeconds(1), _ => fired.Add(s.Now.TotalSeconds)));
        s.RunUntil(TimeSpan.FromSeconds(1.2));
        Assert.Empty(fired);  // the first deadline (1.0 s) was replaced by 1.5 s
        s.RunUntil(TimeSpan.FromSeconds(2));
        Assert.Equal([1.5], fired);
        Assert.False(c.Pending);

        q.Enqueue(() => c.Reset(TimeSpan.FromSeconds(1), _ => fired.Add(s.Now.TotalSeconds)));
        s.RunUntil(TimeSpan.FromSeconds(2.5));
        q.Enqueue(() => Assert.True(c.Stop()));
        s.RunUntil(TimeSpan.FromSeconds(5));
        Assert.Single(fired);
    }

    [Fact]
    public void A_firing_that_raced_with_stop_or_reset_is_discarded()
    {
        var s = new SimulationScheduler();
        var q = s.CreateWorkQueue("q");
        var c = new Callout(q);
        var fired = new List<double>();
        // This event is scheduled before the callout is armed, so at t = 1 s it runs first and queues work
        // that runs on the radio queue after the timer has fired but before the callout's function would.
        s.Schedule(TimeSpan.FromSeconds(1).Ticks, _ => q.Enqueue(() => c.Stop()), null);
        q.Enqueue(() => c.Reset(TimeSpan.FromSeconds(1), _ => fired.Add(s.Now.TotalSeconds)));
        s.RunUntil(TimeSpan.FromSeconds(3));
        Assert.Empty(fired);

        // Same race with a re-arm: the stale firing is dropped and the new deadline holds.
        s.Schedule(TimeSpan.FromSeconds(4).Ticks, _ => q.Enqueue(() => c.Reset(TimeSpan.FromSeconds(2), _ => fired.Add(s.Now.TotalSeconds))), null);
        q.Enqueue(() => c.Reset(TimeSpan.FromSeconds(1), _ => fired.Add(-1)));
        s.RunUntil(TimeSpan.FromSeconds(10));
        Assert.Equal([6.0], fired);
    }

    /// <summary>The NetBSD conversion guide's watchdog: a 1 s callout counts a TX timer down and, when a
    /// frame has been stuck for 5 s, calls ieee80211_restart_all.</summary>
    [Fact]
    public void Watchdog_restarts_the_radio_when_tx_is_stuck()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.HostAp).Vap!;
        world.OnQueue(vap.Up);
        Assert.Equal(Ieee80211State.Run, vap.State);
        Assert.Equal([1], world.Driver.ParentCalls);

        // A frame goes to the "hardware", which never completes it.
        world.OnQueue(() =>
        {
            var node = world.Ic.Nodes.Add(vap, MacAddress.Parse("02:00:00:00:00:99"));
            world.Ic.RawTransmit(node, world.Pool.Rent(new byte[24]));
        });
        world.Scheduler.RunUntil(TimeSpan.FromSeconds(4.5));
        Assert.Equal(0, world.Driver.DeviceTimeouts);
        world.Scheduler.RunUntil(TimeSpan.FromSeconds(5.5));

        Assert.Equal(1, world.Driver.DeviceTimeouts);
        Assert.Equal([1, 0, 1], world.Driver.ParentCalls);   // powered down and up again
        Assert.Equal(Ieee80211State.Run, vap.State);          // and the VAP came back
        Assert.Equal(1, world.Ic.OErrors);
        Assert.Equal(world.Ic.TxSubmitted, world.Ic.TxCompleted);
        Assert.Equal(0, world.Pool.Outstanding);
        Assert.Contains("restart: device timeout", world.Transcript.ToString(), StringComparison.Ordinal);
    }
}
