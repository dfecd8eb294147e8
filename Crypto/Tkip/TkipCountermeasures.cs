namespace Net80211.Crypto.Tkip;

/// <summary>
/// TKIP countermeasures (IEEE 802.11-2020 12.5.2.4): two Michael MIC failures within 60 s start them; for the
/// next 60 s no TKIP traffic is sent or received (the AP deauthenticates its TKIP stations, the STA
/// disassociates and does not associate again). Time comes from a <see cref="TimeProvider"/>, so it runs
/// in virtual time under simulation.
/// </summary>
/// <remarks>Use from one thread (the radio's queue), like the rest of a VAP's state.</remarks>
public sealed class TkipCountermeasures
{
    /// <summary>Two failures closer than this start countermeasures.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromSeconds(60);
    /// <summary>How long TKIP stays blocked.</summary>
    public static readonly TimeSpan BlockDuration = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time;
    private long _lastFailure;
    private bool _hasFailure;
    private long _blockedSince;
    private bool _blocked;

    public TkipCountermeasures(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>MIC failures reported so far.</summary>
    public long FailureCount { get; private set; }

    /// <summary>Times countermeasures started.</summary>
    public long ActivationCount { get; private set; }

    /// <summary>Countermeasures are in force: no TKIP frames may be sent or received.</summary>
    public bool IsBlocked => Remaining > TimeSpan.Zero;

    /// <summary>Time left until TKIP traffic may resume; zero when not blocked.</summary>
    public TimeSpan Remaining
    {
        get
        {
            if (!_blocked) return TimeSpan.Zero;
            TimeSpan left = BlockDuration - _time.GetElapsedTime(_blockedSince);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Records a Michael MIC failure (<see cref="Security.CipherResult.MsduMicFailure"/>, or one a
    /// peer reported in an EAPOL-Key MIC failure report). True when it starts countermeasures: the previous
    /// failure was at most 60 s ago and they are not already in force.</summary>
    public bool ReportMicFailure()
    {
        long now = _time.GetTimestamp();
        FailureCount++;
        bool wasBlocked = IsBlocked;
        bool second = _hasFailure && _time.GetElapsedTime(_lastFailure, now) <= FailureWindow;
        _lastFailure = now;
        _hasFailure = true;
        if (!second || wasBlocked) return false;
        _blocked = true;
        _blockedSince = now;
        ActivationCount++;
        return true;
    }

    /// <summary>Forgets past failures and lifts countermeasures (e.g. when TKIP is reconfigured).</summary>
    public void Reset()
    {
        _hasFailure = false;
        _blocked = false;
    }
}
