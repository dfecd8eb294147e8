namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>Periphery registers reached through HBUS_TARG_PRPH_* (docs/iwx-hardware.md §2).</summary>
public static class IwxPrph
{
    /// <summary>Write 1: the boot ROM starts the firmware from the context info.</summary>
    public const uint UregCpuInitRun = 0xa05c44;
}
