using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Net80211.Telemetry;

/// <summary>
/// The stack's telemetry names. The core only emits through <see cref="System.Diagnostics"/>; the host
/// (samples/) wires OpenTelemetry to these names.
/// </summary>
public static class Net80211Telemetry
{
    public const string SourceName = "Net80211.Core";
    public const string MeterName = "Net80211.Core";

    public static readonly ActivitySource ActivitySource = new(SourceName);
    public static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> FramesReceived = Meter.CreateCounter<long>("net80211.frames.received", "{frame}");
    public static readonly Counter<long> FramesTransmitted = Meter.CreateCounter<long>("net80211.frames.transmitted", "{frame}");
    public static readonly Counter<long> FramesDropped = Meter.CreateCounter<long>("net80211.frames.dropped", "{frame}",
        "Frames dropped by the stack, tagged with the reason");
    public static readonly Counter<long> StateTransitions = Meter.CreateCounter<long>("net80211.vap.state_transitions", "{transition}");
    public static readonly Counter<long> DeviceRestarts = Meter.CreateCounter<long>("net80211.radio.restarts", "{restart}");
}
