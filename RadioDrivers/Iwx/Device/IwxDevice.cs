using Net80211.Packets;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.RadioDrivers.Pci;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>
/// The emulated Intel Wi-Fi 6 AX200/AX210 PCIe NIC with its firmware (docs/iwx-hardware.md). The driver
/// reaches it only as hardware: config space, BAR0 CSRs, DMA through the IOMMU and MSI-X. Its radio is a
/// <see cref="MediumPort"/> on the simulated air.
/// </summary>
/// <remarks>
/// Everything timed (MAC clock, boot, command processing, scan dwell, beacon watch) runs as callouts on the
/// device's own work queue. MMIO arrives on the driver's thread and the air's callbacks on the simulation's,
/// so every entry point takes the device lock; nothing in here blocks or calls back into the driver except
/// through MSI-X messages, which the PCI platform posts to the driver's queue.
/// </remarks>
public sealed partial class IwxDevice : PciDevice, IMediumClient
{
    private readonly Lock _lock = new();
    private readonly IWorkQueue _queue;
    private readonly IwxBootRom _bootRom;
    private readonly IwxFirmware _firmware;
    private readonly Callout _macClock;

    /// <param name="random">Seeded randomness (the PHY's fine timing); a fixed seed when omitted.</param>
    public IwxDevice(string name, IwxDeviceModel model, MacAddress otpAddress, Medium medium, IWorkQueue queue, PacketPool pool,
        Position position = default, double txPowerDbm = 20, DeterministicRandom? random = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(medium);
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        Pool = pool ?? throw new ArgumentNullException(nameof(pool));
        Random = random ?? new DeterministicRandom(0x1f80_ad20);
        Model = model;
        OtpAddress = otpAddress;

        Config.Init(IwxPciIds.VendorIntel, IwxPciIds.DeviceId(model), revision: 0x1a, IwxPciIds.ClassCode,
            IwxPciIds.SubsystemVendor, IwxPciIds.SubsystemId(model));
        Config.DefineMemoryBar(IwxPciIds.CsrBar, IwxPciIds.CsrBarSize, is64Bit: true);
        Config.AddMsixCapability(IwxPciIds.MsixVectors);

        Faults = new IwxDeviceFaults(this);
        Sram = new IwxSram();
        TxQueues = new IwxTxQueues(this);
        RxQueue = new IwxRxQueue(this);
        _firmware = new IwxFirmware(this);
        _bootRom = new IwxBootRom(this, _firmware);
        _macClock = new Callout(queue);

        // Powered down: the radio hears and sends nothing until the firmware runs with a PHY context.
        Port = medium.Attach(name, this, position, txPowerDbm);
        Port.FrequencyMhz = 0;
    }

    public IwxDeviceModel Model { get; }

    /// <summary>The address burnt into OTP (CSR_MAC_ADDR0/1_OTP).</summary>
    public MacAddress OtpAddress { get; }

    /// <summary>The radio's attachment to the air.</summary>
    public MediumPort Port { get; }

    /// <summary>Fault injection for tests: boot failure, late or corrupt responses, stuck queues, asserts, DMA faults.</summary>
    public IwxDeviceFaults Faults { get; }

    /// <summary>True between ALIVE and a reset or assert.</summary>
    public bool FirmwareRunning { get { lock (_lock) return _firmware.IsRunning; } }

    /// <summary>True after a SYSASSERT until the next reset.</summary>
    public bool FirmwareAsserted { get { lock (_lock) return _firmware.IsAsserted; } }

    /// <summary>The channel the radio is tuned to (0 = off).</summary>
    public int FrequencyMhz => Port.FrequencyMhz;

    internal IWorkQueue Queue => _queue;
    internal PacketPool Pool { get; }
    internal DeterministicRandom Random { get; }
    internal IwxSram Sram { get; }
    internal IwxTxQueues TxQueues { get; }
    internal IwxRxQueue RxQueue { get; }
    internal IwxFirmware Firmware => _firmware;
    internal Lock SyncRoot => _lock;

    /// <summary>Microseconds since the device's clock started: the firmware's GP2 timer.</summary>
    internal ulong NowMicroseconds => (ulong)(_queue.Now().Ticks / 10);

    public override uint ReadBar32(int bar, long offset)
    {
        if (bar != IwxPciIds.CsrBar) return uint.MaxValue;
        lock (_lock) return ReadCsr(offset);
    }

    public override void WriteBar32(int bar, long offset, uint value)
    {
        if (bar != IwxPciIds.CsrBar) return;
        lock (_lock) WriteCsr(offset, value);
    }

    /// <summary>A function-level reset does what CSR_RESET.SW_RESET does.</summary>
    public override void FunctionLevelReset()
    {
        lock (_lock) ResetDevice();
    }

    protected internal override void OnUnplugged()
    {
        lock (_lock) ResetDevice();
    }

    /// <summary>SW_RESET: rings, firmware, causes, masks and GP_CNTRL back to power-on.</summary>
    private void ResetDevice()
    {
        Resets++;
        _macClock.Stop();
        _bootRom.Reset();
        _firmware.Reset();
        TxQueues.Reset();
        RxQueue.Reset();
        Sram.Clear();
        ResetCsrs();
        ResetInterrupts();
        Faults.OnDeviceReset();
        Port.FrequencyMhz = 0;
    }

    // ---- the air ----

    bool IMediumClient.AcksFor(MacAddress receiverAddress)
    {
        lock (_lock) return _firmware.AcksFor(receiverAddress);
    }

    void IMediumClient.OnReceive(Packet frame, in AirRxInfo info)
    {
        lock (_lock) _firmware.OnAirReceive(frame, info);
    }

    void IMediumClient.OnTxDone(Packet frame, in AirTxResult result)
    {
        lock (_lock) _firmware.OnAirTxDone(frame, result);
    }

    public override string ToString() => $"{Name} ({IwxPciIds.ProductName(Model)})";
}
