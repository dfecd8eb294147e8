using System.Buffers.Binary;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>
/// The firmware model behind the boot ROM (docs/iwx-hardware.md §5–§8): it takes TFDs off the rings one at a
/// time, answers host commands on RX queue 0, and talks to the air. Split by concern: contexts, NVM, scan,
/// TX, RX, keys, beacon watch, errors. All methods run under the device lock.
/// </summary>
internal sealed partial class IwxFirmware
{
    /// <summary>Processing time of one host command.</summary>
    public static readonly TimeSpan CommandTime = TimeSpan.FromMicroseconds(20);
    /// <summary>Processing time of one data TFD (gather and hand to the MAC).</summary>
    public static readonly TimeSpan TfdTime = TimeSpan.FromMicroseconds(4);
    public const uint UmacMajor = 77;
    public const uint UmacMinor = 0x206b0ee6;

    private enum State { Off, Running, Asserted }

    private readonly IwxDevice _device;
    private readonly Callout _engine;
    private readonly byte[] _gather = new byte[IwxTxQueues.MaxGather];
    private readonly byte[] _packet = new byte[IwxRxBufferDescriptors.BufferSize];
    private readonly List<DelayedPacket> _delayed = [];
    private State _state;
    private int _generation;

    public IwxFirmware(IwxDevice device)
    {
        _device = device;
        _engine = new Callout(device.Queue);
        _dwell = new Callout(device.Queue);
        _beaconWatch = new Callout(device.Queue);
        _eligible = Eligible;
    }

    /// <summary><see cref="Eligible"/> as one delegate, not a new one per TFD.</summary>
    private readonly Func<IwxTxRing, bool> _eligible;

    public bool IsRunning => _state == State.Running;
    public bool IsAsserted => _state == State.Asserted;

    /// <summary>Power-on state: no firmware, nothing configured, nothing in flight that will be answered.</summary>
    public void Reset()
    {
        _state = State.Off;
        _generation++;
        _engine.Stop();
        CancelDelayed();
        ResetScan();
        ResetContexts();
        ResetKeys();
        ResetTx();
        StopBeaconWatch();
    }

    /// <summary>The boot ROM hands over: rings from the context info, then ALIVE.</summary>
    public void Start(in IwxContextInfo context)
    {
        _device.RxQueue.Configure(context.FreeRbdAddress, context.UsedRbdAddress, context.StatusWritePointer, context.RxQueueSizeLog2);
        _device.TxQueues.ConfigureCommandQueue(context.CommandQueueAddress, context.CommandQueueSizeLog2);
        _state = State.Running;
        Span<byte> alive = stackalloc byte[IwxAliveNotification.Size];
        new IwxAliveNotification
        {
            Status = IwxAliveNotification.StatusOk,
            UmacMajor = UmacMajor,
            UmacMinor = UmacMinor,
            LmacErrorTable = IwxSram.LmacErrorTable,
            UmacErrorTable = IwxSram.UmacErrorTable,
            SkuId = _device.Model == IwxDeviceModel.AX210 ? 2u : 1u,
        }.TryWrite(alive);
        Notify(IwxCommandId.Alive, alive);
        _device.RaiseHw(IwxMsix.HwCauseAlive);
        Kick();
    }

    /// <summary>DMA stopped (STOP_MASTER or a fault): the engine cannot fetch or deliver anything more.</summary>
    public void OnDmaStopped() => _engine.Stop();

    /// <summary>A write pointer moved (or a queue was resumed): schedule the engine if it is idle.</summary>
    public void Kick()
    {
        if (!IsRunning || _engine.Pending || _device.DmaStopped) return;
        var next = _device.TxQueues.NextReadyPeek(_eligible);
        if (next is null) return;
        _engine.Reset(next.IsCommandQueue ? CommandTime : TfdTime, static s => ((IwxFirmware)s!).OnEngine(), this);
    }

    private bool Eligible(IwxTxRing ring) => !_device.Faults.IsStalled(ring.Id);

