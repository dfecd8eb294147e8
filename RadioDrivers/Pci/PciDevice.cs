namespace Net80211.RadioDrivers.Pci;

/// <summary>
/// Base of an emulated PCI function. The model builds its <see cref="Config"/> in its constructor, answers
/// MMIO through <see cref="ReadBar32"/>/<see cref="WriteBar32"/>, masters the bus through <see cref="Dma"/>
/// and signals the driver with <see cref="RaiseMsix"/>.
/// </summary>
public abstract class PciDevice
{
    private volatile IommuDomain? _dma;
    private volatile PciBus? _bus;
    private MsixController? _msix;

    protected PciDevice(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    public string Name { get; }
    public PciConfigSpace Config { get; } = new();
    /// <summary>Where the device is plugged, while it is.</summary>
    public PciAddress? Address { get; private set; }

    public int MsixVectorCount => Config.MsixTableSize;
    public MsixCounters MsixCounters => _msix?.Counters ?? default;
    /// <summary>IOMMU faults of the device's DMA so far (none before it is plugged).</summary>
    public IReadOnlyList<IommuFault> DmaFaults => _dma?.Faults ?? [];

    /// <summary>MMIO read of a dword; called by the bus only while Memory Space is enabled.</summary>
    public abstract uint ReadBar32(int bar, long offset);

    /// <summary>MMIO write of a dword; called by the bus only while Memory Space is enabled.</summary>
    public abstract void WriteBar32(int bar, long offset, uint value);

    /// <summary>The device's IOMMU domain: every DMA goes through it. Accesses fault while Bus Master is
    /// disabled or the device is unplugged.</summary>
    protected IommuDomain Dma => Domain;

    protected bool BusMasterEnabled => (Config.Read16(PciConfigSpace.Command) & PciConfigSpace.CommandBusMaster) != 0;

    /// <summary>Sends the MSI-X message for <paramref name="vector"/>. Held pending while MSI-X is disabled,
    /// the function or vector is masked or no handler is registered; folded into one already pending.
    /// A vector the device does not have is ignored and counted; a message from an unplugged device is lost.</summary>
    protected void RaiseMsix(int vector) => _msix?.Raise(vector);

    protected internal virtual void OnPlugged(PciBus bus) { }

    protected internal virtual void OnUnplugged() { }

    /// <summary>Function-level reset: the model returns to its power-on state.</summary>
    public virtual void FunctionLevelReset() { }

    internal MsixController Msix => _msix ?? throw new InvalidOperationException($"{Name} is not plugged into a bus.");
    internal bool Present => _bus is not null;
    internal IommuDomain Domain => _dma ?? throw new InvalidOperationException($"{Name} is not plugged into a bus.");

    internal void Attach(PciBus bus, PciAddress address, IommuDomain domain)
    {
        domain.AccessGate = () => _bus is null ? "device unplugged" : BusMasterEnabled ? null : "bus master disabled";
        _msix ??= new MsixController(Config);
        Address = address;
        _dma = domain;
        _bus = bus;
        _msix.Attached = true;
    }

    internal void Detach()
    {
        _bus = null;
        Address = null;
        _msix!.Attached = false;
    }
}
