using Net80211.RadioDrivers.Air;

namespace RadioDrivers.Tests.Air;

public class RateChainTests
{
    [Fact]
    public void Stages_skip_zero_tries_and_create_matches_the_constructor()
    {
        var chain = RateChain.Create([(108, 2), (72, 0), (12, 4)]);
        Assert.Equal(new RateChain(108, 2, 72, 0, 12, 4), chain);
        Assert.Equal(0, chain.NextStage(0));
        Assert.Equal(2, chain.NextStage(1));
        Assert.Equal(-1, chain.NextStage(3));
        Assert.Equal(6, chain.TotalTries);
        Assert.Equal("54x2,6x4", chain.ToString());
        Assert.Equal(RateChain.Single(22, 3), new RateChain(22, 3));
        Assert.Throws<ArgumentException>(() => RateChain.Create([(2, 1), (4, 1), (11, 1), (22, 1), (12, 1)]));
    }
}
