using Net80211.Channels;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx;

// Firmware contexts: PHY (the channel), MAC (who we are, which BSS), binding (MAC on PHY), station (the AP)
// and its data queue — iwx_phy_ctxt_cmd, iwx_mac_ctxt_cmd, iwx_binding_cmd, iwx_add_sta_cmd,
// iwx_enable_txq. One of each: this driver runs one VAP.
public sealed partial class IwxDriver
{
    private const uint PhyId = 0, MacId = 0, BindingId = 0;
    private const int ApStaId = 0;
    private const byte DataTid = 0;

    private bool _phyAdded, _macAdded, _bindingAdded, _staAdded;
    private Ieee80211Channel? _phyChannel;
    private IwxVap? _staVap;

    /// <summary>The BSSID the firmware's MAC context holds (zero when there is none).</summary>
    public MacAddress MacContextBssid { get; private set; }
    /// <summary>The MAC context says associated.</summary>
    public bool MacContextAssociated { get; private set; }
    /// <summary>The channel the PHY context is on.</summary>
    public Ieee80211Channel? PhyChannel => _phyAdded ? _phyChannel : null;
    /// <summary>The firmware data queue of the AP station, -1 when none.</summary>
    public int StationQueue => _sta is { Ready: true } s ? s.Ring.QueueId : -1;

    public void SetChannel(Ieee80211Com ic)
    {
        ArgumentNullException.ThrowIfNull(ic);
        if (ic.CurrentChannel is not { } channel || !_wantUp) return;
        RunOp("set channel", () => SetChannelAsync(channel));
    }

    private async IwxFlow SetChannelAsync(Ieee80211Channel channel)
    {
        if (!_up || !_phyAdded || _phyChannel == channel) return;
        var r = await SendPhyContext(IwxContextAction.Modify, channel);
        if (r.Succeeded()) _phyChannel = channel;
        else Log("PHY context modify failed: " + r);
    }

    // ---- station VAP: join, associate, leave (driven by IwxVap.NewState) ----

    /// <summary>→ AUTH: the station for the AP exists at once (frames wait in its backlog); the firmware
    /// contexts follow in order.</summary>
    internal void BeginJoin(IwxVap vap)
    {
        if (vap.Bss is not { } bss) return;
        _staVap = vap;
        if (_sta is { } old)
        {
            old.Dead = true;
            FailBacklog(old, TxStatus.Flushed);
        }
        var sta = _sta = new IwxStation(ApStaId, bss.MacAddress, _dataRings[0]!);
        vap.ConnectingBssid = bss.Bssid;
        vap.AssociatedBssid = default;
        vap.AssociatedAid = 0;
        var channel = Ic.CurrentChannel;
        RunOp("join " + bss.Bssid, () => JoinAsync(vap, sta, channel));
    }

    private async IwxFlow JoinAsync(IwxVap vap, IwxStation sta, Ieee80211Channel? channel)
    {
        int generation = _generation;
        if (!_up || channel is null || sta.Dead)
        {
            FailStation(sta, "device not running");
            return;
        }
        await TeardownAsync(keepMac: true);
        if (generation != _generation || sta.Dead) { FailStation(sta, "reset during join"); return; }

        var r = await SendPhyContext(_phyAdded ? IwxContextAction.Modify : IwxContextAction.Add, channel);
        if (!r.Succeeded()) { FailStation(sta, "PHY context: " + r); return; }
        _phyAdded = true;
        _phyChannel = channel;

        r = await SendMacContext(_macAdded ? IwxContextAction.Modify : IwxContextAction.Add, vap, IwxMacContextCmd.MacTypeBssSta,
            vap.ConnectingBssid, IwxMacFilterFlags.AcceptGroup | IwxMacFilterFlags.InBeacon, associated: false, aid: 0);
        if (!r.Succeeded()) { FailStation(sta, "MAC context: " + r); return; }
        _macAdded = true;
        MacContextBssid = vap.ConnectingBssid;
        MacContextAssociated = false;

        r = await SendBinding(IwxContextAction.Add);
        if (!r.Succeeded()) { FailStation(sta, "binding: " + r); return; }
        _bindingAdded = true;

        r = await SendAddSta(sta);
        if (!r.Succeeded(IwxAddStaCmd.Success)) { FailStation(sta, "ADD_STA: " + r); return; }
        _staAdded = true;

        sta.Ring.DrainAll((_, f, n) => Ic.TxComplete(f, n, TxStatus.Flushed));
        r = await SendQueueConfig(sta.Ring, enable: true);
        if (!r.Answered || !IwxScdQueueCfgResponse.TryRead(r.Response, out var q))
        {
            FailStation(sta, "SCD_QUEUE_CFG: " + r);
            return;
        }
        if (generation != _generation || sta.Dead) return;
        sta.Ring.QueueId = q.QueueNumber;
        sta.Ready = true;
        ReleaseBacklog(sta);
    }

