using System.Threading;

namespace Net80211.Scheduling;

/// <summary>
/// A timer that runs its function on a radio's work queue, modelled on callout(9): <see cref="Reset"/> arms
/// or re-arms it, <see cref="Stop"/> disarms it, and a firing that raced with either is discarded, so the
/// function never runs for a deadline that was cancelled. The watchdog, beacon, scan dwell, inactivity and
/// handshake-retry timers are all callouts.
/// </summary>
public sealed class Callout : IDisposable
{
    private readonly IWorkQueue _queue;
    private readonly ITimer _timer;
    private Action<object?>? _func;
    private object? _arg;
    private long _generation;   // bumped by Reset/Stop; a firing carries the value it saw
    private long _firedGeneration = -1;
    private bool _armed;
    private bool _disposed;

    private static readonly Action<object?> RunOnQueue = static s => ((Callout)s!).RunIfCurrent();

    public Callout(IWorkQueue queue)
    {
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _timer = queue.Time.CreateTimer(static s => ((Callout)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>True while armed and not yet run (callout_pending).</summary>
    public bool Pending => _armed;

    /// <summary>When the armed callout is due, in the queue clock's timestamp ticks.</summary>
    public long DueTimestamp { get; private set; }

    /// <summary>Arms the callout to run <paramref name="func"/> after <paramref name="delay"/>, replacing any
    /// pending run (callout_reset).</summary>
    public void Reset(TimeSpan delay, Action<object?> func, object? arg = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(func);
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        _func = func;
        _arg = arg;
        _armed = true;
        Interlocked.Increment(ref _generation);
        var time = _queue.Time;
        DueTimestamp = time.GetTimestamp() + (long)(delay.Ticks * (time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Re-arms with the function and argument of the last <see cref="Reset"/>.</summary>
    public void Schedule(TimeSpan delay)
    {
        if (_func is null) throw new InvalidOperationException("callout was never set");
        Reset(delay, _func, _arg);
    }

    /// <summary>Disarms the callout (callout_stop). Returns true if it was pending.</summary>
    public bool Stop()
    {
        bool was = _armed;
        _armed = false;
        Interlocked.Increment(ref _generation);
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return was;
    }

    /// <summary>Stops the callout and waits for a running instance to finish (callout_drain). Callouts run on
    /// the work queue, so from the queue nothing can be running concurrently and this equals Stop.</summary>
    public bool Drain() => Stop();

    private void OnTimer()
    {
        Volatile.Write(ref _firedGeneration, Volatile.Read(ref _generation));
        _queue.Enqueue(RunOnQueue, this);
    }

    private void RunIfCurrent()
    {
        if (!_armed || Volatile.Read(ref _firedGeneration) != Volatile.Read(ref _generation)) return;
        _armed = false;
        _func!(_arg);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Stop();
        _timer.Dispose();
    }
}
