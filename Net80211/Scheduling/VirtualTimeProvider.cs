using System.Threading;

namespace Net80211.Scheduling;

/// <summary>
/// The clock of a simulated world: a <see cref="TimeProvider"/> whose time is the scheduler's virtual time
/// and whose timers are scheduler events, so everything written against <see cref="TimeProvider"/> runs
/// unchanged in virtual time.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    /// <summary>Wall-clock date of virtual time zero, fixed so that transcripts and captures are stable.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SimulationScheduler _scheduler;

    internal VirtualTimeProvider(SimulationScheduler scheduler) => _scheduler = scheduler;

    public override DateTimeOffset GetUtcNow() => Epoch + _scheduler.Now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    public override long GetTimestamp() => _scheduler.NowTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(_scheduler, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }
}

internal sealed class VirtualTimer : ITimer
{
    private readonly SimulationScheduler _scheduler;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private long _generation;
    private long _periodTicks;
    private bool _disposed;

    public VirtualTimer(SimulationScheduler scheduler, TimerCallback callback, object? state)
    {
        _scheduler = scheduler;
        _callback = callback;
        _state = state;
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed) return false;
        long gen = Interlocked.Increment(ref _generation);
        _periodTicks = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
        if (dueTime != Timeout.InfiniteTimeSpan)
            _scheduler.ScheduleTimer(this, gen, _scheduler.NowTicks + Math.Max(0, dueTime.Ticks));
        return true;
    }

    internal void Fire(long generation)
    {
        // A Change or Dispose since this event was scheduled made it stale.
        if (_disposed || generation != Volatile.Read(ref _generation)) return;
        if (_periodTicks > 0) _scheduler.ScheduleTimer(this, generation, _scheduler.NowTicks + _periodTicks);
        _callback(_state);
    }

    public void Dispose()
    {
        _disposed = true;
        Interlocked.Increment(ref _generation);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
