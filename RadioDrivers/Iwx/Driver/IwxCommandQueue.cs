using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.RadioDrivers.Pci;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Iwx;

/// <summary>
/// Queue 0, the host command queue (iwx_send_cmd / iwx_cmd_done): 32 TFDs, each pointing at its own slot of
/// a coherent command buffer holding the wide header and the payload. Every command gets a cookie, a
/// timeout callout and a completion (an awaitable <see cref="IwxSignal{T}"/>).
/// </summary>
/// <remarks>
/// Each slot's state is one int read and written with <see cref="Interlocked"/>/<see cref="Volatile"/>:
/// the response path and the submitter/timeout path may race (the ISR runs on another queue on real
/// hardware), and the compare-exchange decides who completes the command — exactly once. A command that
/// timed out leaves its slot <c>Poisoned</c>: its late answer is recognised by the cookie and discarded,
/// and an answer whose opcode, group or cookie does not belong to the slot's command is discarded too, so
/// neither can complete some other command that reused the slot.
/// </remarks>
internal sealed class IwxCommandQueue : IDisposable
{
    public const int Size = IwxTfd.CommandQueueSize;
    /// <summary>Bytes of header + payload one slot holds (SCAN_REQ_UMAC with every channel and 16 SSIDs fits).</summary>
    public const int SlotBytes = 2048;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    private const int Free = 0, InFlight = 1, Poisoned = 2;

    private readonly MmioRegion _mmio;
    private readonly DmaBuffer _tfds;
    private readonly DmaBuffer _commands;
    private readonly Slot[] _slots = new Slot[Size];
    private readonly Action _reclaim;
    private readonly Action<Action> _dispatch;
    private int _write;
    private int _cookie;
    private bool _enabled;
    private long _submitted, _timeouts, _late, _wrongCookie, _full, _unsolicited;

    /// <param name="reclaim">Processes answers already in the RX ring (the one reclaim before "queue full").</param>
    /// <param name="dispatch">Runs a waiter's completion: at once, or after the RX pass that found the answer,
    /// so a continuation never re-enters RX processing.</param>
    public IwxCommandQueue(DmaAllocator dma, MmioRegion mmio, IWorkQueue queue, Action reclaim, Action<Action> dispatch)
    {
        _mmio = mmio;
        _reclaim = reclaim;
        _dispatch = dispatch;
        _tfds = dma.AllocateCoherent(Size * IwxTfd.Size, "iwx cmd tfds");
        try
        {
            _commands = dma.AllocateCoherent(Size * SlotBytes, "iwx cmd buffers");
        }
        catch
        {
            _tfds.Dispose();
            throw;
        }
        for (int i = 0; i < Size; i++) _slots[i] = new Slot(this, new Callout(queue));
    }

    public ulong TfdIova => _tfds.Iova;
    public static byte SizeLog2 => 5;

    public long Submitted => Interlocked.Read(ref _submitted);
    public long Timeouts => Interlocked.Read(ref _timeouts);
    /// <summary>Answers to commands that had already timed out.</summary>
    public long LateResponsesDiscarded => Interlocked.Read(ref _late);
    /// <summary>Answers whose opcode, group or cookie did not match the command in their slot.</summary>
    public long WrongCookieDiscarded => Interlocked.Read(ref _wrongCookie);
    public long QueueFullFailures => Interlocked.Read(ref _full);
    /// <summary>Answers for a slot with no command in it at all.</summary>
    public long UnsolicitedResponses => Interlocked.Read(ref _unsolicited);

    /// <summary>Commands in flight (not answered, not timed out).</summary>
    public int InFlightCount
    {
        get
        {
            int n = 0;
            foreach (var s in _slots) if (Volatile.Read(ref s.State) == InFlight) n++;
            return n;
        }
    }

    /// <summary>The firmware said ALIVE: commands may go. The ring starts empty at index 0.</summary>
    public void Enable()
    {
        _write = 0;
        _tfds.Span.Clear();
        _enabled = true;
    }

    /// <summary>Device reset or power-down: every command still waiting fails with
    /// <see cref="IwxCommandStatus.DeviceDown"/>; slots are emptied.</summary>
    public void Disable()
    {
        _enabled = false;
        foreach (var slot in _slots)
        {
            slot.Timer.Stop();
            int was = Interlocked.Exchange(ref slot.State, Free);
            slot.PoisonedCookie = -1;
            if (was == InFlight) slot.Finish(IwxCommandStatus.DeviceDown, []);
        }
    }

