using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>How <see cref="IwxDeviceFaults.CorruptNextResponse"/> damages a response.</summary>
public enum IwxResponseCorruption
{
    /// <summary>The cookie echo in len_n_flags is not the command's.</summary>
    WrongCookie,
    /// <summary>The response carries another opcode than the command at that sequence.</summary>
    WrongOpcode,
}

/// <summary>
/// Fault injection into the emulated NIC: each hook makes the device misbehave the way a real one can, so
/// the driver's error paths are tested against hardware, not mocks. One-shot hooks fire once and survive
/// resets until they do; a reset clears stalled queues.
/// </summary>
public sealed class IwxDeviceFaults
{
    /// <summary>Stall every data queue.</summary>
    public const int AllDataQueues = -1;

    private readonly IwxDevice _device;
    private readonly Dictionary<IwxCommandId, TimeSpan> _delays = [];
    private readonly Dictionary<IwxCommandId, IwxResponseCorruption> _corruptions = [];
    private readonly HashSet<int> _stalled = [];
    private bool _stallAll;
    private bool _bogusRxWrite;

    internal IwxDeviceFaults(IwxDevice device) => _device = device;

    /// <summary>The boot ROM never says ALIVE (a bad image, a dead CPU). Stays set across resets until cleared.</summary>
    public bool FailBoot { get; set; }

    /// <summary>The next response to <paramref name="id"/> is sent <paramref name="delay"/> late; the firmware
    /// goes on with later commands meanwhile (the driver sees a timeout, then a late response).</summary>
    public void DelayResponse(IwxCommandId id, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_device.SyncRoot) _delays[id] = delay;
    }

    /// <summary>The next response to <paramref name="id"/> carries a wrong cookie or a wrong opcode for its sequence.</summary>
    public void CorruptNextResponse(IwxCommandId id, IwxResponseCorruption how = IwxResponseCorruption.WrongCookie)
    {
        lock (_device.SyncRoot) _corruptions[id] = how;
    }

    /// <summary>The firmware stops taking TFDs from data queue <paramref name="qid"/> (or <see cref="AllDataQueues"/>):
    /// no TX, no TX responses, until reset or <see cref="ResumeTxQueue"/>.</summary>
    public void StallTxQueue(int qid)
    {
        lock (_device.SyncRoot)
        {
            if (qid == AllDataQueues) _stallAll = true;
            else _stalled.Add(qid);
        }
    }

    public void ResumeTxQueue(int qid)
    {
        lock (_device.SyncRoot)
        {
            if (qid == AllDataQueues)
            {
                _stallAll = false;
                _stalled.Clear();
            }
            else _stalled.Remove(qid);
            _device.Firmware.Kick();
        }
    }

    /// <summary>The firmware SYSASSERTs now (also in the middle of traffic): error table in SRAM, SW_ERR, silence.</summary>
    public void Assert()
    {
        lock (_device.SyncRoot)
        {
            InjectedAsserts++;
            _device.Firmware.Assert(IwxFirmware.AssertInjected);
        }
    }

    /// <summary>The next RX packet is DMA-written to an IOVA that is not mapped: an IOMMU fault, FH_ERR.</summary>
    public void DmaToUnmapped()
    {
        lock (_device.SyncRoot) _bogusRxWrite = true;
    }

    /// <summary>A buggy firmware: puts <paramref name="raw"/> on RX queue 0 as it is (header, lengths and all,
    /// at most one 4 KiB buffer) and signals it. False when the queue could not take it (overrun, DMA stopped,
    /// firmware not running).</summary>
    public bool InjectRxPacket(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > IwxRxBufferDescriptors.BufferSize) throw new ArgumentException("one packet per 4 KiB buffer", nameof(raw));
        lock (_device.SyncRoot)
        {
            if (!_device.FirmwareRunning) return false;
            InjectedRxPackets++;
            return _device.RxQueue.Deliver(raw);
        }
    }

    public int InjectedRxPackets { get; private set; }
    public int DelayedResponses { get; private set; }
    public int CorruptedResponses { get; private set; }
    public int InjectedAsserts { get; private set; }
    public int InjectedDmaFaults { get; private set; }

    internal bool IsStalled(int qid) => qid != 0 && (_stallAll || _stalled.Contains(qid));

    internal bool TakeDelay(IwxCommandId id, out TimeSpan delay)
    {
        if (!_delays.Remove(id, out delay)) return false;
        DelayedResponses++;
        return true;
    }

    internal bool TakeCorruption(IwxCommandId id, out IwxResponseCorruption how)
    {
        if (!_corruptions.Remove(id, out how)) return false;
        CorruptedResponses++;
        return true;
    }

    internal bool TakeBogusRxWrite()
    {
        if (!_bogusRxWrite) return false;
        _bogusRxWrite = false;
        InjectedDmaFaults++;
        return true;
    }

    /// <summary>A stuck queue is firmware state: a reset (the driver's recovery) clears it. The one-shot
    /// hooks wait for their event, so a test may arm them before the driver's attach resets the device.</summary>
    internal void OnDeviceReset()
    {
        _stalled.Clear();
        _stallAll = false;
    }
}
