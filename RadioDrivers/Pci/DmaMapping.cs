namespace Net80211.RadioDrivers.Pci;

/// <summary>A streaming mapping of a driver-owned buffer (bus_dmamap_load of an mbuf). Dispose is
/// bus_dmamap_unload: the device loses access; the buffer stays the driver's.</summary>
public sealed class DmaMapping : IDisposable, IDmaLease
{
    private readonly DmaAllocator _owner;
    private readonly PhysicalRegion _region;
    private volatile bool _disposed;

    internal DmaMapping(DmaAllocator owner, PhysicalRegion region, ulong iova, DmaDirection direction, string tag)
    {
        _owner = owner;
        _region = region;
        Iova = iova;
        Direction = direction;
        Tag = tag;
    }

    public ulong Iova { get; }
    public int Length => _region.Length;
    public DmaDirection Direction { get; }
    public string Tag { get; }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _owner.Return(this, _region);
    }

    public override string ToString() => $"{Tag} 0x{Iova:x} {Length}";
}
