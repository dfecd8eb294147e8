namespace Net80211.RadioDrivers.Pci;

/// <summary>
/// PCI bus 0 of the simulated machine, with its host memory and IOMMU. Plugging a device plays the
/// firmware's part (device number, BAR addresses, an IOMMU domain); <see cref="Open"/> is what a driver's
/// attach receives. Thread-safe.
/// </summary>
public sealed class PciBus
{
    public const int DevicesPerBus = 32;
    private const ulong Window32 = 0xE000_0000, Window64 = 0x40_0000_0000;

    private readonly Lock _lock = new();
    private readonly PciDevice?[] _slots = new PciDevice?[DevicesPerBus];
    private readonly PciDeviceHandle?[] _open = new PciDeviceHandle?[DevicesPerBus];
    private ulong _next32 = Window32, _next64 = Window64;

    public PciBus(HostMemory? memory = null)
    {
        Memory = memory ?? new HostMemory();
        Iommu = new Iommu(Memory);
    }

    public HostMemory Memory { get; }
    public Iommu Iommu { get; }

    /// <summary>Plugs the device into the next free slot on bus 0.</summary>
    public PciAddress Plug(PciDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        PciAddress address;
        lock (_lock)
        {
            if (device.Present || Array.IndexOf(_slots, device) >= 0) throw new InvalidOperationException($"{device.Name} is already plugged.");
            int slot = Array.IndexOf(_slots, null);
            if (slot < 0) throw new InvalidOperationException("The bus is full.");
            AssignBars(device.Config);
            address = new PciAddress(0, slot, 0);
            _slots[slot] = device;
            device.Attach(this, address, Iommu.CreateDomain(device.Name));
        }
        device.OnPlugged(this);
        return address;
    }

    /// <summary>Surprise removal: an open handle stays valid but reads all-ones, DMA faults and messages are lost.</summary>
    public void Unplug(PciAddress address)
    {
        PciDevice device;
        lock (_lock)
        {
            device = Find(address);
            _slots[address.Device] = null;
            _open[address.Device]?.MarkGone();
            _open[address.Device] = null;   // the slot can take a new device and driver
            device.Detach();
        }
        device.OnUnplugged();
    }

    public IReadOnlyList<PciFunctionInfo> Enumerate()
    {
        var found = new List<PciFunctionInfo>();
        lock (_lock)
        {
            for (int slot = 0; slot < DevicesPerBus; slot++)
            {
                if (_slots[slot] is not { } d) continue;
                var c = d.Config;
                found.Add(new PciFunctionInfo(new PciAddress(0, slot, 0), c.Read16(PciConfigSpace.VendorId),
                    c.Read16(PciConfigSpace.DeviceId), c.Read32(PciConfigSpace.RevisionId) >> 8, d.Name));
            }
        }
        return found;
    }

    /// <summary>Hands the device to a driver. One driver at a time: open again after the handle is disposed.</summary>
    public PciDeviceHandle Open(PciAddress address)
    {
        lock (_lock)
        {
            var device = Find(address);
            if (_open[address.Device] is not null) throw new InvalidOperationException($"{address} ({device.Name}) is already open.");
            return _open[address.Device] = new PciDeviceHandle(this, address, device);
        }
    }

    internal void Closed(PciDeviceHandle handle)
    {
        lock (_lock)
        {
            if (_open[handle.Address.Device] == handle) _open[handle.Address.Device] = null;
        }
    }

    private PciDevice Find(PciAddress address)
    {
        if (address.Bus != 0 || address.Function != 0 || (uint)address.Device >= DevicesPerBus || _slots[address.Device] is not { } d)
            throw new ArgumentException($"No device at {address}.", nameof(address));
        return d;
    }

    // What firmware does at boot: give each memory BAR a naturally aligned address in a window.
    private void AssignBars(PciConfigSpace config)
    {
        for (int bar = 0; bar < PciConfigSpace.BarCount; bar++)
        {
            long size = config.GetBarSize(bar);
            if (size == 0) continue;
            int at = PciConfigSpace.Bar0 + 4 * bar;
            uint low = config.Read32(at);
            bool is64 = (low & 0x6) == 0x4;
            ref ulong next = ref is64 ? ref _next64 : ref _next32;
            ulong address = (next + (ulong)size - 1) & ~((ulong)size - 1);
            next = address + (ulong)size;
            config.SetRaw32(at, (uint)address | (low & 0xf));
            if (is64) config.SetRaw32(at + 4, (uint)(address >> 32));
        }
    }
}
