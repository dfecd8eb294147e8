namespace Net80211.Scan;

/// <summary>How a scan (or one sweep of a repeating scan) ended.</summary>
public enum ScanStatus
{
    /// <summary>Every channel was visited.</summary>
    Done,
    /// <summary><see cref="ScanEngine.Cancel"/> stopped it part way.</summary>
    Cancelled,
}
