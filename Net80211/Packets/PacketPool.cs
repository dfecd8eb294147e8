using System.Threading;

namespace Net80211.Packets;

/// <summary>
/// A pool of <see cref="Packet"/>s with fixed-size buffers. Renting and returning allocate nothing once the
/// pool is warm. <see cref="Outstanding"/> counts packets rented and not yet returned, so a test can assert
/// that a scenario leaked nothing; returning a packet twice throws, because it is always a bug.
/// </summary>
public sealed class PacketPool
{
    /// <summary>Room in front for radiotap/802.11 header, mesh/QoS control, LLC/SNAP and the cipher header.</summary>
    public const int DefaultHeadroom = 128;
    /// <summary>Largest 802.11 MPDU (2304-byte body + 4-address QoS/HT header + cipher overhead + FCS) plus headroom.</summary>
    public const int DefaultBufferSize = 2560;

    private readonly Lock _lock = new();
    private readonly int _bufferSize;
    private readonly int _maxPooled;
    private Packet[] _free;
    private int _freeCount;
    private long _outstanding;
    private long _rented;
    private long _created;

    public PacketPool(int bufferSize = DefaultBufferSize, int maxPooled = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, DefaultHeadroom + 64);
        _bufferSize = bufferSize;
        _maxPooled = maxPooled;
        _free = new Packet[Math.Min(maxPooled, 256)];
    }

    /// <summary>A process-wide pool for code that has no pool of its own.</summary>
    public static PacketPool Shared { get; } = new();

    public int BufferSize => _bufferSize;
    /// <summary>Packets rented and not yet returned.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);
    /// <summary>Packets rented since the pool was created.</summary>
    public long TotalRented => Interlocked.Read(ref _rented);
    /// <summary>Packet objects ever created (the pool's high-water mark).</summary>
    public long Created => Interlocked.Read(ref _created);

    /// <summary>Rents an empty packet with <paramref name="headroom"/> bytes in front and room for at least
    /// <paramref name="payload"/> bytes of data.</summary>
    public Packet Rent(int payload = 0, int headroom = DefaultHeadroom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payload);
        ArgumentOutOfRangeException.ThrowIfNegative(headroom);
        Packet? p = null;
        if (payload + headroom <= _bufferSize)
        {
            lock (_lock)
            {
                if (_freeCount > 0)
                {
                    p = _free[--_freeCount];
                    _free[_freeCount] = null!;
                }
            }
        }
        if (p is null)
        {
            p = new Packet(this, new byte[Math.Max(_bufferSize, payload + headroom + 64)]);
            Interlocked.Increment(ref _created);
        }
        p.ResetForRent(headroom);
        Interlocked.Increment(ref _outstanding);
        Interlocked.Increment(ref _rented);
        return p;
    }

    /// <summary>Rents a packet holding a copy of <paramref name="data"/>.</summary>
    public Packet Rent(ReadOnlySpan<byte> data, int headroom = DefaultHeadroom)
    {
        var p = Rent(data.Length, headroom);
        data.CopyTo(p.Append(data.Length));
        return p;
    }

    internal void Return(Packet p)
    {
        if (p.Pool != this) throw new InvalidOperationException("packet returned to a pool it does not belong to");
        lock (_lock)
        {
            if (p.InPool) throw new InvalidOperationException("packet freed twice");
            p.InPool = true;
            p.Node = null;
            p.Context = null;
            if (p.Buffer.Length == _bufferSize && _freeCount < _maxPooled)
            {
                if (_freeCount == _free.Length) Array.Resize(ref _free, Math.Min(_maxPooled, _free.Length * 2));
                _free[_freeCount++] = p;
            }
        }
        Interlocked.Decrement(ref _outstanding);
    }
}
