using System.Globalization;
using Net80211.Channels;
using Net80211.Events;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.RadioDrivers.Pci;
using Net80211.Scheduling;
using Net80211.Vaps;

namespace Net80211.RadioDrivers.Iwx;

/// <summary>
/// The iwx driver: Intel Wi-Fi 6 AX200/AX210 over PCIe, modelled on OpenBSD/FreeBSD if_iwx.c. It knows the
/// device only through config space, BAR0, DMA and MSI-X (docs/iwx-hardware.md) and plugs into the stack
/// through <see cref="IIeee80211Driver"/>. Nothing blocks: every wait (clock ready, ALIVE, a command answer)
/// is a callout or a continuation on the radio's work queue, written as an <see cref="IwxFlow"/>.
/// </summary>
/// <remarks>Partial class, one concern per file: Firmware (boot, ALIVE, NVM), Interrupts, Rx, Tx, Mac
/// (contexts and stations), Scan, Keys, Power, Watchdog.</remarks>
public sealed partial class IwxDriver : IIeee80211Driver
{
    private readonly PciDeviceHandle _handle;
    private readonly IFirmwareRepository _firmware;
    private readonly IWorkQueue _interruptQueue;
    private readonly IwxOptions _options;
    private readonly Queue<(string Name, Func<IwxFlow> Op)> _ops = new();
    private readonly List<string> _log = [];
    private MmioRegion? _mmio;
    private IwxCommandQueue? _cmdq;
    private IwxRxRing? _rx;
    private bool _opRunning;
    private bool _detached;
    private int _generation;

    /// <summary>
    /// iwx_attach's first half: takes the opened PCI function. Call <see cref="Attach"/> to bring the
    /// device up and register the radio with the stack.
    /// </summary>
    public IwxDriver(string name, PciDeviceHandle handle, IFirmwareRepository firmware, IWorkQueue queue,
        IWorkQueue interruptQueue, ModuleRegistry modules, PacketPool pool, IwxOptions? options = null)
    {
        _handle = handle ?? throw new ArgumentNullException(nameof(handle));
        _firmware = firmware ?? throw new ArgumentNullException(nameof(firmware));
        _interruptQueue = interruptQueue ?? throw new ArgumentNullException(nameof(interruptQueue));
        _options = options ?? new IwxOptions();
        Ic = new Ieee80211Com(name, this, queue, modules, pool);
    }

    public string DriverName => "iwx";
    public Ieee80211Com Ic { get; }
    public PciDeviceHandle Handle => _handle;
    public IwxOptions Options => _options;
    /// <summary>The model the PCI device id names, once probed.</summary>
    public IwxDeviceModel? Model { get; private set; }
    /// <summary>True once <see cref="Attach"/> registered the radio with the stack.</summary>
    public bool IsAttached { get; private set; }
    /// <summary>Why attach failed, null while it has not (yet).</summary>
    public string? AttachError { get; private set; }
    /// <summary>Every line the driver logged (dmesg), oldest first.</summary>
    public IReadOnlyList<string> Messages => _log;
    /// <summary>Raised for every line the driver logs.</summary>
    public event Action<string>? Logged;

    /// <summary>iwx_probe: an Intel AX200 or AX210.</summary>
    public static bool Probe(in PciFunctionInfo function)
        => function.VendorId == IwxPciIds.VendorIntel && IwxPciIds.TryGetModel(function.DeviceId, out _);

    /// <summary>
    /// iwx_attach + iwx_attachhook: maps BAR0, allocates the rings, loads the firmware, waits for ALIVE, reads
    /// the NVM, sets the radio's capabilities and calls <see cref="Ieee80211Com.Attach"/>; the device is then
    /// powered down until the first VAP runs. Runs on the radio's queue and takes virtual time; the returned
    /// flow ends when attach succeeded (<see cref="IsAttached"/>) or failed (<see cref="AttachError"/>, with
    /// every DMA mapping freed and the PCI handle released).
    /// </summary>
    public IwxFlow Attach()
    {
        var done = new IwxFlow();
        Ic.Queue.Enqueue(() => AttachAsync().OnDone(fault =>
        {
            if (fault is not null) FailAttach("internal error: " + fault.Message);
            done.Complete(null);
        }));
        return done;
    }

    /// <summary>iwx_detach: destroys the VAPs, detaches from the stack, stops the device and frees every DMA
    /// mapping and the interrupt. Call on the radio's queue.</summary>
    public void Detach()
    {
        if (_detached) return;
        if (IsAttached) Ic.Detach();
        IsAttached = false;
        _detached = true;
        StopDevice("detach");
        _watchdog?.Dispose();
        _watchdog = null;
        _aliveTimer?.Dispose();
        _aliveTimer = null;
        FreeDmaAndRelease();
    }