    /// <summary>
    /// Queues a command. The returned signal completes exactly once: with the answer, a timeout, or at once
    /// when the queue is full or the device is down. <paramref name="expectResponse"/> false is for the
    /// emulator's DEBUG_HOST_COMMAND, which is never answered.
    /// </summary>
    public IwxSignal<IwxCommandResult> Submit(IwxCommandId id, ReadOnlySpan<byte> payload, TimeSpan? timeout = null, bool expectResponse = true)
    {
        // Data frames have their own queues and TFD layout: a TX_CMD here would be answered REPLY_ERROR by
        // the firmware and, worse, complete some command's waiter. Refuse the programming error outright.
        if (id == IwxCommandId.TxCmd)
            throw new ArgumentException("data frames never go on the command queue (queue 0)", nameof(id));

        var signal = new IwxSignal<IwxCommandResult>();
        if (!_enabled)
        {
            signal.TrySet(new IwxCommandResult(id, IwxCommandStatus.DeviceDown, []));
            return signal;
        }
        if (IwxCommandHeader.Size + payload.Length > SlotBytes)
        {
            signal.TrySet(new IwxCommandResult(id, IwxCommandStatus.TooLarge, []));
            return signal;
        }

        var slot = _slots[_write];
        if (IsFull())
        {
            // One reclaim: answers may be sitting in the RX ring, not processed yet.
            _reclaim();
            slot = _slots[_write];
            if (IsFull() || !_enabled)
            {
                Interlocked.Increment(ref _full);
                signal.TrySet(new IwxCommandResult(id, _enabled ? IwxCommandStatus.QueueFull : IwxCommandStatus.DeviceDown, []));
                return signal;
            }
        }

        int index = _write;
        byte cookie = NextCookie();
        var buffer = _commands.Span.Slice(index * SlotBytes, SlotBytes);
        IwxCommandHeader.For(id, IwxTfd.CommandQueueId, index, payload.Length, cookie).TryWrite(buffer);
        payload.CopyTo(buffer[IwxCommandHeader.Size..]);
        IwxTfd.Write(_tfds.Span.Slice(index * IwxTfd.Size, IwxTfd.Size),
            [new IwxTb(_commands.Iova + (ulong)(index * SlotBytes), (ushort)(IwxCommandHeader.Size + payload.Length))]);

        // A poisoned slot is reused; its cookie is remembered so the late answer is still recognised as late.
        if (Volatile.Read(ref slot.State) == Poisoned) slot.PoisonedCookie = slot.Cookie;
        slot.Id = id;
        slot.Cookie = cookie;
        slot.Waiter = signal;
        Interlocked.Increment(ref _submitted);
        if (expectResponse)
        {
            Volatile.Write(ref slot.State, InFlight);
            slot.Timer.Reset(timeout ?? DefaultTimeout, static s => ((Slot)s!).TimedOut(), slot);
        }
        else
        {
            Volatile.Write(ref slot.State, Free);
        }

        _write = (index + 1) % Size;
        _mmio.Write32(IwxCsr.HbusTargWrptr, IwxCsr.WritePointer(IwxTfd.CommandQueueId, _write));
        if (!expectResponse) slot.Finish(IwxCommandStatus.Ok, []);
        return signal;
    }

    /// <summary>
    /// An answer on RX queue 0 for a command sequence (bit 15 clear, queue 0). Returns false when it was
    /// discarded (late, wrong cookie/opcode/group, no command in the slot); each is counted.
    /// </summary>
    public bool OnResponse(in IwxRxPacketHeader header, ReadOnlySpan<byte> payload)
    {
        int index = header.Sequence & 0xff;
        if (index >= Size)
        {
            Interlocked.Increment(ref _unsolicited);
            return false;
        }
        var slot = _slots[index];
        int state = Volatile.Read(ref slot.State);
        if (state == Poisoned)
        {
            // The slot's command already failed with a timeout: its answer must not complete anything.
            if (header.Cookie == slot.Cookie && Interlocked.CompareExchange(ref slot.State, Free, Poisoned) == Poisoned)
                Interlocked.Increment(ref _late);
            else
                Interlocked.Increment(ref _wrongCookie);
            return false;
        }
        if (slot.PoisonedCookie >= 0 && header.Cookie == slot.PoisonedCookie)
        {
            // Late answer of a timed-out command whose slot has since been reused by another command.
            slot.PoisonedCookie = -1;
            Interlocked.Increment(ref _late);
            return false;
        }
        if (state != InFlight)
        {
            Interlocked.Increment(ref _unsolicited);
            return false;
        }
        if (header.Cookie != slot.Cookie || (header.Id != slot.Id && header.Id != IwxCommandId.ReplyError))
        {
            Interlocked.Increment(ref _wrongCookie);
            return false;
        }
        if (Interlocked.CompareExchange(ref slot.State, Free, InFlight) != InFlight)
        {
            Interlocked.Increment(ref _late);
            return false;
        }
        slot.Timer.Stop();
        slot.Finish(header.Id == IwxCommandId.ReplyError && slot.Id != IwxCommandId.ReplyError
            ? IwxCommandStatus.FirmwareError : IwxCommandStatus.Ok, payload.ToArray());
        return true;
    }

    /// <summary>A ring of N holds N-1 commands: write index == read index means empty to the device, so the
    /// slot after the one we would fill must not be waiting for its answer either.</summary>
    private bool IsFull()
        => Volatile.Read(ref _slots[_write].State) == InFlight || Volatile.Read(ref _slots[(_write + 1) % Size].State) == InFlight;

    private byte NextCookie()
    {
        // 1..255: 0 is what an uninitialised or forged answer carries.
        int c = Interlocked.Increment(ref _cookie) % 255 + 1;
        return (byte)c;
    }

    public void Dispose()
    {
        Disable();
        foreach (var s in _slots) s.Timer.Dispose();
        _tfds.Dispose();
        _commands.Dispose();
    }

    private sealed class Slot(IwxCommandQueue owner, Callout timer)
    {
        public int State;
        public IwxCommandId Id;
        public byte Cookie;
        /// <summary>Cookie of a timed-out command whose slot was reused, -1 when none.</summary>
        public int PoisonedCookie = -1;
        public IwxSignal<IwxCommandResult>? Waiter;
        public readonly Callout Timer = timer;

        public void TimedOut()
        {
            if (Interlocked.CompareExchange(ref State, Poisoned, InFlight) != InFlight) return;
            Interlocked.Increment(ref owner._timeouts);
            Finish(IwxCommandStatus.Timeout, []);
        }

        public void Finish(IwxCommandStatus status, byte[] response)
        {
            var w = Waiter;
            Waiter = null;
            if (w is null) return;
            var result = new IwxCommandResult(Id, status, response);
            owner._dispatch(() => w.TrySet(result));
        }
    }
}
