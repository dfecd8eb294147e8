namespace Net80211.RadioDrivers.Pci;

/// <summary>
/// The driver side of DMA for one attached device: a bus_dma(9) tag. Every buffer and mapping it hands out
/// is tracked until disposed, so a test or detach can report what the driver leaked.
/// </summary>
public sealed class DmaAllocator
{
    private readonly HostMemory _memory;
    private readonly IommuDomain _domain;
    private readonly Lock _lock = new();
    private readonly HashSet<IDmaLease> _active = [];

    internal DmaAllocator(HostMemory memory, IommuDomain domain)
    {
        _memory = memory;
        _domain = domain;
    }

    public int ActiveMappings { get { lock (_lock) return _active.Count; } }

    /// <summary>bus_dmamem_alloc + bus_dmamap_load: zeroed memory the driver and the device share (rings,
    /// status pages), mapped both ways.</summary>
    public DmaBuffer AllocateCoherent(int size, string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var region = _memory.Allocate(size);
        ulong iova;
        try { iova = _domain.Map(region, 0, size, DmaDirection.Bidirectional); }
        catch { _memory.Release(region); throw; }
        return Track(new DmaBuffer(this, region, iova, tag));
    }

    /// <summary>bus_dmamap_load of a buffer the driver already owns (a packet): no copy; the device sees the
    /// buffer itself through the returned IOVA.</summary>
    public DmaMapping MapStreaming(Memory<byte> buffer, DmaDirection direction, string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var region = _memory.Register(buffer);
        ulong iova;
        try { iova = _domain.Map(region, 0, buffer.Length, direction); }
        catch { _memory.Release(region); throw; }
        return Track(new DmaMapping(this, region, iova, direction, tag));
    }

    /// <summary>bus_dmamap_create: a reusable streaming map (one per ring slot). Counted in
    /// <see cref="ActiveMappings"/> only while loaded.</summary>
    public DmaMap CreateMap(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return new DmaMap(this, tag);
    }

    internal HostMemory Memory => _memory;

    internal ulong Load(DmaMap map, PhysicalRegion region, int offset, int length, DmaDirection direction)
    {
        ulong iova = _domain.Map(region, offset, length, direction);
        lock (_lock) _active.Add(map);
        return iova;
    }

    internal void Unload(DmaMap map, ulong iova, PhysicalRegion? ownRegion)
    {
        lock (_lock) _active.Remove(map);
        _domain.Unmap(iova);
        if (ownRegion is not null) _memory.Release(ownRegion);
    }

    /// <summary>"tag iova len" per live mapping, oldest first.</summary>
    public IReadOnlyList<string> DescribeActive()
    {
        lock (_lock)
        {
            return _active.OrderBy(l => l.Iova).Select(l => $"{l.Tag} 0x{l.Iova:x} {l.Length}").ToArray();
        }
    }

    private T Track<T>(T lease) where T : IDmaLease
    {
        lock (_lock) _active.Add(lease);
        return lease;
    }

    /// <summary>Unmaps and releases once; false when the lease was already returned.</summary>
    internal bool Return(IDmaLease lease, PhysicalRegion region)
    {
        lock (_lock)
        {
            if (!_active.Remove(lease)) return false;
        }
        _domain.Unmap(lease.Iova);
        _memory.Release(region);
        return true;
    }
}

internal interface IDmaLease
{
    ulong Iova { get; }
    int Length { get; }
    string Tag { get; }
}