    private void FailStation(IwxStation sta, string why)
    {
        if (!sta.Dead) Log($"station {sta.Address}: {why}");
        sta.Dead = true;
        FailBacklog(sta, TxStatus.DeviceError);
    }

    /// <summary>→ RUN: the MAC context learns the association. The BSSID is the one taken while connecting.</summary>
    internal void Associated(IwxVap vap) => RunOp("assoc", () => AssociateAsync(vap));

    private async IwxFlow AssociateAsync(IwxVap vap)
    {
        if (!_up || !_macAdded || vap.Bss is not { } bss) return;
        var bssid = vap.AssociatedBssid.IsZero ? vap.ConnectingBssid : vap.AssociatedBssid;
        ushort aid = vap.AssociatedAid != 0 ? vap.AssociatedAid : bss.AssociationId;
        var r = await SendMacContext(IwxContextAction.Modify, vap, IwxMacContextCmd.MacTypeBssSta, bssid,
            IwxMacFilterFlags.AcceptGroup | IwxMacFilterFlags.InBeacon, associated: true, aid: aid);
        if (!r.Succeeded())
        {
            Log("MAC context (associated) failed: " + r);
            return;
        }
        MacContextBssid = bssid;
        MacContextAssociated = true;
    }

    /// <summary>→ INIT/SCAN from AUTH or above: flush, remove the station, remove the MAC context.</summary>
    internal void Leave(IwxVap vap, bool scanning)
    {
        var sta = _sta;
        RunOp("leave", () => LeaveAsync(vap, sta, scanning));
    }

    /// <summary>A station VAP starts (INIT → SCAN): its MAC context exists from now on, so the firmware ACKs
    /// probe responses addressed to us during the scan; the BSSID comes with the join.</summary>
    internal void StationUp(IwxVap vap)
    {
        _staVap = vap;
        RunOp("mac context", async () =>
        {
            if (!_up || _macAdded) return;
            var r = await SendMacContext(IwxContextAction.Add, vap, IwxMacContextCmd.MacTypeBssSta, default,
                IwxMacFilterFlags.AcceptGroup, associated: false, aid: 0);
            if (r.Succeeded()) _macAdded = true;
            else Log("MAC context: " + r);
        });
    }

    internal void StationDown() => RunOp("mac context remove", () => TeardownAsync(keepMac: false));

    private async IwxFlow LeaveAsync(IwxVap vap, IwxStation? sta, bool scanning)
    {
        int generation = _generation;
        // What the VAP sent on its way out (DEAUTH, DISASSOC) gets a moment to leave the queue.
        for (int i = 0; i < 20 && _up && sta is { Ready: true } && sta.Ring.Count > 0; i++)
        {
            await Delay(TimeSpan.FromMilliseconds(1));
            if (generation != _generation) return;
        }
        if (sta is not null && ReferenceEquals(_sta, sta))
        {
            _sta = null;
            sta.Dead = true;
            FailBacklog(sta, TxStatus.Flushed);
        }
        await TeardownAsync(keepMac: scanning);
        if (scanning && _up && _macAdded && generation == _generation)
        {
            var r = await SendMacContext(IwxContextAction.Modify, vap, IwxMacContextCmd.MacTypeBssSta, default,
                IwxMacFilterFlags.AcceptGroup, associated: false, aid: 0);
            if (!r.Succeeded()) Log("MAC context (leave) failed: " + r);
            MacContextBssid = default;
            MacContextAssociated = false;
        }
    }

