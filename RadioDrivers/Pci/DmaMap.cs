using System.Runtime.InteropServices;

namespace Net80211.RadioDrivers.Pci;

/// <summary>
/// A streaming DMA map (bus_dmamap_t): created once — typically one per ring slot — then loaded with a buffer
/// for each transfer (<see cref="Load"/>, bus_dmamap_load) and unloaded when the device is done with it
/// (<see cref="Unload"/>). A buffer backed by a managed array keeps one physical address for the array's life
/// (<see cref="HostMemory.RegionOf"/>), so loading and unloading allocate nothing. Dispose is
/// bus_dmamap_destroy; it unloads first.
/// </summary>
public sealed class DmaMap : IDisposable, IDmaLease
{
    private readonly DmaAllocator _owner;
    private PhysicalRegion? _region;
    private bool _ownsRegion;
    private bool _disposed;

    internal DmaMap(DmaAllocator owner, string tag)
    {
        _owner = owner;
        Tag = tag;
    }

    public string Tag { get; }
    public bool IsLoaded => _region is not null;
    /// <summary>The device address of the loaded buffer; meaningless while unloaded.</summary>
    public ulong Iova { get; private set; }
    public int Length { get; private set; }
    public DmaDirection Direction { get; private set; }

    /// <summary>Maps <paramref name="buffer"/> for the device. A map holds one buffer at a time: loading a loaded
    /// map is a driver bug (<see cref="InvalidOperationException"/>).</summary>
    public void Load(Memory<byte> buffer, DmaDirection direction)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsLoaded) throw new InvalidOperationException($"{Tag}: DMA map already loaded (0x{Iova:x})");
        if (buffer.IsEmpty) throw new ArgumentException("Cannot map an empty buffer.", nameof(buffer));
        PhysicalRegion region;
        int offset;
        if (MemoryMarshal.TryGetArray<byte>(buffer, out var segment) && segment.Array is { } array)
        {
            region = _owner.Memory.RegionOf(array);
            offset = segment.Offset;
            _ownsRegion = false;
        }
        else
        {
            region = _owner.Memory.Register(buffer);   // not array-backed: a region of its own for this load
            offset = 0;
            _ownsRegion = true;
        }
        Iova = _owner.Load(this, region, offset, buffer.Length, direction);
        _region = region;
        Length = buffer.Length;
        Direction = direction;
    }

    /// <summary>The device loses access to the buffer; the buffer stays the driver's. Harmless when unloaded.</summary>
    public void Unload()
    {
        if (_region is not { } region) return;
        _region = null;
        _owner.Unload(this, Iova, _ownsRegion ? region : null);
    }

    public void Dispose()
    {
        if (_disposed) return;
        Unload();
        _disposed = true;
    }

    public override string ToString() => IsLoaded ? $"{Tag} 0x{Iova:x} {Length}" : $"{Tag} (unloaded)";
}
