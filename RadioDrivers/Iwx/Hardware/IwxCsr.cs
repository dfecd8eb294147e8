namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>CSR register offsets in BAR0 and their bits (docs/iwx-hardware.md §2, if_iwxreg.h names).</summary>
public static class IwxCsr
{
    /// <summary>Read/write scratch: the driver writes MAC/PHY config bits the emulator ignores.</summary>
    public const long HwIfConfigReg = 0x000;

    public const long Reset = 0x020;
    /// <summary>Write 1: full device reset; self-clearing.</summary>
    public const uint ResetSwReset = 1u << 7;
    /// <summary>Read-only: DMA has stopped after <see cref="ResetStopMaster"/> (or a DMA fault).</summary>
    public const uint ResetMasterDisabled = 1u << 8;
    public const uint ResetStopMaster = 1u << 9;

    public const long GpCntrl = 0x024;
    /// <summary>Read-only: set by the device 25 µs after <see cref="GpCntrlInitDone"/>.</summary>
    public const uint GpCntrlMacClockReady = 1u << 0;
    public const uint GpCntrlInitDone = 1u << 2;
    public const uint GpCntrlMacAccessReq = 1u << 3;
    /// <summary>Read-only: 1 = the RF kill switch is off (radio allowed).</summary>
    public const uint GpCntrlHwRfKillSw = 1u << 27;

    public const long HwRev = 0x028;

    /// <summary>IOVA of the context info, low and high dwords.</summary>
    public const long CtxtInfoBaLo = 0x040;
    public const long CtxtInfoBaHi = 0x044;

    public const long UcodeDrvGp1 = 0x054;

    /// <summary>OTP MAC address: ADDR0 = a0&lt;&lt;24 | a1&lt;&lt;16 | a2&lt;&lt;8 | a3.</summary>
    public const long MacAddr0Otp = 0x380;
    /// <summary>OTP MAC address: ADDR1 = a4&lt;&lt;8 | a5.</summary>
    public const long MacAddr1Otp = 0x384;

    /// <summary>Device SRAM read address; auto-increments by 4 on each <see cref="HbusTargMemRdat"/> read.</summary>
    public const long HbusTargMemRaddr = 0x40c;
    public const long HbusTargMemRdat = 0x41c;

    public const long HbusTargPrphWaddr = 0x444;
    public const long HbusTargPrphRaddr = 0x448;
    public const long HbusTargPrphWdat = 0x44c;
    public const long HbusTargPrphRdat = 0x450;

    /// <summary>TX write pointer: <c>(qid &lt;&lt; 16) | index</c>.</summary>
    public const long HbusTargWrptr = 0x460;

    /// <summary>RX queue free-buffer write index (restock pointer) of queue 0.</summary>
    public const long RfhQ0FrbdcbWidxTrg = 0x1c80;

    /// <summary>Restock pointer register of RX queue <paramref name="queue"/>.</summary>
    public static long RfhQFrbdcbWidxTrg(int queue) => RfhQ0FrbdcbWidxTrg + 4L * queue;

    /// <summary>Periphery addresses carry 20 address bits and the byte-enable field 3 in bits 24..25.</summary>
    public static uint PrphAddress(uint address) => (address & 0xFFFFF) | (3u << 24);

    /// <summary>The value of <see cref="HbusTargWrptr"/> for a queue and write index.</summary>
    public static uint WritePointer(int queue, int index) => ((uint)queue << 16) | ((uint)index & 0xFFFF);

    /// <summary>The OTP register pair for a MAC address.</summary>
    public static (uint Addr0, uint Addr1) MacAddressOtp(MacAddress address)
    {
        uint a0 = (uint)address[0] << 24 | (uint)address[1] << 16 | (uint)address[2] << 8 | address[3];
        uint a1 = (uint)address[4] << 8 | address[5];
        return (a0, a1);
    }

    /// <summary>The MAC address from the OTP register pair (what the driver does when n_hw_addrs ≥ 1).</summary>
    public static MacAddress MacAddressFromOtp(uint addr0, uint addr1)
    {
        Span<byte> a = stackalloc byte[MacAddress.Length];
        a[0] = (byte)(addr0 >> 24);
        a[1] = (byte)(addr0 >> 16);
        a[2] = (byte)(addr0 >> 8);
        a[3] = (byte)addr0;
        a[4] = (byte)(addr1 >> 8);
        a[5] = (byte)addr1;
        return MacAddress.Read(a);
    }
}
