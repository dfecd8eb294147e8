using Net80211.Radio;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.RadioDrivers.Pci;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Iwx;

// Firmware: the file (TLV parse), the boot through the context info (iwx_ctxt_info_init, iwx_start_fw), the
// ALIVE wait, the NVM (iwx_nvm_get), and stopping the device (iwx_stop_device).
public sealed partial class IwxDriver
{
    /// <summary>Data queues the driver sets up: one per firmware station, and a station VAP has one peer.</summary>
    private const int DataRings = 2;
    private static readonly TimeSpan ClockPoll = TimeSpan.FromTicks(100); // 10 µs
    private const int ClockPolls = 100;

    private IwxFirmwareFile? _fw;
    private readonly List<DmaBuffer> _fwDma = [];
    private IwxSignal<IwxAliveNotification?>? _alive;
    private Callout? _aliveTimer;
    private readonly IwxTxRing?[] _dataRings = new IwxTxRing?[DataRings];

    /// <summary>The ALIVE of the running firmware (error table addresses, UMAC version).</summary>
    public IwxAliveNotification? Alive { get; private set; }
    /// <summary>Times the firmware image was loaded and booted.</summary>
    public int FirmwareBoots { get; private set; }

    private async IwxFlow AttachAsync()
    {
        if (!IwxPciIds.TryGetModel(_handle.DeviceId, out var model) || _handle.VendorId != IwxPciIds.VendorIntel)
        {
            FailAttach($"not an iwx device ({_handle.VendorId:x4}:{_handle.DeviceId:x4})");
            return;
        }
        Model = model;
        try
        {
            _handle.EnableBusMaster();
            _mmio = _handle.MapBar(IwxPciIds.CsrBar);
            var dma = _handle.Dma;
            _cmdq = new IwxCommandQueue(dma, _mmio, Ic.Queue, ReclaimCommands, DispatchCompletion);
            _rx = new IwxRxRing(dma, _options.RxRingSizeLog2);
            for (int i = 0; i < DataRings; i++) _dataRings[i] = new IwxTxRing(dma, i, "iwx txq" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _handle.EnableMsix(1);
            _handle.RegisterInterrupt(0, _interruptQueue, Isr);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or OutOfMemoryException)
        {
            FailAttach("cannot set up the device: " + ex.Message);
            return;
        }
        uint rev = _mmio.Read32(IwxCsr.HwRev);
        Log($"{IwxPciIds.ProductName(model)}, rev {Hex(rev & ~IwxPciIds.HwRevStepMask)} step {rev & IwxPciIds.HwRevStepMask}");

        if (!LoadFirmwareFile(out string? error))
        {
            FailAttach(error!);
            return;
        }
        error = await BootAsync();
        if (error is null) error = await ReadNvmAsync();
        if (error is not null)
        {
            FailAttach(error);
            return;
        }

        Ic.Caps = RadioCapabilities.Sta | RadioCapabilities.Monitor | RadioCapabilities.ShortPreamble
                | RadioCapabilities.ShortSlot | RadioCapabilities.ScanOffload
                | (_options.FirmwareRateControl ? RadioCapabilities.FirmwareRateControl : 0);
        Ic.CryptoCaps = CryptoCapabilities.AesCcm;
        Ic.FirmwareVersion = _fw!.VersionString;
        Ic.TxStreams = Ic.RxStreams = 1;
        Log($"hw rev {Hex(rev)}, fw {Ic.FirmwareVersion}, address {Ic.MacAddress}");

        // iwx_attachhook: the NVM is read; the device sleeps until the first VAP runs (iwx_init).
        StopDevice("attach");
        Ic.Attach();
        IsAttached = true;
        _watchdog = Ic.CreateCallout();
    }

    private void FailAttach(string error)
    {
        if (AttachError is not null) return;
        AttachError = error;
        Log("attach failed: " + error);
        StopDevice("attach failed");
        FreeDmaAndRelease();
        _detached = true;
    }

    /// <summary>firmware_get + iwx_read_firmware: fetch the image and parse the TLV container.</summary>
    private bool LoadFirmwareFile(out string? error)
    {
        string name = IwxPciIds.FirmwareName(Model!.Value);
        if (!_firmware.TryLoad(name, out var image))
        {
            error = $"could not read firmware {name}";
            return false;
        }
        if (!IwxFirmwareFile.TryParse(image, out var file, out var parseError))
        {
            error = $"firmware {name}: {parseError}";
            return false;
        }
        foreach (uint unknown in file.UnknownTlvTypes) Log($"firmware {name}: skipping unknown TLV type {unknown}");
        _fw = file;
        error = null;
        return true;
    }

    /// <summary>
    /// iwx_start_fw: reset, wait for the MAC clock, hand the boot ROM the context info (rings and firmware
    /// sections), unmask the causes, run the CPU, and wait for ALIVE. Returns null or why it failed.
    /// </summary>
    private async IwxFlow<string?> BootAsync()
    {
        var mmio = _mmio!;
        int generation = ++_generation;
        mmio.Write32(IwxCsr.Reset, IwxCsr.ResetSwReset);
        mmio.SetBits32(IwxCsr.GpCntrl, IwxCsr.GpCntrlInitDone);
        bool ready = false;
        for (int i = 0; i < ClockPolls && !ready; i++)
        {
            ready = (mmio.Read32(IwxCsr.GpCntrl) & IwxCsr.GpCntrlMacClockReady) != 0;
            if (!ready) await Delay(ClockPoll);
            if (generation != _generation) return "device reset during boot";
        }
        if (!ready) return "MAC clock not ready";

        int restock = _rx!.Reset();
        ulong ctxt;
        try { ctxt = BuildContextInfo(); }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or OutOfMemoryException)
        {
            FreeFirmwareDma();
            return "cannot map firmware sections: " + ex.Message;
        }
        mmio.Write32(IwxCsr.CtxtInfoBaLo, (uint)ctxt);
        mmio.Write32(IwxCsr.CtxtInfoBaHi, (uint)(ctxt >> 32));

        // Everything on vector 0 (iwx_conf_msix_hw); enable the causes the driver handles.
        for (int q = 0; q < IwxMsix.RxIvarCount; q += 4) mmio.Write32(IwxMsix.RxIvarAdReg + q, 0);
        for (int c = 0; c < IwxMsix.HwIvarCount; c += 4) mmio.Write32(IwxMsix.IvarAdReg + c, 0);
        mmio.Write32(IwxMsix.FhIntMaskAd, ~(IwxMsix.FhCauseQ0 | IwxMsix.FhCauseFhErr));
        mmio.Write32(IwxMsix.HwIntMaskAd, ~(IwxMsix.HwCauseAlive | IwxMsix.HwCauseSwErr | IwxMsix.HwCauseHwErr));
        mmio.Write32(IwxCsr.RfhQFrbdcbWidxTrg(0), (uint)restock);

        var alive = _alive = new IwxSignal<IwxAliveNotification?>();
        _aliveTimer ??= Ic.CreateCallout();
        _aliveTimer.Reset(_options.AliveTimeout, static s => ((IwxSignal<IwxAliveNotification?>)s!).TrySet(null), alive);
        FirmwareBoots++;
        mmio.Write32(IwxCsr.HbusTargPrphWaddr, IwxCsr.PrphAddress(IwxPrph.UregCpuInitRun));
        mmio.Write32(IwxCsr.HbusTargPrphWdat, 1);

        var notification = await alive;
        _aliveTimer.Stop();
        _alive = null;
        // The boot ROM has copied the sections; iwx frees the image's DMA once the firmware is alive.
        FreeFirmwareDma();
        if (generation != _generation) return "device reset during boot";
        if (notification is not { } a)
        {
            StopDevice("no ALIVE");
            return "firmware did not say ALIVE";
        }
        if (a.Status != IwxAliveNotification.StatusOk)
        {
            StopDevice("bad ALIVE");
            return $"firmware ALIVE with bad status {Hex(a.Status)}";
        }
        Alive = a;
        _cmdq!.Enable();
        return null;
    }

