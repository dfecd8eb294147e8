namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>MSI-X cause, mask, auto-mask and IVAR registers and the cause bits (docs/iwx-hardware.md §2).</summary>
/// <remarks>Masks are inverted: a set bit disables the cause. Causes are write-1-to-clear.</remarks>
public static class IwxMsix
{
    public const long FhIntCausesAd = 0x2800;
    public const long FhIntMaskAd = 0x2804;
    public const long HwIntCausesAd = 0x2808;
    public const long HwIntMaskAd = 0x280c;
    /// <summary>Bit v set: vector v fired and is auto-masked; write 1 to re-enable it.</summary>
    public const long AutomaskStAd = 0x2810;
    /// <summary>One byte per RX queue: the vector it signals.</summary>
    public const long RxIvarAdReg = 0x2880;
    /// <summary>One byte per HW cause bit: the vector it signals.</summary>
    public const long IvarAdReg = 0x2890;

    public const int RxIvarCount = 16;
    public const int HwIvarCount = 32;

    // FH causes
    public const uint FhCauseQ0 = 1u << 0;
    public const uint FhCauseQ1 = 1u << 1;
    public const uint FhCauseD2SCh0 = 1u << 16;
    /// <summary>A DMA the IOMMU refused.</summary>
    public const uint FhCauseFhErr = 1u << 21;

    // HW causes
    public const uint HwCauseAlive = 1u << 0;
    public const uint HwCauseWakeup = 1u << 1;
    public const uint HwCauseResetDone = 1u << 2;
    public const uint HwCauseCtKill = 1u << 6;
    public const uint HwCauseRfKill = 1u << 7;
    /// <summary>Firmware error, e.g. SYSASSERT.</summary>
    public const uint HwCauseSwErr = 1u << 25;
    public const uint HwCauseFhTx = 1u << 27;
    public const uint HwCauseHwErr = 1u << 29;

    /// <summary>Register offset of the RX IVAR byte of <paramref name="queue"/>.</summary>
    public static long RxIvar(int queue) => RxIvarAdReg + queue;

    /// <summary>Register offset of the IVAR byte of HW cause bit <paramref name="causeBit"/>.</summary>
    public static long HwIvar(int causeBit) => IvarAdReg + causeBit;
}
