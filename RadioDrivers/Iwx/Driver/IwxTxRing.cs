using Net80211.Nodes;
using Net80211.Packets;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.RadioDrivers.Pci;

namespace Net80211.RadioDrivers.Iwx;

/// <summary>
/// One firmware data queue (iwx_tx_ring): 256 TFDs in coherent memory and, per TFD, a coherent 128-byte
/// area for TB0 (wide header + TX command + the 802.11 header); TB1 is the rest of the packet, mapped for
/// streaming DMA straight from the packet buffer. The ring belongs to the firmware queue number
/// SCD_QUEUE_CFG returned; <see cref="TryReclaimNext"/> gives back everything before the firmware's ssn.
/// </summary>
internal sealed class IwxTxRing : IDisposable
{
    public const int Size = IwxTfd.DataQueueSize;
    /// <summary>Bytes of TB0 per entry: header (8) + TX command (20) + the longest 802.11 header with QoS
    /// and HT control (36), rounded up.</summary>
    public const int Tb0Bytes = 128;
    /// <summary>Frames in flight before the ring counts as full (iwx's high-water mark leaves headroom).</summary>
    public const int HighWater = Size - 8;

    private readonly DmaBuffer _tfds;
    private readonly DmaBuffer _tb0;
    private readonly Entry[] _entries = new Entry[Size];
    // One streaming map per slot, created with the ring (bus_dmamap_create) and loaded per frame: the
    // per-frame path allocates nothing.
    private readonly DmaMap[] _maps = new DmaMap[Size];
    private int _write, _read, _count;

    public IwxTxRing(DmaAllocator dma, int staId, string tag)
    {
        StaId = staId;
        _tfds = dma.AllocateCoherent(Size * IwxTfd.Size, tag + " tfds");
        try { _tb0 = dma.AllocateCoherent(Size * Tb0Bytes, tag + " tb0"); }
        catch { _tfds.Dispose(); throw; }
        for (int i = 0; i < Size; i++) _maps[i] = dma.CreateMap("iwx tx frame");
    }

    public int StaId { get; }
    /// <summary>Firmware queue number, -1 until SCD_QUEUE_CFG answered.</summary>
    public int QueueId { get; set; } = -1;
    public ulong TfdIova => _tfds.Iova;
    public static uint SizeLog2 => 8;
    public int Count => _count;
    public bool IsFull => _count >= HighWater;
    public int WriteIndex => _write;

    /// <summary>Time stamp (queue clock ticks) of the oldest frame still in the ring, or null when empty.</summary>
    public long? OldestTimestamp => _count == 0 ? null : _entries[_read].Queued;

    /// <summary>
    /// Fills the next TFD for <paramref name="frame"/> (whose first <paramref name="headerLength"/> bytes are
    /// the 802.11 header) and returns the new write index for HBUS_TARG_WRPTR. False when the ring is full
    /// or the frame cannot be described (the caller completes it).
    /// </summary>
    public bool TryEnqueue(Packet frame, Ieee80211Node? node, int headerLength, in IwxTxCmd command, long now, out int writeIndex)
    {
        writeIndex = _write;
        int tb0Length = IwxCommandHeader.Size + IwxTxCmd.Size + headerLength;
        if (IsFull || tb0Length > Tb0Bytes || headerLength > frame.Length) return false;
        int index = _write;
        var tb0 = _tb0.Span.Slice(index * Tb0Bytes, Tb0Bytes);
        IwxCommandHeader.For(IwxCommandId.TxCmd, QueueId, index, IwxTxCmd.Size + frame.Length).TryWrite(tb0);
        command.TryWrite(tb0[IwxCommandHeader.Size..]);
        frame.Data[..headerLength].CopyTo(tb0[(IwxCommandHeader.Size + IwxTxCmd.Size)..]);

        int bodyLength = frame.Length - headerLength;
        var map = _maps[index];
        if (bodyLength > 0) map.Load(frame.Memory[headerLength..], DmaDirection.ToDevice);
        Span<IwxTb> tbs = stackalloc IwxTb[2];
        tbs[0] = new IwxTb(_tb0.Iova + (ulong)(index * Tb0Bytes), (ushort)tb0Length);
        int n = 1;
        if (bodyLength > 0) tbs[n++] = new IwxTb(map.Iova, (ushort)bodyLength);
        IwxTfd.Write(_tfds.Span.Slice(index * IwxTfd.Size, IwxTfd.Size), tbs[..n]);

        _entries[index] = new Entry(frame, node, now);
        _write = (index + 1) % Size;
        _count++;
        writeIndex = _write;
        return true;
    }

    /// <summary>True when <paramref name="index"/> holds a frame (a TX response's own entry).</summary>
    public bool Holds(int index) => (uint)index < Size && _entries[index].Frame is not null;

    /// <summary>A TX response for <paramref name="index"/> with read index <paramref name="ssn"/> makes sense:
    /// ssn lies after the entry and no further than the frames actually in the ring.</summary>
    public bool CoversSsn(int index, int ssn)
    {
        if (ssn < 0) return false;
        int span = ((ssn % Size) - _read + Size) % Size;
        int at = (index - _read + Size) % Size;
        if (span == 0 && _count == Size) span = Size;
        return span >= 1 && span <= _count && at < span;
    }

    /// <summary>Takes back the next entry before <paramref name="ssn"/> (the read index the firmware reported),
    /// unmapping its body; false when none is left. Called in a loop, so reclaim allocates nothing.</summary>
    public bool TryReclaimNext(int ssn, out int index, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Packet? frame, out Ieee80211Node? node)
    {
        ssn %= Size;
        while (_count > 0 && _read != ssn)
        {
            index = _read;
            var e = _entries[index];
            _entries[index] = default;
            _read = (index + 1) % Size;
            _count--;
            _maps[index].Unload();
            if (e.Frame is null) continue;
            frame = e.Frame;
            node = e.Node;
            return true;
        }
        index = -1;
        frame = null;
        node = null;
        return false;
    }

    /// <summary>Takes back every entry (reset, flush without firmware); each goes to <paramref name="done"/>.</summary>
    public int DrainAll(Action<int, Packet, Ieee80211Node?> done)
    {
        int n = 0;
        while (_count > 0) { n++; TakeAt(_read, done); }
        _write = _read = 0;
        return n;
    }

    private void TakeAt(int index, Action<int, Packet, Ieee80211Node?> done)
    {
        var e = _entries[index];
        _entries[index] = default;
        _read = (index + 1) % Size;
        _count--;
        _maps[index].Unload();
        if (e.Frame is not null) done(index, e.Frame, e.Node);
    }

    /// <summary>Call after <see cref="DrainAll"/>: frees the DMA memory.</summary>
    public void Dispose()
    {
        foreach (var map in _maps) map.Dispose();
        _tfds.Dispose();
        _tb0.Dispose();
    }

    private readonly record struct Entry(Packet? Frame, Ieee80211Node? Node, long Queued);
}
