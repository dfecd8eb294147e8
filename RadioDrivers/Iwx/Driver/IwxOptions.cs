namespace Net80211.RadioDrivers.Iwx;

/// <summary>Driver tunables (what iwx keeps in #defines and sysctls).</summary>
public sealed record IwxOptions
{
    /// <summary>Let the firmware pick rates (CMD_RATE clear, ratectl "none"); otherwise the stack's rate
    /// control (AMRR) picks them and TX status feeds it.</summary>
    public bool FirmwareRateControl { get; init; }
    /// <summary>log2 of the RX ring size (256 buffers of 4 KiB by default).</summary>
    public int RxRingSizeLog2 { get; init; } = 8;
    /// <summary>How long the boot ROM may take to say ALIVE (iwx waits 1 s).</summary>
    public TimeSpan AliveTimeout { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>How long a host command may go unanswered.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Watchdog period.</summary>
    public TimeSpan WatchdogInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Age of the oldest frame in a TX queue at which the device counts as hung.</summary>
    public TimeSpan TxTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Frames a station may have waiting while its firmware TX queue is being set up.</summary>
    public int StationBacklog { get; init; } = 16;
}