    private ulong BuildContextInfo()
    {
        var fw = _fw!;
        var sections = new IwxContextInfoSection[fw.Sections.Count];
        for (int i = 0; i < sections.Length; i++)
        {
            var s = fw.Sections[i];
            var buffer = _handle.Dma.AllocateCoherent(Math.Max(1, s.Data.Length), "iwx fw section");
            _fwDma.Add(buffer);
            s.Data.Span.CopyTo(buffer.Span);
            sections[i] = new IwxContextInfoSection(buffer.Iova, (uint)s.Data.Length, s.LoadOffset);
        }
        var info = new IwxContextInfo
        {
            Version = IwxContextInfo.CurrentVersion,
            ControlFlags = (uint)_rx!.SizeLog2,
            FreeRbdAddress = _rx.FreeBdIova,
            UsedRbdAddress = _rx.UsedBdIova,
            StatusWritePointer = _rx.StatusIova,
            CommandQueueAddress = _cmdq!.TfdIova,
            CommandQueueSizeLog2 = IwxCommandQueue.SizeLog2,
            Sections = sections,
        };
        var ctxt = _handle.Dma.AllocateCoherent(info.Size, "iwx context info");
        _fwDma.Add(ctxt);
        info.TryWrite(ctxt.Span);
        return ctxt.Iova;
    }