    private void OnEngine()
    {
        lock (_device.SyncRoot)
        {
            if (!IsRunning || _device.DmaStopped) return;
            var ring = _device.TxQueues.NextReady(_eligible);
            if (ring is null) return;
            int index = ring.Read;
            int n = _device.TxQueues.Gather(ring, _gather);
            if (n == -1) return;   // DMA fault: FH_ERR is up and the engine stopped
            ring.Read = (index + 1) % ring.Size;
            ushort sequence = IwxCommandHeader.MakeSequence(ring.Id, index);
            if (n < 0) ReplyError(sequence, 0, default, IwxErrorResponse.Malformed);
            else if (ring.IsCommandQueue) HandleCommand(_gather.AsSpan(0, n), sequence);
            else HandleTxTfd(ring, index, _gather.AsSpan(0, n));
            Kick();
        }
    }

    // ---- host commands ----

    private void HandleCommand(ReadOnlySpan<byte> bytes, ushort tfdSequence)
    {
        _device.CommandsProcessed++;
        if (!IwxCommandHeader.TryRead(bytes, out var h))
        {
            ReplyError(tfdSequence, 0, default, IwxErrorResponse.Malformed);
            return;
        }
        var payload = bytes[IwxCommandHeader.Size..];
        if (h.Length > payload.Length)
        {
            ReplyError(h.Sequence, h.Cookie, h.Id, IwxErrorResponse.Malformed);
            return;
        }
        payload = payload[..h.Length];
        var id = h.Id;
        bool ok =
            id == IwxCommandId.InitExtendedCfg || id == IwxCommandId.NvmAccessComplete || id == IwxCommandId.TxAntConfiguration
                ? IwxU32Command.TryRead(payload, out _) && RespondStatus(h, IwxStatusResponse.Ok)
            : id == IwxCommandId.PhyConfiguration ? IwxPhyConfigurationCmd.TryRead(payload, out _) && RespondStatus(h, IwxStatusResponse.Ok)
            : id == IwxCommandId.NvmGetInfo ? HandleNvmGetInfo(h)
            : id == IwxCommandId.PhyContext ? HandlePhyContext(h, payload)
            : id == IwxCommandId.MacContext ? HandleMacContext(h, payload)
            : id == IwxCommandId.BindingContext ? HandleBinding(h, payload)
            : id == IwxCommandId.AddSta ? HandleAddSta(h, payload)
            : id == IwxCommandId.RemoveSta ? HandleRemoveSta(h, payload)
            : id == IwxCommandId.AddStaKey ? HandleAddStaKey(h, payload)
            : id == IwxCommandId.ScdQueueCfg ? HandleScdQueueCfg(h, payload)
            : id == IwxCommandId.TxPathFlush ? HandleTxPathFlush(h, payload)
            : id == IwxCommandId.ScanCfg ? IwxScanCfgCmd.TryRead(payload, out _) && RespondStatus(h, IwxStatusResponse.Ok)
            : id == IwxCommandId.ScanReqUmac ? HandleScanRequest(h, payload)
            : id == IwxCommandId.ScanAbortUmac ? HandleScanAbort(h, payload)
            : id == IwxCommandId.DebugHostCommand ? HandleDebugCommand(h, payload)
            : UnknownCommand(h);
        if (!ok) ReplyError(h.Sequence, h.Cookie, id, IwxErrorResponse.Malformed);
    }

    private bool UnknownCommand(in IwxCommandHeader h)
    {
        // Data frames belong on data queues: on the command queue they are refused like an unknown command.
        ReplyError(h.Sequence, h.Cookie, h.Id, h.Id == IwxCommandId.TxCmd ? IwxErrorResponse.WrongQueue : IwxErrorResponse.UnknownCommand);
        return true;
    }

