using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>The CSR space of BAR0 (docs/iwx-hardware.md §2).</summary>
public sealed partial class IwxDevice
{
    /// <summary>The MAC clock comes up this long after INIT_DONE.</summary>
    internal static readonly TimeSpan MacClockDelay = TimeSpan.FromMicroseconds(25);

    private uint _hwIfConfig;
    private uint _gpCntrl;          // driver-owned bits; MAC_CLOCK_READY and RF kill are computed
    private bool _macClockReady;
    private bool _masterDisabled;   // STOP_MASTER or a DMA fault: no DMA until reset
    private uint _ctxtInfoLo, _ctxtInfoHi;
    private uint _ucodeDrvGp1;
    private uint _prphWaddr, _prphRaddr;
    private uint _memRaddr;

    /// <summary>DMA is stopped (STOP_MASTER, or the engine stopped itself after a fault).</summary>
    internal bool DmaStopped => _masterDisabled;

    private void ResetCsrs()
    {
        _hwIfConfig = 0;
        _gpCntrl = 0;
        _macClockReady = false;
        _masterDisabled = false;
        _ctxtInfoLo = _ctxtInfoHi = 0;
        _ucodeDrvGp1 = 0;
        _prphWaddr = _prphRaddr = 0;
        _memRaddr = 0;
    }

    private uint ReadCsr(long offset)
    {
        switch (offset)
        {
            case IwxCsr.HwIfConfigReg: return _hwIfConfig;
            case IwxCsr.Reset: return _masterDisabled ? IwxCsr.ResetMasterDisabled : 0;
            case IwxCsr.GpCntrl:
                return (_gpCntrl & (IwxCsr.GpCntrlInitDone | IwxCsr.GpCntrlMacAccessReq))
                    | (_macClockReady ? IwxCsr.GpCntrlMacClockReady : 0) | IwxCsr.GpCntrlHwRfKillSw;
            case IwxCsr.HwRev: return IwxPciIds.HwRev(Model);
            case IwxCsr.CtxtInfoBaLo: return _ctxtInfoLo;
            case IwxCsr.CtxtInfoBaHi: return _ctxtInfoHi;
            case IwxCsr.UcodeDrvGp1: return _ucodeDrvGp1;
            case IwxCsr.MacAddr0Otp: return IwxCsr.MacAddressOtp(OtpAddress).Addr0;
            case IwxCsr.MacAddr1Otp: return IwxCsr.MacAddressOtp(OtpAddress).Addr1;
            case IwxCsr.HbusTargMemRaddr: return _memRaddr;
            case IwxCsr.HbusTargMemRdat:
                uint value = Sram.Read32(_memRaddr);
                _memRaddr += 4;
                return value;
            case IwxCsr.HbusTargPrphWaddr: return _prphWaddr;
            case IwxCsr.HbusTargPrphRaddr: return _prphRaddr;
            case IwxCsr.HbusTargPrphRdat: return ReadPrph(_prphRaddr & 0xFFFFF);
            case IwxCsr.HbusTargWrptr: return 0;
        }
        if (offset >= IwxCsr.RfhQ0FrbdcbWidxTrg && offset < IwxCsr.RfhQFrbdcbWidxTrg(IwxMsix.RxIvarCount))
            return offset == IwxCsr.RfhQ0FrbdcbWidxTrg ? (uint)RxQueue.RestockIndex : 0;
        if (TryReadInterruptRegister(offset, out uint msix)) return msix;
        UnknownRegisterAccesses++;
        return 0;
    }

    private void WriteCsr(long offset, uint value)
    {
        switch (offset)
        {
            case IwxCsr.HwIfConfigReg:
                _hwIfConfig = value;
                return;
            case IwxCsr.Reset:
                if ((value & IwxCsr.ResetSwReset) != 0)
                {
                    ResetDevice();   // self-clearing: the bit never reads back
                    return;
                }
                if ((value & IwxCsr.ResetStopMaster) != 0) StopMaster();
                return;
            case IwxCsr.GpCntrl:
                WriteGpCntrl(value);
                return;
            case IwxCsr.CtxtInfoBaLo:
                _ctxtInfoLo = value;
                return;
            case IwxCsr.CtxtInfoBaHi:
                _ctxtInfoHi = value;
                return;
            case IwxCsr.UcodeDrvGp1:
                _ucodeDrvGp1 = value;
                return;
            case IwxCsr.HbusTargMemRaddr:
                _memRaddr = value;
                return;
            case IwxCsr.HbusTargPrphWaddr:
                _prphWaddr = value;
                return;
            case IwxCsr.HbusTargPrphRaddr:
                _prphRaddr = value;
                return;
            case IwxCsr.HbusTargPrphWdat:
                WritePrph(_prphWaddr & 0xFFFFF, value);
                return;
            case IwxCsr.HbusTargWrptr:
                if (TxQueues.SetWritePointer(value)) _firmware.Kick();
                return;
            case IwxCsr.HwRev:
            case IwxCsr.MacAddr0Otp:
            case IwxCsr.MacAddr1Otp:
            case IwxCsr.HbusTargMemRdat:
            case IwxCsr.HbusTargPrphRdat:
                return; // read-only
        }
        if (offset == IwxCsr.RfhQ0FrbdcbWidxTrg)
        {
            RxQueue.Restock((int)(value & 0xFFF));
            return;
        }
        if (offset > IwxCsr.RfhQ0FrbdcbWidxTrg && offset < IwxCsr.RfhQFrbdcbWidxTrg(IwxMsix.RxIvarCount)) return; // queues we do not have
        if (TryWriteInterruptRegister(offset, value)) return;
        UnknownRegisterAccesses++;
    }

    private void WriteGpCntrl(uint value)
    {
        bool wasInit = (_gpCntrl & IwxCsr.GpCntrlInitDone) != 0;
        _gpCntrl = value & (IwxCsr.GpCntrlInitDone | IwxCsr.GpCntrlMacAccessReq);
        bool init = (_gpCntrl & IwxCsr.GpCntrlInitDone) != 0;
        if (init && !wasInit && !_macClockReady)
        {
            _macClock.Reset(MacClockDelay, static s => ((IwxDevice)s!).OnMacClockReady(), this);
        }
        else if (!init)
        {
            _macClock.Stop();
            _macClockReady = false;
        }
    }

    private void OnMacClockReady()
    {
        lock (_lock)
        {
            if ((_gpCntrl & IwxCsr.GpCntrlInitDone) != 0) _macClockReady = true;
        }
    }

    internal bool MacClockReady => _macClockReady;

    internal ulong ContextInfoAddress => (ulong)_ctxtInfoHi << 32 | _ctxtInfoLo;

    /// <summary>STOP_MASTER: the device finishes nothing more over DMA until reset.</summary>
    private void StopMaster()
    {
        _masterDisabled = true;
        _firmware.OnDmaStopped();
    }

    private uint ReadPrph(uint address) => address == (IwxPrph.UregCpuInitRun & 0xFFFFF) ? (_bootRom.Started ? 1u : 0u) : 0;

    private void WritePrph(uint address, uint value)
    {
        if (address == (IwxPrph.UregCpuInitRun & 0xFFFFF) && (value & 1) != 0) _bootRom.Start(ContextInfoAddress);
    }
}
