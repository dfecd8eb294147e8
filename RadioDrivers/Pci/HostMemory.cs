namespace Net80211.RadioDrivers.Pci;

/// <summary>
/// Physical memory of the simulated machine. Each region gets its own page-aligned physical address;
/// addresses are never reused, so a stale address can't alias a newer region. Thread-safe.
/// </summary>
public sealed class HostMemory
{
    public const int PageSize = 4096;

    // Physical memory starts above the first megabyte so that no region ever sits at address 0.
    private const ulong FirstAddress = 0x10_0000;

    private readonly Lock _lock = new();
    private readonly HashSet<PhysicalRegion> _live = [];
    // Regions of whole arrays (RegionOf): weak on the array, so a buffer that is dropped takes its region along.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], PhysicalRegion> _arrays = new();
    private ulong _next = FirstAddress;
    private long _allocatedBytes;

    /// <summary>Live regions, allocated and registered.</summary>
    public int RegionCount { get { lock (_lock) return _live.Count; } }

    /// <summary>Bytes of live regions made by <see cref="Allocate"/> (registered buffers belong to their owner).</summary>
    public long AllocatedBytes { get { lock (_lock) return _allocatedBytes; } }

    /// <summary>Allocates zeroed, physically contiguous memory at a page-aligned address.</summary>
    public PhysicalRegion Allocate(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return Add(new byte[size], registered: false);
    }

    /// <summary>Wraps an existing buffer without copying (streaming DMA of a packet); its first byte gets a
    /// page-aligned physical address.</summary>
    public PhysicalRegion Register(Memory<byte> buffer)
    {
        if (buffer.IsEmpty) throw new ArgumentException("Cannot register an empty buffer.", nameof(buffer));
        return Add(buffer, registered: true);
    }

    /// <summary>The physical region of a whole managed array, made the first time the array is seen and kept
    /// for as long as the array lives: a pooled packet buffer has one physical address, as an mbuf cluster does,
    /// so loading it into a DMA map again costs nothing. Not counted in <see cref="RegionCount"/>.</summary>
    public PhysicalRegion RegionOf(byte[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Length == 0) throw new ArgumentException("Cannot register an empty buffer.", nameof(array));
        if (_arrays.TryGetValue(array, out var region)) return region;
        lock (_lock)
        {
            if (_arrays.TryGetValue(array, out region)) return region;
            region = new PhysicalRegion(this, _next, array, registered: true);
            _next += PagesFor(array.Length) * PageSize;
            _arrays.Add(array, region);
            return region;
        }
    }

    public void Release(PhysicalRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.Owner != this) throw new ArgumentException("The region belongs to another HostMemory.", nameof(region));
        lock (_lock)
        {
            if (!_live.Remove(region)) throw new InvalidOperationException($"{region} was already released.");
            if (!region.IsRegistered) _allocatedBytes -= region.Length;
            region.MarkReleased();
        }
    }

    private PhysicalRegion Add(Memory<byte> memory, bool registered)
    {
        lock (_lock)
        {
            var region = new PhysicalRegion(this, _next, memory, registered);
            _next += PagesFor(memory.Length) * PageSize;
            _live.Add(region);
            if (!registered) _allocatedBytes += memory.Length;
            return region;
        }
    }

    internal static ulong PagesFor(long bytes) => (ulong)((bytes + PageSize - 1) / PageSize);
}
