using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>One TFD ring: the command queue (0) or a data queue made by SCD_QUEUE_CFG.</summary>
internal sealed class IwxTxRing
{
    public required int Id { get; init; }
    public required ulong Base { get; init; }
    public required int Size { get; init; }
    public int StaId { get; init; }
    public int Tid { get; init; }
    /// <summary>Next TFD the device takes.</summary>
    public int Read { get; set; }
    /// <summary>The driver's write pointer: TFDs up to Write-1 are ready.</summary>
    public int Write { get; set; }
    public bool IsCommandQueue => Id == IwxTfd.CommandQueueId;
    public bool HasWork => Read != Write;
}

/// <summary>
/// The TX side of the DMA engine (docs/iwx-hardware.md §4): the TFD rings, their write pointers, and the
/// gather of a TFD's transfer buffers into one buffer. Queues are served one TFD at a time, round robin.
/// </summary>
internal sealed class IwxTxQueues
{
    /// <summary>Queue ids 0..31 (TXPATH_FLUSH has a bit per queue).</summary>
    public const int MaxQueues = 32;
    /// <summary>Most bytes a TFD may gather: the largest MPDU plus the headers in TB0.</summary>
    public const int MaxGather = 12 * 1024;

    private readonly IwxDevice _device;
    private readonly IwxTxRing?[] _rings = new IwxTxRing?[MaxQueues];
    private readonly byte[] _tfd = new byte[IwxTfd.Size];
    private int _cursor;

    public IwxTxQueues(IwxDevice device) => _device = device;

    public IwxTxRing? this[int qid] => (uint)qid < MaxQueues ? _rings[qid] : null;

    public void Reset()
    {
        Array.Clear(_rings);
        _cursor = 0;
    }

    public void ConfigureCommandQueue(ulong baseIova, int sizeLog2)
        => _rings[IwxTfd.CommandQueueId] = new IwxTxRing { Id = IwxTfd.CommandQueueId, Base = baseIova, Size = 1 << sizeLog2 };

    /// <summary>A new data queue on the lowest free id; -1 when all are taken.</summary>
    public int Add(ulong baseIova, int sizeLog2, int staId, int tid)
    {
        for (int q = 1; q < MaxQueues; q++)
        {
            if (_rings[q] is not null) continue;
            _rings[q] = new IwxTxRing { Id = q, Base = baseIova, Size = 1 << sizeLog2, StaId = staId, Tid = tid };
            return q;
        }
        return -1;
    }

    public bool Remove(int qid)
    {
        if (qid is <= 0 or >= MaxQueues || _rings[qid] is null) return false;
        _rings[qid] = null;
        return true;
    }

    public IEnumerable<IwxTxRing> DataQueues
    {
        get
        {
            for (int q = 1; q < MaxQueues; q++)
                if (_rings[q] is { } r) yield return r;
        }
    }

    /// <summary>HBUS_TARG_WRPTR. False (and counted) for a queue that does not exist or an index beyond its ring.</summary>
    public bool SetWritePointer(uint value)
    {
        int qid = (int)(value >> 16);
        int index = (int)(value & 0xFFFF);
        if (this[qid] is not { } ring || index >= ring.Size)
        {
            _device.BadWritePointers++;
            return false;
        }
        ring.Write = index;
        return true;
    }

    /// <summary>The next queue with ready TFDs, round robin; null when none (or only held-back ones) have work.</summary>
    public IwxTxRing? NextReady(Func<IwxTxRing, bool> eligible)
    {
        for (int i = 0; i < MaxQueues; i++)
        {
            int q = (_cursor + i) % MaxQueues;
            if (_rings[q] is { HasWork: true } r && eligible(r))
            {
                _cursor = (q + 1) % MaxQueues;
                return r;
            }
        }
        return null;
    }

    /// <summary>The queue <see cref="NextReady"/> would pick, without moving the round-robin cursor.</summary>
    public IwxTxRing? NextReadyPeek(Func<IwxTxRing, bool> eligible)
    {
        for (int i = 0; i < MaxQueues; i++)
        {
            if (_rings[(_cursor + i) % MaxQueues] is { HasWork: true } r && eligible(r)) return r;
        }
        return null;
    }

    /// <summary>Reads the TFD at the ring's read index and gathers its buffers into <paramref name="destination"/>.
    /// Returns the byte count, -1 after a DMA fault (FH_ERR is raised), or -2 for a malformed TFD (counted).</summary>
    public int Gather(IwxTxRing ring, Span<byte> destination)
    {
        ulong at = ring.Base + (ulong)ring.Read * IwxTfd.Size;
        if (!_device.DmaRead(at, _tfd)) return -1;
        if (!IwxTfd.TryValidate(_tfd, out int numTbs))
        {
            _device.BadTfds++;
            return -2;
        }
        int total = 0;
        for (int i = 0; i < numTbs; i++)
        {
            var tb = IwxTfd.GetTb(_tfd, i);
            if (tb.Length == 0) continue;
            if (total + tb.Length > destination.Length)
            {
                _device.BadTfds++;
                return -2;
            }
            if (!_device.DmaRead(tb.Address, destination.Slice(total, tb.Length))) return -1;
            total += tb.Length;
        }
        return total;
    }
}
