using System.Buffers.Binary;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Iwx;

// Watchdog and recovery: the conversion guide's TX watchdog as a 1 s callout (a queue with a frame older than
// the TX timeout means the device is hung), and iwx's fatal-error path (SW_ERR with the error table read
// through HBUS_TARG_MEM, FH_ERR): reset the device and have the stack restart every VAP, which powers the
// device up again — a firmware reload — and rejoins.
public sealed partial class IwxDriver
{
    private Callout? _watchdog;

    public int DeviceTimeouts { get; private set; }
    public int FirmwareErrors { get; private set; }
    /// <summary>Resets that ended in a restart of the radio.</summary>
    public int Recoveries { get; private set; }
    /// <summary>The last firmware error table read (valid after a SW_ERR).</summary>
    public IwxErrorTable? LastErrorTable { get; private set; }

    // ---- counters of the command queue (kept across detach) ----
    public long CommandTimeouts => _cmdq?.Timeouts ?? 0;
    public long LateResponsesDiscarded => _cmdq?.LateResponsesDiscarded ?? 0;
    public long WrongCookieDiscarded => _cmdq?.WrongCookieDiscarded ?? 0;
    public long CommandQueueFull => _cmdq?.QueueFullFailures ?? 0;
    public long UnsolicitedResponses => _cmdq?.UnsolicitedResponses ?? 0;
    public long CommandsSubmitted => _cmdq?.Submitted ?? 0;
    public int CommandsInFlight => _cmdq?.InFlightCount ?? 0;

    private void ArmWatchdog()
    {
        if (_watchdog is { Pending: false }) _watchdog.Reset(_options.WatchdogInterval, static s => ((IwxDriver)s!).Watchdog(), this);
    }

    private void Watchdog()
    {
        if (!_up) return;
        long now = Ic.Time.GetTimestamp();
        bool busy = false;
        foreach (var ring in _dataRings)
        {
            if (ring?.OldestTimestamp is not long queued) continue;
            busy = true;
            if (Ic.Time.GetElapsedTime(queued, now) < _options.TxTimeout) continue;
            DeviceTimeouts++;
            Recover($"device timeout: TX queue {ring.QueueId} stuck with {ring.Count} frames");
            return;
        }
        if (busy) ArmWatchdog();
    }

    /// <summary>SW_ERR: read the LMAC error table out of device SRAM and log the error by name.</summary>
    private void FirmwareError()
    {
        FirmwareErrors++;
        string what = "firmware error";
        if (Alive is { } alive && _mmio is not null)
        {
            Span<byte> table = stackalloc byte[IwxErrorTable.Size];
            _mmio.Write32(IwxCsr.HbusTargMemRaddr, alive.LmacErrorTable);
            for (int i = 0; i < IwxErrorTable.Dwords; i++)
                BinaryPrimitives.WriteUInt32LittleEndian(table[(4 * i)..], _mmio.Read32(IwxCsr.HbusTargMemRdat));
            if (IwxErrorTable.TryRead(table, out var error) && error.Valid != 0)
            {
                LastErrorTable = error;
                what = $"firmware error: {IwxErrorTable.ErrorName(error.ErrorId)} ({Hex(error.ErrorId)})";
            }
        }
        Recover(what);
    }

    /// <summary>
    /// The fatal-error path: stop the device (pending commands fail, every frame in flight completes with
    /// DeviceError), drop queued firmware work, and restart the radio: the VAPs stop and start again, the
    /// device is powered up with a freshly loaded firmware, and they rejoin. During attach it just fails the boot.
    /// </summary>
    private void Recover(string why)
    {
        Log(why);
        _ops.Clear();
        bool running = _up || _wantUp;
        AbortOffloadedScan();
        ForgetContexts();
        StopDevice("recover");
        if (!IsAttached || !running) return;
        Recoveries++;
        Ic.RestartAll(why);
    }

    /// <summary>Test hook: a host command straight onto queue 0.</summary>
    internal IwxSignal<IwxCommandResult> SubmitCommand(IwxCommandId id, ReadOnlySpan<byte> payload) => Send(id, payload);

    /// <summary>For tests and the debugger: make the firmware SYSASSERT (the emulator's DEBUG_HOST_COMMAND).</summary>
    public void InjectFirmwareAssert()
        => Ic.Queue.Enqueue(() => Send(IwxCommandId.DebugHostCommand, [1, 0, 0, 0], expectResponse: false));
}
