using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>SYSASSERT (docs/iwx-hardware.md §8): the error table goes to SRAM at lmac_error_table, HW cause
/// SW_ERR is raised, and the firmware is silent — no responses, TX or RX — until the driver resets it.</summary>
internal sealed partial class IwxFirmware
{
    /// <summary>data1 of an assert requested with DEBUG_HOST_COMMAND.</summary>
    public const uint AssertDebugCommand = 1;
    /// <summary>data1 of an assert injected through <see cref="IwxDeviceFaults.Assert"/>.</summary>
    public const uint AssertInjected = 2;

    public void Assert(uint data1)
    {
        if (!IsRunning) return;
        _state = State.Asserted;
        _generation++;
        _engine.Stop();
        CancelDelayed();
        _dwell.Stop();
        _scanning = false;
        _scanFrequency = 0;
        StopBeaconWatch();
        _device.Asserts++;

        Span<byte> table = stackalloc byte[IwxErrorTable.Size];
        new IwxErrorTable
        {
            Valid = 1,
            ErrorId = IwxErrorTable.SysAssert,
            TrmHwStatus0 = 0x0000_01a0,
            TrmHwStatus1 = 0,
            Blink2 = 0x0004_6f3c,          // where the "code" was: a stable, recognisable program counter
            Ilink1 = 0x0004_6e80,
            Ilink2 = 0x0004_6e80,
            Data1 = data1,
        }.TryWrite(table);
        _device.Sram.Write(IwxSram.LmacErrorTable, table);
        _device.Port.FrequencyMhz = 0;
        _device.RaiseHw(IwxMsix.HwCauseSwErr);
    }
}
