using System.Numerics;
using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>MSI-X causes, masks, auto-mask and IVAR (docs/iwx-hardware.md §2 "Delivery rule").</summary>
/// <remarks>A vector fires when one of its causes is set and enabled and the vector is not auto-masked; firing
/// auto-masks it. Causes stay set until written back, so a cause still set (or raised again) when the ISR
/// re-enables the vector fires it again at once.</remarks>
public sealed partial class IwxDevice
{
    private uint _fhCauses, _hwCauses;
    private uint _fhMask = uint.MaxValue, _hwMask = uint.MaxValue;
    private uint _automask;
    private readonly byte[] _rxIvar = new byte[IwxMsix.RxIvarCount];
    private readonly byte[] _hwIvar = new byte[IwxMsix.HwIvarCount];

    /// <summary>Causes currently latched (for tests).</summary>
    public (uint Fh, uint Hw) PendingCauses { get { lock (_lock) return (_fhCauses, _hwCauses); } }

    internal void RaiseFh(uint causes)
    {
        _fhCauses |= causes;
        DeliverInterrupts();
    }

    internal void RaiseHw(uint causes)
    {
        _hwCauses |= causes;
        DeliverInterrupts();
    }

    private void ResetInterrupts()
    {
        _fhCauses = _hwCauses = 0;
        _fhMask = _hwMask = uint.MaxValue;
        _automask = 0;
        Array.Clear(_rxIvar);
        Array.Clear(_hwIvar);
    }

    private void DeliverInterrupts()
    {
        uint vectors = 0;
        uint fh = _fhCauses & ~_fhMask;
        while (fh != 0)
        {
            int bit = BitOperations.TrailingZeroCount(fh);
            fh &= fh - 1;
            // RX queue causes follow their IVAR byte; the other FH causes signal vector 0.
            vectors |= 1u << (bit < IwxMsix.RxIvarCount ? _rxIvar[bit] & 31 : 0);
        }
        uint hw = _hwCauses & ~_hwMask;
        while (hw != 0)
        {
            int bit = BitOperations.TrailingZeroCount(hw);
            hw &= hw - 1;
            vectors |= 1u << (_hwIvar[bit] & 31);
        }
        vectors &= ~_automask;
        while (vectors != 0)
        {
            int v = BitOperations.TrailingZeroCount(vectors);
            vectors &= vectors - 1;
            _automask |= 1u << v;
            InterruptsRaised++;
            RaiseMsix(v);
        }
    }

    private bool TryReadInterruptRegister(long offset, out uint value)
    {
        switch (offset)
        {
            case IwxMsix.FhIntCausesAd: value = _fhCauses; return true;
            case IwxMsix.FhIntMaskAd: value = _fhMask; return true;
            case IwxMsix.HwIntCausesAd: value = _hwCauses; return true;
            case IwxMsix.HwIntMaskAd: value = _hwMask; return true;
            case IwxMsix.AutomaskStAd: value = _automask; return true;
        }
        if (TryIvar(offset, out var bytes, out int first))
        {
            value = (uint)(bytes[first] | bytes[first + 1] << 8 | bytes[first + 2] << 16 | bytes[first + 3] << 24);
            return true;
        }
        value = 0;
        return false;
    }

    private bool TryWriteInterruptRegister(long offset, uint value)
    {
        switch (offset)
        {
            case IwxMsix.FhIntCausesAd: _fhCauses &= ~value; return true;
            case IwxMsix.HwIntCausesAd: _hwCauses &= ~value; return true;
            case IwxMsix.FhIntMaskAd: _fhMask = value; DeliverInterrupts(); return true;
            case IwxMsix.HwIntMaskAd: _hwMask = value; DeliverInterrupts(); return true;
            case IwxMsix.AutomaskStAd:
                _automask &= ~value;
                DeliverInterrupts();
                return true;
        }
        if (TryIvar(offset, out var bytes, out int first))
        {
            for (int i = 0; i < 4; i++) bytes[first + i] = (byte)(value >> (8 * i));
            DeliverInterrupts();
            return true;
        }
        return false;
    }

    private bool TryIvar(long offset, out byte[] bytes, out int first)
    {
        if (offset >= IwxMsix.RxIvarAdReg && offset < IwxMsix.RxIvarAdReg + IwxMsix.RxIvarCount)
        {
            bytes = _rxIvar;
            first = (int)(offset - IwxMsix.RxIvarAdReg);
            return true;
        }
        if (offset >= IwxMsix.IvarAdReg && offset < IwxMsix.IvarAdReg + IwxMsix.HwIvarCount)
        {
            bytes = _hwIvar;
            first = (int)(offset - IwxMsix.IvarAdReg);
            return true;
        }
        bytes = [];
        first = 0;
        return false;
    }
}
