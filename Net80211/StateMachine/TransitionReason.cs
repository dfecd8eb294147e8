namespace Net80211.StateMachine;

/// <summary>
/// Why a transition was requested: net80211's overloaded <c>int arg</c> to newstate, typed. The cause
/// says who asked; the 802.11 fields carry what the frame said (a management subtype that triggered it,
/// a reason or status code).
/// </summary>
public readonly record struct TransitionReason(
    TransitionCause Cause,
    ushort ReasonCode = 0,
    ushort StatusCode = 0,
    byte ManagementSubtype = 0)
{
    public static TransitionReason None => default;
    public static TransitionReason User => new(TransitionCause.User);

    public override string ToString()
    {
        var s = Cause.ToString();
        if (ReasonCode != 0) s += $" reason={ReasonCode}";
        if (StatusCode != 0) s += $" status={StatusCode}";
        if (ManagementSubtype != 0) s += $" subtype=0x{ManagementSubtype:x2}";
        return s;
    }
}

public enum TransitionCause
{
    None = 0,
    /// <summary>Administrative request: up/down, ifconfig, a control client.</summary>
    User,
    /// <summary>A scan finished (found or did not find a BSS).</summary>
    ScanDone,
    /// <summary>A management frame was received (auth, assoc response, deauth, disassoc ...).</summary>
    FrameReceived,
    /// <summary>A timer ran out (auth/assoc timeout, beacon miss, inactivity).</summary>
    Timeout,
    /// <summary>Beacons stopped arriving.</summary>
    BeaconMiss,
    /// <summary>The device was reset or restarted.</summary>
    Restart,
    /// <summary>The VAP is being destroyed.</summary>
    Destroy,
    /// <summary>Roaming decided to move.</summary>
    Roam,
    /// <summary>Security handshake failed.</summary>
    SecurityFailure,
}
