namespace Net80211.RadioDrivers.Pci;

/// <summary>Coherent DMA memory (bus_dmamem_alloc): the driver's view is <see cref="Span"/>, the
/// device's is <see cref="Iova"/>. Dispose unmaps and frees; using the memory afterwards throws.</summary>
public sealed class DmaBuffer : IDisposable, IDmaLease
{
    private readonly DmaAllocator _owner;
    private readonly PhysicalRegion _region;
    private volatile bool _disposed;

    internal DmaBuffer(DmaAllocator owner, PhysicalRegion region, ulong iova, string tag)
    {
        _owner = owner;
        _region = region;
        Iova = iova;
        Tag = tag;
    }

    public ulong Iova { get; }
    public int Length => _region.Length;
    public string Tag { get; }
    public PhysicalRegion Region => _region;

    public Memory<byte> Memory
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _region.Memory;
        }
    }

    public Span<byte> Span => Memory.Span;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _owner.Return(this, _region);
    }

    public override string ToString() => $"{Tag} 0x{Iova:x} {Length}";
}
