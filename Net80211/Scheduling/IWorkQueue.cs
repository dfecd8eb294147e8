namespace Net80211.Scheduling;

/// <summary>
/// A serial work queue: net80211's <c>ic_tq</c>. All mutable state of one radio is touched only from work
/// run on its queue, so the stack needs no locks. Enqueue may be called from any thread (a driver's
/// interrupt, a control request); work runs one item at a time, in order.
/// </summary>
/// <remarks>The callback/state pair lets hot paths post without allocating: pass a static lambda and the
/// object it works on.</remarks>
public interface IWorkQueue
{
    /// <summary>The clock work on this queue reads and schedules callouts on.</summary>
    TimeProvider Time { get; }

    void Enqueue(Action<object?> work, object? state);

    /// <summary>True while the calling code runs on this queue.</summary>
    bool IsCurrent { get; }
}

public static class WorkQueueExtensions
{
    private static readonly Action<object?> RunAction = static s => ((Action)s!)();

    /// <summary>Enqueues a closure. Convenient off the hot path; allocates the closure.</summary>
    public static void Enqueue(this IWorkQueue queue, Action work) => queue.Enqueue(RunAction, work);

    /// <summary>Current time of the queue's clock as a <see cref="TimeSpan"/> since the clock's epoch
    /// (zero for a simulation).</summary>
    public static TimeSpan Now(this IWorkQueue queue) => queue.Time.GetElapsedTime(0);
}
