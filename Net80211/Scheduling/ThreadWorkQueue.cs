using System.Threading;
using System.Threading.Channels;

namespace Net80211.Scheduling;

/// <summary>
/// A radio's serial work queue in real-time mode: a channel drained by one dedicated thread, with time from
/// the system clock (or any <see cref="TimeProvider"/>). Used by radios that are not part of a simulated world.
/// </summary>
public sealed class ThreadWorkQueue : IWorkQueue, IDisposable
{
    private readonly Channel<WorkItem> _items = Channel.CreateUnbounded<WorkItem>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _thread;
    [ThreadStatic] private static ThreadWorkQueue? t_current;

    public ThreadWorkQueue(string name, TimeProvider? time = null)
    {
        Name = name;
        Time = time ?? TimeProvider.System;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public string Name { get; }
    public TimeProvider Time { get; }
    public bool IsCurrent => t_current == this;

    /// <summary>Work that threw, so a faulting item does not take the queue down with it.</summary>
    public event Action<Exception>? UnhandledException;

    public void Enqueue(Action<object?> work, object? state)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_items.Writer.TryWrite(new WorkItem(work, state)))
            throw new InvalidOperationException($"work queue {Name} is shut down");
    }

    private void Run()
    {
        t_current = this;
        var reader = _items.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var item))
            {
                try { item.Work(item.State); }
                catch (Exception ex) when (UnhandledException is not null) { UnhandledException(ex); }
            }
        }
    }

    /// <summary>Runs what is queued, then stops the thread.</summary>
    public void Dispose()
    {
        _items.Writer.TryComplete();
        if (!IsCurrent) _thread.Join();
    }
}
