using System.Diagnostics;
using System.Diagnostics.Metrics;
using Net80211.Radio;
using Net80211.Telemetry;
using Net80211.Testing;

namespace Net80211.Tests.Telemetry;

public class TelemetryTests
{
    [Fact]
    public void State_transitions_are_activities_and_counted()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Net80211Telemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) activities.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);

        long transitions = 0;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Net80211Telemetry.MeterName && instrument.Name == "net80211.vap.state_transitions")
                l.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref transitions, value));
        meters.Start();

        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.Sta, name: "wlan7").Vap!;
        world.OnQueue(vap.Up);

        Activity a;
        lock (activities) a = Assert.Single(activities, x => (string?)x.GetTagItem("net80211.vap") == "wlan7");
        Assert.Equal("vap.newstate", a.OperationName);
        Assert.Equal("INIT", a.GetTagItem("net80211.state.from"));
        Assert.Equal("SCAN", a.GetTagItem("net80211.state.to"));
        Assert.True(Interlocked.Read(ref transitions) >= 1);
    }
}
