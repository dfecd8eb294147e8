using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>
/// RX queue 0 of the 22000 multi-queue RX (docs/iwx-hardware.md §4): free BDs in, used BDs and status out,
/// one packet per 4 KiB buffer. With no free buffer a packet is dropped and counted; delivery resumes once
/// the driver restocks.
/// </summary>
/// <remarks>The restock index is taken modulo the ring size and free BDs are read while the device's read
/// index differs from it, so at most N-1 buffers are outstanding (iwlwifi keeps one slot empty).</remarks>
internal sealed class IwxRxQueue
{
    /// <summary>Where an injected bogus DMA goes: never mapped (IOVAs start at 4 GiB and grow slowly).</summary>
    public const ulong BogusIova = 0xdead_0000_0000;

    private readonly IwxDevice _device;
    private readonly byte[] _bd = new byte[IwxRxBufferDescriptors.FreeBdSize];
    private readonly byte[] _status = new byte[IwxRbStatus.Size];
    private ulong _freeRing, _usedRing, _statusAddress;
    private int _size;
    private int _read;        // next free BD to take
    private int _closed;      // next used BD to fill (closed_rb_num)

    public IwxRxQueue(IwxDevice device) => _device = device;

    public bool Configured => _size != 0;

    /// <summary>Last value written to RFH_Q0_FRBDCB_WIDX_TRG.</summary>
    public int RestockIndex { get; private set; }

    /// <summary>Free buffers the device holds.</summary>
    public int Available => _size == 0 ? 0 : ((RestockIndex % _size) - _read + _size) % _size;

    public void Reset()
    {
        _freeRing = _usedRing = _statusAddress = 0;
        _size = 0;
        _read = 0;
        _closed = 0;
        RestockIndex = 0;
    }

    /// <summary>From the context info at boot; the restock index written before boot is kept.</summary>
    public void Configure(ulong freeRing, ulong usedRing, ulong status, int sizeLog2)
    {
        _freeRing = freeRing;
        _usedRing = usedRing;
        _statusAddress = status;
        _size = 1 << sizeLog2;
        _read = 0;
        _closed = 0;
    }

    /// <summary>The driver's restock: packets that arrive from now on find buffers again.</summary>
    public void Restock(int index) => RestockIndex = index;

    /// <summary>DMA-writes one packet (header included) into the next free buffer and raises Q0. False when it
    /// was dropped: no free buffer (an overrun), or DMA failed (FH_ERR raised).</summary>
    public bool Deliver(ReadOnlySpan<byte> packet)
    {
        if (_size == 0 || _device.DmaStopped) return false;
        if (packet.Length > IwxRxBufferDescriptors.BufferSize) throw new ArgumentException("one packet per 4 KiB buffer", nameof(packet));
        if (Available == 0)
        {
            _device.RxOverruns++;
            return false;
        }
        if (!_device.DmaRead(_freeRing + (ulong)_read * IwxRxBufferDescriptors.FreeBdSize, _bd)) return false;
        ulong bd = IwxRxBufferDescriptors.ReadFreeBd(_bd, 0);
        int rbid = IwxRxBufferDescriptors.FreeBdRbid(bd);
        ulong buffer = _device.Faults.TakeBogusRxWrite() ? BogusIova : IwxRxBufferDescriptors.FreeBdAddress(bd);
        _read = (_read + 1) % _size;
        if (!_device.DmaWrite(buffer, packet)) return false;

        Span<byte> used = stackalloc byte[IwxRxBufferDescriptors.UsedBdSize];
        IwxRxBufferDescriptors.WriteUsedBd(used, 0, rbid);
        if (!_device.DmaWrite(_usedRing + (ulong)_closed * IwxRxBufferDescriptors.UsedBdSize, used)) return false;
        _closed = (_closed + 1) % _size;
        var status = new IwxRbStatus { ClosedRbNum = (ushort)_closed, ClosedFrNum = (ushort)_closed, FinishedRbNum = (ushort)_closed, FinishedFrNum = (ushort)_closed };
        status.TryWrite(_status);
        if (!_device.DmaWrite(_statusAddress, _status)) return false;
        _device.RxDelivered++;
        _device.RaiseFh(IwxMsix.FhCauseQ0);
        return true;
    }
}
