using System.Threading;
using System.Threading.Channels;

namespace Net80211.Scheduling;

/// <summary>
/// A radio's serial work queue inside a simulation. Work goes into a channel; the scheduler drains it as
/// one event at the current virtual time, so work posted by the air, a callout or another radio interleaves
/// deterministically with everything else.
/// </summary>
internal sealed class SimulationWorkQueue : IWorkQueue
{
    private readonly SimulationScheduler _scheduler;
    private readonly Channel<WorkItem> _items = Channel.CreateUnbounded<WorkItem>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private int _drainScheduled;
    private bool _running;

    private static readonly Action<object?> DrainAction = static s => ((SimulationWorkQueue)s!).Drain();

    public SimulationWorkQueue(SimulationScheduler scheduler, string name)
    {
        _scheduler = scheduler;
        Name = name;
    }

    public string Name { get; }
    public TimeProvider Time => _scheduler.Time;
    public bool IsCurrent => _running && _scheduler.OnLoopThread;

    public void Enqueue(Action<object?> work, object? state)
    {
        ArgumentNullException.ThrowIfNull(work);
        _items.Writer.TryWrite(new WorkItem(work, state));
        if (Interlocked.Exchange(ref _drainScheduled, 1) == 0)
            _scheduler.Schedule(_scheduler.NowTicks, DrainAction, this);
    }

    private void Drain()
    {
        // A full fence, not just a release: the reads of the channel below must not move before the reset,
        // or an item written by another thread in between could see "drain scheduled" and never run.
        Interlocked.Exchange(ref _drainScheduled, 0);
        _running = true;
        try
        {
            // Work that enqueues more work runs it in the same pass, as taskqueue_run does.
            while (_items.Reader.TryRead(out var item)) item.Work(item.State);
        }
        finally { _running = false; }
    }

    public override string ToString() => Name;
}

internal readonly record struct WorkItem(Action<object?> Work, object? State);