    private bool HandleDebugCommand(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        if (!IwxU32Command.TryRead(payload, out var what)) return false;
        if (what.Value == IwxU32Command.DebugSysAssert)
        {
            Assert(AssertDebugCommand);   // no response: the firmware is gone
            return true;
        }
        return RespondStatus(h, IwxStatusResponse.Ok);
    }

    // ---- responses and notifications ----

    private bool RespondStatus(in IwxCommandHeader h, uint status)
    {
        Span<byte> b = stackalloc byte[IwxStatusResponse.Size];
        BinaryPrimitives.WriteUInt32LittleEndian(b, status);
        Respond(h, b);
        return true;
    }

    /// <summary>The one response to a command, with the fault hooks applied.</summary>
    private void Respond(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        var id = h.Id;
        byte cookie = h.Cookie;
        if (_device.Faults.TakeCorruption(id, out var how))
        {
            if (how == IwxResponseCorruption.WrongCookie) cookie = (byte)~cookie;
            else id = id with { Opcode = (byte)(id.Opcode ^ 0x80) };
        }
        _device.ResponsesSent++;
        if (_device.Faults.TakeDelay(h.Id, out var delay))
        {
            var late = new DelayedPacket(this, id, h.Sequence, cookie, payload.ToArray(), _generation);
            _delayed.Add(late);
            late.Callout.Reset(delay, static s => ((DelayedPacket)s!).Fire(), late);
            return;
        }
        Send(id, h.Sequence, cookie, payload);
    }

    private void ReplyError(ushort sequence, byte cookie, IwxCommandId badId, uint errorType)
    {
        _device.ReplyErrors++;
        _device.ResponsesSent++;
        Span<byte> b = stackalloc byte[IwxErrorResponse.Size];
        new IwxErrorResponse { ErrorType = errorType, CmdId = badId.Opcode, GroupId = badId.Group, BadCmdSequence = sequence }.TryWrite(b);
        Send(IwxCommandId.ReplyError, sequence, cookie, b);
    }

    /// <summary>An unsolicited notification (sequence bit 15 set).</summary>
    private void Notify(IwxCommandId id, ReadOnlySpan<byte> payload)
    {
        _device.NotificationsSent++;
        Send(id, IwxRxPacketHeader.NotificationSequence, 0, payload);
    }

    /// <summary>Puts one packet on RX queue 0; false when it was dropped (overrun or DMA stopped).</summary>
    private bool Send(IwxCommandId id, ushort sequence, byte cookie, ReadOnlySpan<byte> payload)
    {
        if (!IsRunning) return false;
        payload.CopyTo(StagePayload(payload.Length));
        return SendStaged(id, sequence, cookie, payload.Length);
    }

    /// <summary>Room for a payload in the staging buffer: callers write into it, then call <see cref="SendStaged"/>.</summary>
    private Span<byte> StagePayload(int length) => _packet.AsSpan(IwxRxPacketHeader.Size, length);

    private bool SendStaged(IwxCommandId id, ushort sequence, byte cookie, int payloadLength)
    {
        if (!IsRunning) return false;
        IwxRxPacketHeader.For(id, sequence, payloadLength, cookie).TryWrite(_packet);
        return _device.RxQueue.Deliver(_packet.AsSpan(0, IwxRxPacketHeader.Size + payloadLength));
    }

    private void CancelDelayed()
    {
        foreach (var d in _delayed) d.Callout.Dispose();
        _delayed.Clear();
    }

    /// <summary>A response held back by <see cref="IwxDeviceFaults.DelayResponse"/>.</summary>
    private sealed class DelayedPacket(IwxFirmware firmware, IwxCommandId id, ushort sequence, byte cookie, byte[] payload, int generation)
    {
        public Callout Callout { get; } = new(firmware._device.Queue);

        public void Fire()
        {
            lock (firmware._device.SyncRoot)
            {
                firmware._delayed.Remove(this);
                Callout.Dispose();
                if (generation == firmware._generation) firmware.Send(id, sequence, cookie, payload);
            }
        }
    }
}
