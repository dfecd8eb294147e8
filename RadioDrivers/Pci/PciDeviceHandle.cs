using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Pci;

/// <summary>
/// What a driver holds between attach and detach: config access (pci_read_config), bus_space mappings of
/// the BARs, a bus_dma tag and MSI-X (pci_alloc_msix + bus_setup_intr). After a surprise removal config
/// reads return all-ones, writes and interrupt setup are dropped, as on hardware.
/// </summary>
public sealed class PciDeviceHandle : IDisposable
{
    private readonly PciBus _bus;
    private readonly PciDevice _device;
    private readonly MmioRegion?[] _bars = new MmioRegion?[PciConfigSpace.BarCount];
    private volatile bool _disposed;
    private volatile bool _gone;

    internal PciDeviceHandle(PciBus bus, PciAddress address, PciDevice device)
    {
        _bus = bus;
        _device = device;
        Address = address;
        Dma = new DmaAllocator(bus.Memory, device.Domain);
    }

    public PciAddress Address { get; }
    public ushort VendorId => _device.Config.Read16(PciConfigSpace.VendorId);
    public ushort DeviceId => _device.Config.Read16(PciConfigSpace.DeviceId);
    public byte Revision => _device.Config.Read8(PciConfigSpace.RevisionId);
    public ushort SubsystemVendorId => _device.Config.Read16(PciConfigSpace.SubsystemVendorId);
    public ushort SubsystemId => _device.Config.Read16(PciConfigSpace.SubsystemId);
    public DmaAllocator Dma { get; }
    /// <summary>Vectors the device offers (pci_msix_count).</summary>
    public int MsixVectorCount => _device.MsixVectorCount;
    /// <summary>Vectors granted by <see cref="EnableMsix"/>, 0 while MSI-X is off.</summary>
    public int MsixVectorsEnabled { get; private set; }
    public bool IsDisposed => _disposed;
    /// <summary>False after the device was unplugged under the driver.</summary>
    public bool IsPresent => !_gone;
    internal PciDevice Device => _device;

    public byte ReadConfig8(int offset) { ThrowIfDisposed(); return IsPresent ? _device.Config.Read8(offset) : byte.MaxValue; }
    public ushort ReadConfig16(int offset) { ThrowIfDisposed(); return IsPresent ? _device.Config.Read16(offset) : ushort.MaxValue; }
    public uint ReadConfig32(int offset) { ThrowIfDisposed(); return IsPresent ? _device.Config.Read32(offset) : uint.MaxValue; }
    public void WriteConfig8(int offset, byte value) { ThrowIfDisposed(); if (IsPresent) _device.Config.Write8(offset, value); }
    public void WriteConfig16(int offset, ushort value) { ThrowIfDisposed(); if (IsPresent) _device.Config.Write16(offset, value); }
    public void WriteConfig32(int offset, uint value) { ThrowIfDisposed(); if (IsPresent) _device.Config.Write32(offset, value); }

    /// <summary>pci_find_cap: the capability's config offset, or 0.</summary>
    public int FindCapability(byte id) { ThrowIfDisposed(); return _device.Config.FindCapability(id); }

    /// <summary>pci_enable_busmaster, plus Memory Space so the BARs decode.</summary>
    public void EnableBusMaster() =>
        SetCommand(PciConfigSpace.CommandMemorySpace | PciConfigSpace.CommandBusMaster, on: true);

    /// <summary>bus_alloc_resource + bus_space_map of a memory BAR.</summary>
    public MmioRegion MapBar(int bar)
    {
        ThrowIfDisposed();
        long size = _device.Config.GetBarSize(bar);
        if (size == 0) throw new ArgumentException($"BAR{bar} of {_device.Name} is not a memory BAR.", nameof(bar));
        return _bars[bar] ??= new MmioRegion(this, bar, size);
    }

    /// <summary>pci_alloc_msix: turns MSI-X on (function unmasked) for <paramref name="vectors"/> vectors.</summary>
    public void EnableMsix(int vectors)
    {
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfLessThan(vectors, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vectors, MsixVectorCount);
        MsixVectorsEnabled = vectors;
        SetMsixControl(enable: true);
    }

    /// <summary>pci_release_msi.</summary>
    public void DisableMsix()
    {
        ThrowIfDisposed();
        MsixVectorsEnabled = 0;
        SetMsixControl(enable: false);
    }

    /// <summary>bus_setup_intr: <paramref name="handler"/>(vector) runs on <paramref name="queue"/> for each
    /// message. Replaces an earlier handler; a message already pending is delivered now if it can be.</summary>
    public void RegisterInterrupt(int vector, IWorkQueue queue, Action<int> handler)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(handler);
        if (IsPresent) _device.Msix.Register(vector, queue, handler);
    }

    /// <summary>Sets the vector's mask bit (vector control in the MSI-X table); messages are held pending.
    /// Vectors start unmasked here, unlike hardware, since drivers unmask at setup anyway.</summary>
    public void MaskVector(int vector) { ThrowIfDisposed(); if (IsPresent) _device.Msix.SetMasked(vector, true); }

    /// <summary>Clears the mask bit; a pending message is delivered.</summary>
    public void UnmaskVector(int vector) { ThrowIfDisposed(); if (IsPresent) _device.Msix.SetMasked(vector, false); }

    /// <summary>The vector's pending bit (the PBA).</summary>
    public bool IsVectorPending(int vector) { ThrowIfDisposed(); return IsPresent && _device.Msix.IsPending(vector); }

    /// <summary>pcie_flr with config saved and restored (as pci_reset_function does): the device model resets
    /// and pending messages are dropped; the driver's config, handlers and mappings stay.</summary>
    public void ResetFunction()
    {
        ThrowIfDisposed();
        if (!IsPresent) return;
        _device.FunctionLevelReset();
        _device.Msix.ClearPending();
    }

    /// <summary>Detach: unregisters interrupts, turns MSI-X and Bus Master off. The driver's DMA is not
    /// freed here, so a leak stays visible in <see cref="DmaAllocator.ActiveMappings"/>.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        // A handle whose device was unplugged must not touch it: it may already serve another driver.
        if (IsPresent)
        {
            _device.Msix.Reset();
            SetMsixControl(enable: false);
            SetCommand(PciConfigSpace.CommandBusMaster, on: false);
        }
        MsixVectorsEnabled = 0;
        _disposed = true;
        _bus.Closed(this);
    }

    /// <summary>The bus unplugged the device under this handle; it never comes back to it.</summary>
    internal void MarkGone() => _gone = true;

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private void SetCommand(ushort bits, bool on)
    {
        ushort command = ReadConfig16(PciConfigSpace.Command);
        WriteConfig16(PciConfigSpace.Command, (ushort)(on ? command | bits : command & ~bits));
    }

    private void SetMsixControl(bool enable)
    {
        int cap = _device.Config.MsixCapability;
        if (cap == 0) return;
        ushort control = ReadConfig16(cap + 2);
        control = (ushort)(enable ? (control | PciConfigSpace.MsixEnable) & ~PciConfigSpace.MsixFunctionMask : control & ~PciConfigSpace.MsixEnable);
        WriteConfig16(cap + 2, control);
    }

    public override string ToString() => $"{Address} {_device.Name}";
}
