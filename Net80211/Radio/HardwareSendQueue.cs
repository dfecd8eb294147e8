using System.Threading.Channels;
using Net80211.Packets;

namespace Net80211.Radio;

/// <summary>
/// The radio's shared hardware send queue(s) (the driver's sc_snd), one bounded channel per hardware
/// priority. A driver's Transmit enqueues here and its start routine dequeues, highest priority first, as
/// long as the hardware has room. Every VAP of the radio shares it.
/// </summary>
public sealed class HardwareSendQueue
{
    private readonly Channel<Packet>[] _queues;
    private int _count;

    public HardwareSendQueue(int capacityPerPriority = 512, int priorities = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(priorities, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityPerPriority, 1);
        Capacity = capacityPerPriority;
        _queues = new Channel<Packet>[priorities];
        for (int i = 0; i < priorities; i++)
        {
            _queues[i] = Channel.CreateBounded<Packet>(new BoundedChannelOptions(capacityPerPriority)
            {
                FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: the caller completes the packet with QueueFull
                SingleReader = true,
            });
        }
    }

    public int Priorities => _queues.Length;
    public int Capacity { get; }
    public int Count => Volatile.Read(ref _count);

    /// <summary>Queues a frame at a priority (0 = lowest). False when that queue is full; the caller keeps
    /// the packet and must complete it.</summary>
    public bool TryEnqueue(Packet packet, int priority = 0)
    {
        priority = Math.Clamp(priority, 0, _queues.Length - 1);
        if (!_queues[priority].Writer.TryWrite(packet)) return false;
        Interlocked.Increment(ref _count);
        return true;
    }

    /// <summary>Takes the next frame, highest priority first.</summary>
    public bool TryDequeue(out Packet packet)
    {
        for (int i = _queues.Length - 1; i >= 0; i--)
        {
            if (_queues[i].Reader.TryRead(out packet!))
            {
                Interlocked.Decrement(ref _count);
                return true;
            }
        }
        packet = null!;
        return false;
    }

    /// <summary>Removes every queued frame and hands each to <paramref name="onFlushed"/> (to complete it).</summary>
    public int Flush(Action<Packet> onFlushed)
    {
        int n = 0;
        while (TryDequeue(out var p)) { onFlushed(p); n++; }
        return n;
    }
}
