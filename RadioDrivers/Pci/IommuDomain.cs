using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Pci;

/// <summary>
/// One device's IO virtual address space. IOVAs start at 0x1_0000_0000, are page granular and never
/// reused (an access through a stale IOVA always faults), and every mapping is followed by an unmapped
/// guard page. Device accesses are checked byte-exactly against the mapped window, which is stricter than
/// page-granular hardware but catches an overrun inside the last page too. Thread-safe.
/// </summary>
public sealed class IommuDomain
{
    public const ulong FirstIova = 0x1_0000_0000;
    private const int PageMask = HostMemory.PageSize - 1;

    private readonly Iommu _iommu;
    private readonly Lock _lock = new();
    private readonly List<IommuMapping> _mappings = [];   // sorted by Iova: allocation is monotonic
    private readonly List<IommuFault> _faults = [];
    private ulong _nextIova = FirstIova;

    internal IommuDomain(Iommu iommu, string deviceName)
    {
        _iommu = iommu;
        DeviceName = deviceName;
    }

    public string DeviceName { get; }

    /// <summary>Set by the bus: returns why the device may not master the bus right now, or null.</summary>
    internal Func<string?>? AccessGate { get; set; }

    public int MappingCount { get { lock (_lock) return _mappings.Count; } }

    public IReadOnlyList<IommuFault> Faults { get { lock (_lock) return _faults.ToArray(); } }

    public event Action<IommuFault>? FaultRaised;

    /// <summary>Maps <paramref name="length"/> bytes of <paramref name="region"/> from <paramref name="offset"/>.
    /// The returned IOVA addresses <c>region.Memory[offset]</c> and keeps its in-page offset, so it is page
    /// aligned when <paramref name="offset"/> is.</summary>
    public ulong Map(PhysicalRegion region, int offset, int length, DmaDirection direction)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.Owner != _iommu.Memory) throw new ArgumentException("The region belongs to another HostMemory.", nameof(region));
        if (region.Released) throw new InvalidOperationException($"Cannot map released {region}.");
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, region.Length - offset);
        if (!Enum.IsDefined(direction)) throw new ArgumentOutOfRangeException(nameof(direction));

        lock (_lock)
        {
            int inPage = offset & PageMask;
            ulong iova = _nextIova + (ulong)inPage;
            _nextIova += (HostMemory.PagesFor(inPage + (long)length) + 1) * HostMemory.PageSize;  // + guard page
            _mappings.Add(new IommuMapping(iova, length, region, offset, direction));
            return iova;
        }
    }

    /// <summary>Removes a mapping. An IOVA that is not mapped is a driver bug.</summary>
    public void Unmap(ulong iova)
    {
        lock (_lock)
        {
            int i = IndexOf(iova);
            if (i < 0 || _mappings[i].Iova != iova)
                throw new InvalidOperationException($"{DeviceName}: IOVA 0x{iova:x} is not the start of a live mapping.");
            _mappings.RemoveAt(i);
        }
    }

    /// <summary>Device reads host memory. False (and a recorded fault) unless every byte is mapped readable.</summary>
    public bool DeviceRead(ulong iova, Span<byte> destination)
    {
        IommuFault fault;
        lock (_lock)
        {
            string? reason = Check(iova, destination.Length, write: false, out var m);
            if (reason is null)
            {
                if (destination.IsEmpty) return true;   // nothing to move, nothing to check against
                m.Region.Memory.Span.Slice(m.Offset + (int)(iova - m.Iova), destination.Length).CopyTo(destination);
                return true;
            }
            fault = Record(iova, destination.Length, false, reason);
        }
        FaultRaised?.Invoke(fault);
        return false;
    }

    /// <summary>Device writes host memory. False (and a recorded fault, nothing written) unless every byte is
    /// mapped writable.</summary>
    public bool DeviceWrite(ulong iova, ReadOnlySpan<byte> source)
    {
        IommuFault fault;
        lock (_lock)
        {
            string? reason = Check(iova, source.Length, write: true, out var m);
            if (reason is null)
            {
                if (source.IsEmpty) return true;
                source.CopyTo(m.Region.Memory.Span.Slice(m.Offset + (int)(iova - m.Iova)));
                return true;
            }
            fault = Record(iova, source.Length, true, reason);
        }
        FaultRaised?.Invoke(fault);
        return false;
    }

    // Little-endian helpers for descriptor fields, as a PCIe device sees them.
    public bool TryReadUInt16(ulong iova, out ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        bool ok = DeviceRead(iova, b);
        value = ok ? BinaryPrimitives.ReadUInt16LittleEndian(b) : (ushort)0;
        return ok;
    }

    public bool TryReadUInt32(ulong iova, out uint value)
    {
        Span<byte> b = stackalloc byte[4];
        bool ok = DeviceRead(iova, b);
        value = ok ? BinaryPrimitives.ReadUInt32LittleEndian(b) : 0;
        return ok;
    }

    public bool TryReadUInt64(ulong iova, out ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        bool ok = DeviceRead(iova, b);
        value = ok ? BinaryPrimitives.ReadUInt64LittleEndian(b) : 0;
        return ok;
    }

    public bool TryWriteUInt16(ulong iova, ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        return DeviceWrite(iova, b);
    }

    public bool TryWriteUInt32(ulong iova, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return DeviceWrite(iova, b);
    }

    public bool TryWriteUInt64(ulong iova, ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        return DeviceWrite(iova, b);
    }

    internal IReadOnlyList<(ulong Iova, int Length)> Describe()
    {
        lock (_lock) return _mappings.ConvertAll(m => (m.Iova, m.Length));
    }

    private string? Check(ulong iova, int length, bool write, out IommuMapping mapping)
    {
        mapping = default;
        if (AccessGate?.Invoke() is { } gate) return gate;
        if (length == 0) return null;
        int i = IndexOf(iova);
        if (i < 0) return "not mapped";
        mapping = _mappings[i];
        ulong end = mapping.Iova + (ulong)mapping.Length;
        if (iova >= end) return "not mapped";
        if ((ulong)length > end - iova) return $"runs past the end of the mapping at 0x{mapping.Iova:x} (len {mapping.Length})";
        if (write && mapping.Direction == DmaDirection.ToDevice) return "write to a ToDevice (read-only) mapping";
        if (!write && mapping.Direction == DmaDirection.FromDevice) return "read from a FromDevice (write-only) mapping";
        if (mapping.Region.Released) return "backing memory was released while mapped";
        return null;
    }

    private IommuFault Record(ulong iova, int length, bool write, string reason)
    {
        var fault = new IommuFault(DeviceName, iova, length, write, reason);
        _faults.Add(fault);
        return fault;
    }

    /// <summary>Index of the last mapping starting at or below <paramref name="iova"/>, or -1.</summary>
    private int IndexOf(ulong iova)
    {
        int lo = 0, hi = _mappings.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_mappings[mid].Iova <= iova) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    private readonly record struct IommuMapping(ulong Iova, int Length, PhysicalRegion Region, int Offset, DmaDirection Direction);
}