    // ---- serialized firmware operations ----

    /// <summary>
    /// Runs firmware conversations one at a time, in the order asked (the newstate task of iwx): a state
    /// change's commands never interleave with another's. An op that finds the device reset under it ends
    /// early; ops still queued at a reset are dropped (the restart re-creates what is needed).
    /// </summary>
    private void RunOp(string name, Func<IwxFlow> op)
    {
        _ops.Enqueue((name, op));
        if (!_opRunning) NextOp();
    }

    private void NextOp()
    {
        while (_ops.Count > 0)
        {
            var (name, op) = _ops.Dequeue();
            _opRunning = true;
            IwxFlow flow;
            try { flow = op(); }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                Log($"{name}: {ex.Message}");
                continue;
            }
            if (!flow.IsCompleted)
            {
                flow.OnDone(fault =>
                {
                    if (fault is not null) Log($"{name}: internal error: {fault.Message}");
                    _opRunning = false;
                    NextOp();
                });
                return;
            }
            if (flow.Fault is not null) Log($"{name}: internal error: {flow.Fault.Message}");
        }
        _opRunning = false;
    }

    /// <summary>Pending firmware operations (for tests: zero once the driver has settled).</summary>
    public int PendingOperations => _ops.Count + (_opRunning ? 1 : 0);

    // ---- logging ----

    /// <summary>device_printf: into <see cref="Messages"/>, <see cref="Logged"/> and the radio's event stream.</summary>
    internal void Log(string message)
    {
        string line = Ic.Name + ": " + message;
        _log.Add(line);
        Logged?.Invoke(line);
        Ic.Raise(new RadioEvent(Ic.Now, Ic.Name, message));
    }

    private static string Hex(uint v) => "0x" + v.ToString("x", CultureInfo.InvariantCulture);

    // ---- IIeee80211Driver: VAPs and channels ----

    public Ieee80211Vap? VapCreate(Ieee80211Com ic, in VapCreateParams parameters)
    {
        // One MAC context, as OpenBSD's iwx: a station or a monitor, one at a time.
        if (parameters.Mode is not (OpMode.Sta or OpMode.Monitor)) return null;
        if (ic.Vaps.Count > 0) return null;
        var vap = new IwxVap(this);
        vap.Setup(ic, parameters);
        vap.Attach(parameters.MacAddress);
        return vap;
    }

    public void VapDelete(Ieee80211Vap vap)
    {
        ArgumentNullException.ThrowIfNull(vap);
        vap.Detach();
    }

    /// <summary>iwx_init_channel_map: every channel the NVM marks VALID; passive where probing is not
    /// allowed, DFS where radar detection is required; 2.4 GHz as b and g, 5 GHz as a.</summary>
    public void GetRadioCaps(Ieee80211Com ic, int maxChannels, out int channelCount, Span<Ieee80211Channel> channels)
    {
        channelCount = 0;
        var nvm = _nvm;
        if (nvm is null) return;
        var numbers = IwxNvmChannels.All;
        for (int i = 0; i < nvm.ChannelProfiles.Count && i < numbers.Length; i++)
        {
            var profile = nvm.ChannelProfiles[i];
            if ((profile & IwxNvmChannelFlags.Valid) == 0) continue;
            int ieee = numbers[i];
            bool is5 = IwxNvmChannels.Is5Ghz(ieee);
            if (is5 && (nvm.MacSkuFlags & IwxNvmSkuFlags.Band52Enabled) == 0) continue;
            if (!is5 && (nvm.MacSkuFlags & IwxNvmSkuFlags.Band24Enabled) == 0) continue;
            var extra = ChannelFlags.None;
            if ((profile & IwxNvmChannelFlags.Active) == 0) extra |= ChannelFlags.Passive;
            if ((profile & IwxNvmChannelFlags.Radar) != 0) extra |= ChannelFlags.Dfs;
            if ((profile & IwxNvmChannelFlags.IndoorOnly) != 0) extra |= ChannelFlags.IndoorOnly;
            var bands = is5 ? ChannelBands.A : ieee == 14 ? ChannelBands.B : ChannelBands.B | ChannelBands.G;
            var r = ChannelTableBuilder.AddChannel(channels, maxChannels, ref channelCount, ieee,
                IwxNvmChannels.FrequencyMhz(ieee, is5), 22, extra, bands);
            if (r == ChannelAddResult.NoSpace) return;
        }
    }

    /// <summary>The NVM as read at attach.</summary>
    private IwxNvmInfo? _nvm;

    private sealed record IwxNvmInfo(IwxNvmSkuFlags MacSkuFlags, uint TxChains, uint RxChains, int HwAddresses,
        IReadOnlyList<IwxNvmChannelFlags> ChannelProfiles);
}