    private void FreeFirmwareDma()
    {
        foreach (var b in _fwDma) b.Dispose();
        _fwDma.Clear();
    }

    /// <summary>iwx_nvm_get: NVM_GET_INFO for the SKU, chains and channel profiles; the address from OTP.</summary>
    private async IwxFlow<string?> ReadNvmAsync()
    {
        var r = await Command(IwxCommandId.InitExtendedCfg, new IwxU32Command(IwxU32Command.InitFlagNvm));
        if (!r.Succeeded()) return "INIT_EXTENDED_CFG failed: " + r;
        r = await Command(IwxCommandId.NvmGetInfo, new IwxU32Command(0));
        if (!r.Answered) return "NVM_GET_INFO failed: " + r;
        if (!IwxNvmGetInfoResponse.TryRead(r.Response, out var nvm)) return $"NVM_GET_INFO: malformed response of {r.Response.Length} bytes";
        r = await Command(IwxCommandId.NvmAccessComplete, new IwxU32Command(0));
        if (!r.Succeeded()) return "NVM_ACCESS_COMPLETE failed: " + r;
        if (nvm.NHwAddrs < 1) return "NVM has no MAC address";
        var address = IwxCsr.MacAddressFromOtp(_mmio!.Read32(IwxCsr.MacAddr0Otp), _mmio.Read32(IwxCsr.MacAddr1Otp));
        if (address.IsZero || address.IsGroup) return $"invalid MAC address {address} in OTP";
        Ic.MacAddress = address;
        _nvm = new IwxNvmInfo(nvm.MacSkuFlags, nvm.TxChains, nvm.RxChains, nvm.NHwAddrs, nvm.ChannelProfiles);
        return null;
    }

    /// <summary>iwx_stop_device: stop DMA, reset, fail whatever waited on the firmware.</summary>
    private void StopDevice(string why)
    {
        _generation++;
        _up = false;
        Alive = null;
        _alive?.TrySet(null);
        _cmdq?.Disable();
        if (_mmio is not null && !_handle.IsDisposed)
        {
            _mmio.Write32(IwxCsr.Reset, IwxCsr.ResetStopMaster);
            _mmio.Write32(IwxCsr.Reset, IwxCsr.ResetSwReset);
        }
        FreeFirmwareDma();
        FlushAllTx(TxStatusFor(why));
    }

    private static Packets.TxStatus TxStatusFor(string why) => why is "power down" or "detach" ? Packets.TxStatus.Flushed : Packets.TxStatus.DeviceError;

    /// <summary>Frees rings, command buffers and the interrupt; the PCI handle is released.</summary>
    private void FreeDmaAndRelease()
    {
        FreeFirmwareDma();
        _cmdq?.Dispose();
        _cmdq = null;
        _rx?.Dispose();
        _rx = null;
        for (int i = 0; i < _dataRings.Length; i++)
        {
            _dataRings[i]?.Dispose();
            _dataRings[i] = null;
        }
        if (!_handle.IsDisposed) _handle.Dispose();
    }

    // ---- awaitable helpers ----

    /// <summary>A command whose payload is one of the Hardware codecs.</summary>
    private IwxSignal<IwxCommandResult> Command(IwxCommandId id, IwxU32Command payload)
    {
        Span<byte> b = stackalloc byte[IwxU32Command.Size];
        payload.TryWrite(b);
        return Send(id, b);
    }

    private IwxSignal<IwxCommandResult> Send(IwxCommandId id, ReadOnlySpan<byte> payload, bool expectResponse = true)
    {
        if (_cmdq is null)
        {
            var s = new IwxSignal<IwxCommandResult>();
            s.TrySet(new IwxCommandResult(id, IwxCommandStatus.DeviceDown, []));
            return s;
        }
        return _cmdq.Submit(id, payload, _options.CommandTimeout, expectResponse);
    }

    /// <summary>DELAY(9) without blocking: resumes the flow after <paramref name="delay"/> from a callout.</summary>
    private IwxSignal<bool> Delay(TimeSpan delay)
    {
        var signal = new IwxSignal<bool>();
        var callout = Ic.CreateCallout();
        callout.Reset(delay, static s =>
        {
            var (c, sig) = ((Callout, IwxSignal<bool>))s!;
            c.Dispose();
            sig.TrySet(true);
        }, (callout, signal));
        return signal;
    }
}