    /// <summary>Removes whatever contexts exist, station first (iwx_deauth + iwx_disassoc).</summary>
    private async IwxFlow TeardownAsync(bool keepMac)
    {
        if (!_up) { ForgetContexts(); return; }
        var ring = _dataRings[0]!;
        if (_staAdded)
        {
            if (ring.QueueId >= 0)
            {
                var f = await SendFlush(1u << ring.QueueId);
                if (!f.Succeeded()) Log("TXPATH_FLUSH failed: " + f);
            }
            var r = await SendRemoveSta(ApStaId);
            if (!r.Succeeded()) Log("REMOVE_STA failed: " + r);
            _staAdded = false;
        }
        ring.QueueId = -1;
        ring.DrainAll((_, f, n) => Ic.TxComplete(f, n, TxStatus.Flushed));
        if (_bindingAdded)
        {
            var r = await SendBinding(IwxContextAction.Remove);
            if (!r.Succeeded()) Log("binding remove failed: " + r);
            _bindingAdded = false;
        }
        if (_macAdded && !keepMac)
        {
            var r = await SendMacContext(IwxContextAction.Remove, _staVap ?? _monitorVap, 0, default, 0, false, 0);
            if (!r.Succeeded()) Log("MAC context remove failed: " + r);
            _macAdded = false;
            MacContextBssid = default;
            MacContextAssociated = false;
        }
    }

    /// <summary>The device was reset: the firmware has none of the contexts any more.</summary>
    private void ForgetContexts()
    {
        _phyAdded = _macAdded = _bindingAdded = _staAdded = false;
        _phyChannel = null;
        MacContextBssid = default;
        MacContextAssociated = false;
        foreach (var r in _dataRings) if (r is not null) r.QueueId = -1;
        if (_sta is { } sta)
        {
            sta.Dead = true;
            FailBacklog(sta, TxStatus.DeviceError);
            _sta = null;
        }
    }

    // ---- monitor VAP ----

    private IwxVap? _monitorVap;

    internal void StartMonitor(IwxVap vap)
    {
        _monitorVap = vap;
        var channel = Ic.CurrentChannel;
        RunOp("monitor", () => MonitorAsync(vap, channel));
    }

    private async IwxFlow MonitorAsync(IwxVap vap, Ieee80211Channel? channel)
    {
        if (!_up || channel is null) return;
        var r = await SendPhyContext(_phyAdded ? IwxContextAction.Modify : IwxContextAction.Add, channel);
        if (!r.Succeeded()) { Log("PHY context: " + r); return; }
        _phyAdded = true;
        _phyChannel = channel;
        r = await SendMacContext(IwxContextAction.Add, vap, IwxMacContextCmd.MacTypeListener, default,
            IwxMacFilterFlags.Promisc | IwxMacFilterFlags.Control, associated: false, aid: 0);
        if (!r.Succeeded()) { Log("MAC context (listener): " + r); return; }
        _macAdded = true;
        r = await SendBinding(IwxContextAction.Add);
        if (!r.Succeeded()) { Log("binding: " + r); return; }
        _bindingAdded = true;
    }

    internal void StopMonitor() => RunOp("monitor stop", () => TeardownAsync(keepMac: false));

    // ---- command payloads ----

    private static uint IdAndColor(uint id) => id; // color 0

    private IwxSignal<IwxCommandResult> SendPhyContext(IwxContextAction action, Ieee80211Channel channel)
    {
        Span<byte> b = stackalloc byte[IwxPhyContextCmd.Size];
        new IwxPhyContextCmd
        {
            IdAndColor = IdAndColor(PhyId),
            Action = action,
            Band = channel.Is5Ghz ? IwxPhyContextCmd.Band5 : IwxPhyContextCmd.Band24,
            Channel = (byte)channel.Ieee,
            Width = IwxPhyContextCmd.Width20,
            TxChains = _nvm?.TxChains ?? 1,
            RxChains = _nvm?.RxChains ?? 1,
        }.TryWrite(b);
        return Send(IwxCommandId.PhyContext, b);
    }

