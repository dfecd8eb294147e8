namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>The two members of the family this driver knows (docs/iwx-hardware.md §1).</summary>
public enum IwxDeviceModel
{
    /// <summary>Wi-Fi 6 AX200 (22000 family, "cc" firmware).</summary>
    AX200,
    /// <summary>Wi-Fi 6E AX210 (AX210 family, "ty" firmware).</summary>
    AX210,
}

/// <summary>PCI identity, hardware revisions and firmware names (§1): the probe table of iwx.</summary>
public static class IwxPciIds
{
    public const ushort VendorIntel = 0x8086;
    public const ushort DeviceAx200 = 0x2723;
    public const ushort DeviceAx210 = 0x2725;
    public const ushort SubsystemVendor = 0x8086;
    public const ushort SubsystemAx200 = 0x0084;
    public const ushort SubsystemAx210 = 0x0024;

    /// <summary>Network controller, other.</summary>
    public const uint ClassCode = 0x028000;

    /// <summary>BAR0: 64-bit memory with the CSR space.</summary>
    public const int CsrBar = 0;
    public const long CsrBarSize = 16 * 1024;
    public const int MsixVectors = 16;

    public const uint HwRevAx200 = 0x00000340;
    public const uint HwRevAx210 = 0x00000420;
    /// <summary>The silicon step lives in the low two bits of CSR_HW_REV.</summary>
    public const uint HwRevStepMask = 0x3;

    public const string FirmwareAx200 = "iwlwifi-cc-a0-77.ucode";
    public const string FirmwareAx210 = "iwlwifi-ty-a0-gf-a0-77.ucode";

    /// <summary>The model behind a PCI device id (what iwx_probe matches).</summary>
    public static bool TryGetModel(ushort deviceId, out IwxDeviceModel model)
    {
        switch (deviceId)
        {
            case DeviceAx200: model = IwxDeviceModel.AX200; return true;
            case DeviceAx210: model = IwxDeviceModel.AX210; return true;
            default: model = default; return false;
        }
    }

    public static ushort DeviceId(IwxDeviceModel model) => model == IwxDeviceModel.AX210 ? DeviceAx210 : DeviceAx200;

    public static ushort SubsystemId(IwxDeviceModel model) => model == IwxDeviceModel.AX210 ? SubsystemAx210 : SubsystemAx200;

    public static uint HwRev(IwxDeviceModel model) => model == IwxDeviceModel.AX210 ? HwRevAx210 : HwRevAx200;

    public static string FirmwareName(IwxDeviceModel model) => model == IwxDeviceModel.AX210 ? FirmwareAx210 : FirmwareAx200;

    /// <summary>Marketing name for logs ("Wi-Fi 6 AX200").</summary>
    public static string ProductName(IwxDeviceModel model) => model == IwxDeviceModel.AX210 ? "Wi-Fi 6E AX210" : "Wi-Fi 6 AX200";
}
