using Net80211.StateMachine;

namespace Net80211.Events;

/// <summary>
/// Something the stack did that a person or a test may want to see: the source of transcripts, the live
/// event stream and telemetry events. Raised on the radio's work queue, stamped with the radio's clock.
/// </summary>
public abstract record StackEvent(TimeSpan Time, string Radio, string? Vap)
{
    /// <summary>One line, no timestamp: "wlan0: SCAN -> AUTH (ScanDone)".</summary>
    public abstract string Describe();
}

public sealed record VapStateChanged(TimeSpan Time, string Radio, string Vap, Ieee80211State From, Ieee80211State To, TransitionReason Reason)
    : StackEvent(Time, Radio, Vap)
{
    public override string Describe() => $"{Vap}: {From.Name()} -> {To.Name()} ({Reason})";
}

public sealed record VapTransitionRefused(TimeSpan Time, string Radio, string Vap, Ieee80211State From, Ieee80211State To, TransitionReason Reason, string Why)
    : StackEvent(Time, Radio, Vap)
{
    public override string Describe() => $"{Vap}: refused {From.Name()} -> {To.Name()} ({Reason}): {Why}";
}

public sealed record VapCreated(TimeSpan Time, string Radio, string Vap, Radio.OpMode Mode, MacAddress Address)
    : StackEvent(Time, Radio, Vap)
{
    public override string Describe() => $"{Vap}: created on {Radio}, mode {Net80211.Radio.OpModeNames.Name(Mode)}, address {Address}";
}

public sealed record VapDestroyed(TimeSpan Time, string Radio, string Vap) : StackEvent(Time, Radio, Vap)
{
    public override string Describe() => $"{Vap}: destroyed";
}

public sealed record RadioEvent(TimeSpan Time, string Radio, string What) : StackEvent(Time, Radio, null)
{
    public override string Describe() => $"{Radio}: {What}";
}

/// <summary>Something a VAP's opmode reports: a scan result, a join, a station (dis)associating, a refusal.</summary>
public sealed record VapEvent(TimeSpan Time, string Radio, string Vap, string What) : StackEvent(Time, Radio, Vap)
{
    public override string Describe() => $"{Vap}: {What}";
}