    private IwxSignal<IwxCommandResult> SendMacContext(IwxContextAction action, IwxVap? vap, uint type, MacAddress bssid,
        IwxMacFilterFlags filter, bool associated, ushort aid)
    {
        Span<byte> b = stackalloc byte[IwxMacContextCmd.Size];
        new IwxMacContextCmd
        {
            IdAndColor = IdAndColor(MacId),
            Action = action,
            MacType = type,
            NodeAddress = vap?.MacAddress ?? Ic.MacAddress,
            Bssid = bssid,
            FilterFlags = filter,
            IsAssoc = associated ? 1u : 0u,
            AssocId = aid,
            BeaconInterval = (ushort)(vap?.Bss?.BeaconInterval ?? 100),
            DtimInterval = 1,
        }.TryWrite(b);
        return Send(IwxCommandId.MacContext, b);
    }

    private IwxSignal<IwxCommandResult> SendBinding(IwxContextAction action)
    {
        Span<byte> b = stackalloc byte[IwxBindingContextCmd.Size];
        new IwxBindingContextCmd
        {
            IdAndColor = IdAndColor(BindingId),
            Action = action,
            Mac0 = action == IwxContextAction.Remove ? IwxBindingContextCmd.MacNone : IdAndColor(MacId),
            Mac1 = IwxBindingContextCmd.MacNone,
            Mac2 = IwxBindingContextCmd.MacNone,
            Phy = IdAndColor(PhyId),
        }.TryWrite(b);
        return Send(IwxCommandId.BindingContext, b);
    }

    private IwxSignal<IwxCommandResult> SendAddSta(IwxStation sta)
    {
        Span<byte> b = stackalloc byte[IwxAddStaCmd.Size];
        new IwxAddStaCmd
        {
            AddModify = IwxAddStaCmd.ActionAdd,
            MacIdNColor = IdAndColor(MacId),
            Address = sta.Address,
            StaId = (byte)sta.StaId,
            StationType = IwxAddStaCmd.StationTypeLink,
        }.TryWrite(b);
        return Send(IwxCommandId.AddSta, b);
    }

    private IwxSignal<IwxCommandResult> SendRemoveSta(int staId)
    {
        Span<byte> b = stackalloc byte[IwxRemoveStaCmd.Size];
        new IwxRemoveStaCmd { StaId = (byte)staId }.TryWrite(b);
        return Send(IwxCommandId.RemoveSta, b);
    }

    private IwxSignal<IwxCommandResult> SendQueueConfig(IwxTxRing ring, bool enable)
    {
        Span<byte> b = stackalloc byte[IwxScdQueueCfgCmd.Size];
        new IwxScdQueueCfgCmd
        {
            StaId = (byte)ring.StaId,
            Tid = DataTid,
            Flags = enable ? IwxScdQueueCfgCmd.FlagEnable : (ushort)0,
            CbSize = IwxTxRing.SizeLog2,
            TfdQueueAddress = enable ? ring.TfdIova : (ulong)Math.Max(0, ring.QueueId),
        }.TryWrite(b);
        return Send(IwxCommandId.ScdQueueCfg, b);
    }

    private IwxSignal<IwxCommandResult> SendFlush(uint queues)
    {
        Span<byte> b = stackalloc byte[IwxTxPathFlushCmd.Size];
        new IwxTxPathFlushCmd { QueuesCtl = queues }.TryWrite(b);
        return Send(IwxCommandId.TxPathFlush, b);
    }

    private IwxSignal<IwxCommandResult> SendScanConfig()
    {
        var channels = new List<byte>();
        foreach (var c in Ic.SupportedChannels)
            if (!channels.Contains((byte)c.Ieee)) channels.Add((byte)c.Ieee);
        var cmd = new IwxScanCfgCmd
        {
            TxChains = _nvm?.TxChains ?? 1,
            RxChains = _nvm?.RxChains ?? 1,
            MacAddress = Ic.MacAddress,
            Channels = channels.ToArray(),
        };
        var b = new byte[cmd.Size];
        cmd.TryWrite(b);
        return Send(IwxCommandId.ScanCfg, b);
    }
}
