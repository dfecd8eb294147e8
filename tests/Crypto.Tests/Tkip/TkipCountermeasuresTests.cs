using Net80211.Crypto.Tkip;
using Net80211.Scheduling;

namespace Crypto.Tests.Tkip;

/// <summary>12.5.2.4 in virtual time: two MIC failures within 60 s start 60 s of countermeasures.</summary>
public class TkipCountermeasuresTests
{
    private readonly SimulationScheduler _sim = new();

    [Fact]
    public void TwoFailuresWithinSixtySecondsBlockForSixtySeconds()
    {
        var cm = new TkipCountermeasures(_sim.Time);
        _sim.RunFor(TimeSpan.FromSeconds(5));
        Assert.False(cm.ReportMicFailure());
        Assert.False(cm.IsBlocked);

        _sim.RunFor(TimeSpan.FromSeconds(59.9));
        Assert.True(cm.ReportMicFailure());
        Assert.True(cm.IsBlocked);
        Assert.Equal(TimeSpan.FromSeconds(60), cm.Remaining);
        Assert.Equal((2L, 1L), (cm.FailureCount, cm.ActivationCount));

        _sim.RunFor(TimeSpan.FromSeconds(30));
        Assert.False(cm.ReportMicFailure());   // already in force: nothing starts
        Assert.True(cm.IsBlocked);
        Assert.Equal(TimeSpan.FromSeconds(30), cm.Remaining);

        _sim.RunFor(TimeSpan.FromSeconds(29.999));
        Assert.True(cm.IsBlocked);
        _sim.RunFor(TimeSpan.FromMilliseconds(1));
        Assert.False(cm.IsBlocked);
        Assert.Equal(TimeSpan.Zero, cm.Remaining);
        Assert.Equal(1L, cm.ActivationCount);
    }

    [Fact]
    public void FailuresFurtherApartDoNotStartCountermeasures()
    {
        var cm = new TkipCountermeasures(_sim.Time);
        Assert.False(cm.ReportMicFailure());
        _sim.RunFor(TimeSpan.FromSeconds(60.001));
        Assert.False(cm.ReportMicFailure());
        _sim.RunFor(TimeSpan.FromSeconds(61));
        Assert.False(cm.ReportMicFailure());
        Assert.False(cm.IsBlocked);

        // Exactly 60 s still counts as within.
        _sim.RunFor(TimeSpan.FromSeconds(60));
        Assert.True(cm.ReportMicFailure());
        Assert.True(cm.IsBlocked);

        cm.Reset();
        Assert.False(cm.IsBlocked);
        Assert.False(cm.ReportMicFailure());
    }

    [Fact]
    public void RequiresATimeProvider() => Assert.Throws<ArgumentNullException>(() => new TkipCountermeasures(null!));
}
