using Net80211.Frames;

namespace Net80211.Tests.Frames;

public class FrameParseCountersTests
{
    [Fact]
    public void CountsPerError_IgnoresNone_AndResets()
    {
        var counters = new FrameParseCounters();
        counters.Count(FrameParseError.None);
        counters.Count(FrameParseError.TooShort);
        counters.Count(FrameParseError.TooShort);
        counters.Count(FrameParseError.IeDuplicate);
        counters.Count((FrameParseError)999);

        Assert.Equal(2, counters[FrameParseError.TooShort]);
        Assert.Equal(1, counters[FrameParseError.IeDuplicate]);
        Assert.Equal(0, counters[FrameParseError.None]);
        Assert.Equal(0, counters[(FrameParseError)(-1)]);
        Assert.Equal(3, counters.Total);

        counters.Reset();
        Assert.Equal(0, counters.Total);
    }

    [Fact]
    public void EveryErrorValue_HasASlot()
    {
        var counters = new FrameParseCounters();
        foreach (FrameParseError e in Enum.GetValues<FrameParseError>()) counters.Count(e);
        Assert.Equal(Enum.GetValues<FrameParseError>().Length - 1, counters.Total);
    }

    [Fact]
    public void ConcurrentCounting_LosesNothing()
    {
        var counters = new FrameParseCounters();
        Parallel.For(0, 10_000, _ => counters.Count(FrameParseError.IeTruncated));
        Assert.Equal(10_000, counters[FrameParseError.IeTruncated]);
    }
}
