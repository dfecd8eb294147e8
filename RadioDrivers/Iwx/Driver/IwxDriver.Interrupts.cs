using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx;

// Interrupts: iwx_intr_msix. The ISR runs on the interrupt context's queue, reads and acknowledges the MSI-X
// causes and defers the work to the radio's queue; the deferred handler processes RX, restocks, and only
// then re-enables the vector through AUTOMASK_ST, so a cause raised meanwhile is delivered afterwards.
public sealed partial class IwxDriver
{
    private static readonly Action<object?> DeferredAction = static s => ((IwxDriver)s!).HandleInterrupt();

    private int _pendingFh, _pendingHw, _deferredQueued;
    private long _interrupts;

    /// <summary>MSI-X messages taken by the ISR.</summary>
    public long Interrupts => Interlocked.Read(ref _interrupts);

    /// <summary>The interrupt handler proper: touches only the cause registers and two atomics.</summary>
    private void Isr(int vector)
    {
        var mmio = _mmio;
        if (mmio is null || _handle.IsDisposed) return;
        Interlocked.Increment(ref _interrupts);
        uint fh = mmio.Read32(IwxMsix.FhIntCausesAd);
        uint hw = mmio.Read32(IwxMsix.HwIntCausesAd);
        // All-ones is what a vanished device reads as: nothing to ack, nothing to do.
        if (fh == uint.MaxValue && hw == uint.MaxValue) return;
        mmio.Write32(IwxMsix.FhIntCausesAd, fh);
        mmio.Write32(IwxMsix.HwIntCausesAd, hw);
        Interlocked.Or(ref _pendingFh, (int)fh);
        Interlocked.Or(ref _pendingHw, (int)hw);
        if (Interlocked.Exchange(ref _deferredQueued, 1) == 0) Ic.Queue.Enqueue(DeferredAction, this);
    }

    /// <summary>The deferred handler (iwx's interrupt thread), on the radio's queue.</summary>
    private void HandleInterrupt()
    {
        Volatile.Write(ref _deferredQueued, 0);
        uint fh = (uint)Interlocked.Exchange(ref _pendingFh, 0);
        uint hw = (uint)Interlocked.Exchange(ref _pendingHw, 0);
        if (_detached || _mmio is null || _handle.IsDisposed) return;

        if ((hw & IwxMsix.HwCauseSwErr) != 0)
        {
            FirmwareError();
        }
        else if ((hw & IwxMsix.HwCauseHwErr) != 0)
        {
            HardwareErrors++;
            Recover("hardware error");
        }
        else if ((fh & IwxMsix.FhCauseFhErr) != 0)
        {
            DmaFaults++;
            Recover("DMA fault (FH_ERR): the device touched memory outside its mappings");
        }
        else if ((fh & (IwxMsix.FhCauseQ0 | IwxMsix.FhCauseQ1)) != 0 || (hw & IwxMsix.HwCauseAlive) != 0)
        {
            ProcessRx();
        }
        if (!_handle.IsDisposed) _mmio.Write32(IwxMsix.AutomaskStAd, 1u << 0);
    }

    /// <summary>Firmware error / hardware error / DMA faults seen.</summary>
    public int HardwareErrors { get; private set; }
    public int DmaFaults { get; private set; }
}
