using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.RadioDrivers.Pci;

namespace Net80211.RadioDrivers.Iwx;

/// <summary>
/// RX queue 0 of the 22000 multi-queue RX (iwx_rx_ring): the free BD ring the driver restocks, the used BD
/// ring the device fills, the status page with closed_rb_num, and the 4 KiB receive buffers (one coherent
/// block, so every buffer is 4 KiB aligned as the free BD format needs).
/// </summary>
internal sealed class IwxRxRing : IDisposable
{
    public const int BufferSize = IwxRxBufferDescriptors.BufferSize;

    private readonly DmaBuffer _free;
    private readonly DmaBuffer _used;
    private readonly DmaBuffer _status;
    private readonly DmaBuffer _buffers;
    private int _read;        // next used BD the driver looks at
    private int _freeWrite;   // next free BD slot the driver fills
    private long _restocks, _bogusRbid;

    public IwxRxRing(DmaAllocator dma, int sizeLog2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeLog2, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sizeLog2, 11);
        SizeLog2 = sizeLog2;
        Size = 1 << sizeLog2;
        var allocated = new List<IDisposable>();
        try
        {
            _free = Add(dma.AllocateCoherent(Size * IwxRxBufferDescriptors.FreeBdSize, "iwx rx free bds"));
            _used = Add(dma.AllocateCoherent(Size * IwxRxBufferDescriptors.UsedBdSize, "iwx rx used bds"));
            _status = Add(dma.AllocateCoherent(16, "iwx rx status"));
            _buffers = Add(dma.AllocateCoherent(Size * BufferSize, "iwx rx buffers"));
        }
        catch
        {
            foreach (var a in allocated) a.Dispose();
            throw;
        }

        DmaBuffer Add(DmaBuffer b)
        {
            allocated.Add(b);
            return b;
        }
    }

    public int Size { get; }
    public int SizeLog2 { get; }
    public ulong FreeBdIova => _free.Iova;
    public ulong UsedBdIova => _used.Iova;
    public ulong StatusIova => _status.Iova;
    /// <summary>Times the restock pointer was pushed to the device.</summary>
    public long Restocks => Interlocked.Read(ref _restocks);
    /// <summary>Used BDs naming a buffer id that is not ours (dropped, buffer not reposted).</summary>
    public long BogusRbids => Interlocked.Read(ref _bogusRbid);

    /// <summary>Posts every buffer (rbid = index + 1) and returns the restock index to write; indices start at 0.
    /// One slot stays empty so a full ring is never mistaken for an empty one.</summary>
    public int Reset()
    {
        _status.Span.Clear();
        _used.Span.Clear();
        _read = 0;
        var free = _free.Span;
        for (int i = 0; i < Size; i++)
            IwxRxBufferDescriptors.WriteFreeBd(free, i, IwxRxBufferDescriptors.MakeFreeBd(BufferIova(i), i + 1));
        _freeWrite = Size - 1;
        return _freeWrite;
    }

    private ulong BufferIova(int buffer) => _buffers.Iova + (ulong)buffer * BufferSize;

    /// <summary>closed_rb_num from the status page: the used BD index the device fills next.</summary>
    public int Closed => (IwxRbStatus.TryRead(_status.Span, out var s) ? s.ClosedRbNum & IwxRbStatus.ClosedRbNumMask : 0) % Size;

    /// <summary>
    /// Hands every buffer the device closed since the last call to <paramref name="handle"/> (its bytes, valid
    /// only during the call), reposts each buffer to the free ring, and returns the restock index to write to
    /// RFH_Q_FRBDCB_WIDX_TRG, or -1 when nothing was processed.
    /// </summary>
    public int Process(Action<ReadOnlySpan<byte>> handle)
    {
        int closed = Closed;
        int processed = 0;
        while (_read != closed)
        {
            int rbid = IwxRxBufferDescriptors.ReadUsedBd(_used.Span, _read);
            _read = (_read + 1) % Size;
            processed++;
            if (rbid < 1 || rbid > Size)
            {
                // The device named a buffer we never gave it: nothing to hand up, nothing to repost.
                Interlocked.Increment(ref _bogusRbid);
                continue;
            }
            handle(_buffers.Span.Slice((rbid - 1) * BufferSize, BufferSize));
            IwxRxBufferDescriptors.WriteFreeBd(_free.Span, _freeWrite,
                IwxRxBufferDescriptors.MakeFreeBd(BufferIova(rbid - 1), rbid));
            _freeWrite = (_freeWrite + 1) % Size;
        }
        if (processed == 0) return -1;
        Interlocked.Increment(ref _restocks);
        return _freeWrite;
    }

    public void Dispose()
    {
        _free.Dispose();
        _used.Dispose();
        _status.Dispose();
        _buffers.Dispose();
    }
}
