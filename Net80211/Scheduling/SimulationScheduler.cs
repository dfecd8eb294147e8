using System.Diagnostics;
using System.Threading;

namespace Net80211.Scheduling;

/// <summary>
/// The deterministic event loop of a simulated world. Every radio's work queue, the air and every callout
/// run here, one event at a time, ordered by (virtual time, sequence number). Time advances only by jumping
/// to the next event, so idle gaps cost nothing and the same scenario with the same seed gives the same
/// trace on every run.
/// </summary>
/// <remarks>
/// <see cref="Schedule"/> is thread-safe so that, in real-time mode (<see cref="RunRealTime"/>), other
/// threads (a control socket, a console) can post work; in a pure simulation everything runs on the
/// thread that calls a Run method.
/// </remarks>
public sealed class SimulationScheduler
{
    private readonly PriorityQueue<Event, (long Time, long Seq)> _events = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _wakeup = new(0);
    private long _now;
    private long _seq;
    private long _eventsRun;
    private int _loopThread = -1;

    public SimulationScheduler(ulong seed = 1)
    {
        Seed = seed;
        Time = new VirtualTimeProvider(this);
    }

    public ulong Seed { get; }

    /// <summary>The virtual clock. Timestamps are <see cref="TimeSpan"/> ticks (100 ns) since the start.</summary>
    public VirtualTimeProvider Time { get; }

    public long NowTicks => Volatile.Read(ref _now);
    public TimeSpan Now => TimeSpan.FromTicks(NowTicks);
    public long EventsRun => _eventsRun;

    public int PendingEvents
    {
        get { lock (_lock) return _events.Count; }
    }

    /// <summary>A random stream for one component, derived from the world's seed and the stream's name.</summary>
    public DeterministicRandom CreateRandom(string stream) => DeterministicRandom.ForStream(Seed, stream);

    /// <summary>A serial work queue (a radio's ic_tq) run by this scheduler.</summary>
    public IWorkQueue CreateWorkQueue(string name) => new SimulationWorkQueue(this, name);

    /// <summary>Runs <paramref name="callback"/> at virtual time <paramref name="atTicks"/> (clamped to now).</summary>
    public void Schedule(long atTicks, Action<object?> callback, object? state)
        => Push(new Event(callback, state, null, 0), atTicks);

    public void ScheduleAfter(TimeSpan delay, Action<object?> callback, object? state)
        => Schedule(NowTicks + Math.Max(0, delay.Ticks), callback, state);

    internal void ScheduleTimer(VirtualTimer timer, long generation, long atTicks)
        => Push(new Event(null, null, timer, generation), atTicks);

    private void Push(in Event e, long atTicks)
    {
        lock (_lock)
        {
            _events.Enqueue(e, (Math.Max(atTicks, _now), _seq++));
        }
        if (_loopThread != -1 && Environment.CurrentManagedThreadId != _loopThread) _wakeup.Release();
    }

    /// <summary>Runs the next event, advancing time to it. False when nothing is scheduled.</summary>
    public bool RunOne() => RunNext(long.MaxValue);

    private bool RunNext(long limitTicks)
    {
        Event e;
        lock (_lock)
        {
            if (!_events.TryPeek(out e, out var key) || key.Time > limitTicks) return false;
            _events.Dequeue();
            _now = key.Time;
        }
        _eventsRun++;
        if (e.Timer is not null) e.Timer.Fire(e.Generation);
        else e.Callback!(e.State);
        return true;
    }

    /// <summary>Runs every event due at or before <paramref name="until"/>, then sets the clock to it.</summary>
    public void RunUntil(TimeSpan until)
    {
        long limit = until.Ticks;
        EnterLoop();
        try
        {
            while (RunNext(limit)) { }
            lock (_lock) { if (_now < limit) _now = limit; }
        }
        finally { ExitLoop(); }
    }

    public void RunFor(TimeSpan duration) => RunUntil(Now + duration);

    /// <summary>Runs until no event is left or <paramref name="limit"/> of virtual time has passed.
    /// Returns true when the world went idle.</summary>
    public bool RunUntilIdle(TimeSpan limit)
    {
        long end = NowTicks + limit.Ticks;
        EnterLoop();
        try
        {
            while (RunNext(end)) { }
            return PendingEvents == 0;
        }
        finally { ExitLoop(); }
    }

    /// <summary>Runs until <paramref name="condition"/> holds (checked after each event) or the time limit.</summary>
    public bool RunUntil(Func<bool> condition, TimeSpan limit)
    {
        long end = NowTicks + limit.Ticks;
        EnterLoop();
        try
        {
            while (!condition())
            {
                if (!RunNext(end)) { lock (_lock) { if (_now < end) _now = end; } return condition(); }
            }
            return true;
        }
        finally { ExitLoop(); }
    }

    /// <summary>
    /// Real-time mode: runs events as the wall clock reaches their virtual time (scaled by
    /// <paramref name="speed"/>), until cancelled. Work posted from other threads wakes the loop.
    /// </summary>
    public void RunRealTime(CancellationToken cancellation, double speed = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        EnterLoop();
        try
        {
            long virtStart = NowTicks;
            long wallStart = Stopwatch.GetTimestamp();
            while (!cancellation.IsCancellationRequested)
            {
                long wallElapsed = (long)(Stopwatch.GetElapsedTime(wallStart).Ticks * speed);
                long target = virtStart + wallElapsed;
                while (RunNext(target)) { if (cancellation.IsCancellationRequested) return; }
                lock (_lock) { if (_now < target) _now = target; }
                long wait;
                lock (_lock)
                {
                    wait = _events.TryPeek(out _, out var key) ? (long)((key.Time - target) / speed) : TimeSpan.TicksPerSecond;
                }
                wait = Math.Clamp(wait, 0, TimeSpan.TicksPerSecond);
                if (wait > TimeSpan.TicksPerMillisecond)
                {
                    try { _wakeup.Wait(TimeSpan.FromTicks(wait), cancellation); }
                    catch (OperationCanceledException) { return; }
                }
            }
        }
        finally { ExitLoop(); }
    }

    private void EnterLoop()
    {
        if (Interlocked.CompareExchange(ref _loopThread, Environment.CurrentManagedThreadId, -1) != -1)
            throw new InvalidOperationException("the scheduler is already running on another thread");
    }

    private void ExitLoop() => Volatile.Write(ref _loopThread, -1);

    internal bool OnLoopThread => Volatile.Read(ref _loopThread) == Environment.CurrentManagedThreadId;

    private readonly record struct Event(Action<object?>? Callback, object? State, VirtualTimer? Timer, long Generation);
}
