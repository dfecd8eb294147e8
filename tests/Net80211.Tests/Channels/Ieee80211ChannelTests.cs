using Net80211.Channels;

namespace Net80211.Tests.Channels;

public class Ieee80211ChannelTests
{
    [Theory]
    [InlineData(1, 2412)]
    [InlineData(6, 2437)]
    [InlineData(13, 2472)]
    [InlineData(14, 2484)]
    public void TwoGhzNumbersAndFrequencies(int ieee, int freq)
    {
        Assert.Equal(freq, Ieee80211Channel.IeeeToFrequency(ieee, ChannelFlags.B));
        Assert.Equal(ieee, Ieee80211Channel.FrequencyToIeee(freq, ChannelFlags.G));
        Assert.Equal(freq, Ieee80211Channel.IeeeToFrequency(ieee));
        Assert.Equal(ieee, Ieee80211Channel.FrequencyToIeee(freq));
    }

    [Theory]
    [InlineData(36, 5180)]
    [InlineData(64, 5320)]
    [InlineData(100, 5500)]
    [InlineData(144, 5720)]
    [InlineData(165, 5825)]
    [InlineData(184, 4920)]
    [InlineData(196, 4980)]
    public void FiveGhzNumbersAndFrequencies(int ieee, int freq)
    {
        Assert.Equal(freq, Ieee80211Channel.IeeeToFrequency(ieee, ChannelFlags.A));
        Assert.Equal(ieee, Ieee80211Channel.FrequencyToIeee(freq, ChannelFlags.A));
        Assert.Equal(freq, Ieee80211Channel.IeeeToFrequency(ieee));
        Assert.Equal(ieee, Ieee80211Channel.FrequencyToIeee(freq));
    }

    [Theory]
    [InlineData(2413, ChannelFlags.B)]   // off the 5 MHz raster
    [InlineData(2477, ChannelFlags.B)]   // "channel 14" on the raster does not exist
    [InlineData(2407, ChannelFlags.B)]   // channel 0
    [InlineData(5182, ChannelFlags.A)]
    [InlineData(5180, ChannelFlags.B)]   // 5 GHz frequency claimed as 2.4 GHz
    [InlineData(1000, ChannelFlags.None)]
    public void FrequenciesOffAnyChannelMapToZero(int freq, ChannelFlags flags)
        => Assert.Equal(0, Ieee80211Channel.FrequencyToIeee(freq, flags));

    [Theory]
    [InlineData(0, ChannelFlags.B)]
    [InlineData(15, ChannelFlags.B)]
    [InlineData(0, ChannelFlags.A)]
    [InlineData(200, ChannelFlags.A)]
    public void NumbersOffAnyChannelMapToZero(int ieee, ChannelFlags flags)
        => Assert.Equal(0, Ieee80211Channel.IeeeToFrequency(ieee, flags));

    [Fact]
    public void EveryDefaultChannelRoundTrips()
    {
        foreach (byte ch in ChannelPlan.Default2Ghz)
            Assert.Equal(ch, Ieee80211Channel.FrequencyToIeee(Ieee80211Channel.IeeeToFrequency(ch, ChannelFlags.G), ChannelFlags.G));
        foreach (byte ch in ChannelPlan.Default5Ghz)
            Assert.Equal(ch, Ieee80211Channel.FrequencyToIeee(Ieee80211Channel.IeeeToFrequency(ch, ChannelFlags.A), ChannelFlags.A));
    }

    [Fact]
    public void ToStringMatchesIfconfigListChan()
    {
        Assert.Equal("Channel  36 : 5180  MHz 11a ht/40+", new Ieee80211Channel(5180, 36, ChannelFlags.A | ChannelFlags.Ht40Up).ToString());
        Assert.Equal("Channel  40 : 5200  MHz 11a ht/40-", new Ieee80211Channel(5200, 40, ChannelFlags.A | ChannelFlags.Ht40Down).ToString());
        Assert.Equal("Channel   1 : 2412  MHz 11b", new Ieee80211Channel(2412, 1, ChannelFlags.B).ToString());
        Assert.Equal("Channel   6 : 2437  MHz 11g", new Ieee80211Channel(2437, 6, ChannelFlags.G).ToString());
        Assert.Equal("Channel  11 : 2462  MHz 11g ht/20", new Ieee80211Channel(2462, 11, ChannelFlags.G | ChannelFlags.Ht20).ToString());
        Assert.Equal("Channel 165 : 5825  MHz 11a", new Ieee80211Channel(5825, 165, ChannelFlags.A).ToString());
        Assert.Equal("Channel  52 : 5260* MHz 11a ht/20",
            new Ieee80211Channel(5260, 52, ChannelFlags.A | ChannelFlags.Ht20 | ChannelFlags.Passive | ChannelFlags.Dfs).ToString());
    }

    [Fact]
    public void VerboseToStringShowsDfsAndState()
    {
        var c = new Ieee80211Channel(5260, 52, ChannelFlags.A | ChannelFlags.Passive | ChannelFlags.Dfs);
        Assert.Equal("Channel  52 : 5260*D    MHz 11a", c.ToString(verbose: true));
        Assert.Equal("Channel  52 : 5260*DR C MHz 11a", c.ToString(verbose: true, ChannelState.Radar | ChannelState.CacDone));
        Assert.Equal("Channel  36 : 5180      MHz 11a", new Ieee80211Channel(5180, 36, ChannelFlags.A).ToString(verbose: true));
    }

    [Fact]
    public void DerivedProperties()
    {
        var up = new Ieee80211Channel(5180, 36, ChannelFlags.A | ChannelFlags.Ht40Up);
        Assert.True(up.Is5Ghz);
        Assert.False(up.Is2Ghz);
        Assert.True(up.IsHt40 && up.IsHt40Up && up.IsHt && !up.IsHt20);
        Assert.Equal(40, up.ExtensionIeee);
        Assert.Equal(5200, up.ExtensionFrequencyMhz);
        Assert.Equal(5190, up.CenterFrequencyMhz);
        Assert.Equal(40, up.WidthMhz);

        var down = new Ieee80211Channel(2437, 6, ChannelFlags.G | ChannelFlags.Ht40Down);
        Assert.Equal(2, down.ExtensionIeee);
        Assert.Equal(2427, down.CenterFrequencyMhz);
        Assert.True(down.IsCck && down.IsOfdm && down.IsG && !down.IsB);

        var b = new Ieee80211Channel(2484, 14, ChannelFlags.B | ChannelFlags.Passive);
        Assert.True(b.IsB && b.IsCck && !b.IsOfdm && b.IsPassive && !b.IsDfs);
        Assert.Equal(0, b.ExtensionIeee);
        Assert.Equal(ChannelFlags.B, b.ModeFlags);
    }

    [Fact]
    public void WithMethodsReturnNewInstancesAndLeaveTheOriginal()
    {
        var c = new Ieee80211Channel(5260, 52, ChannelFlags.A, 20, 40, 2);
        var dfs = c.WithFlags(c.Flags | ChannelFlags.Dfs);
        Assert.NotSame(c, dfs);
        Assert.False(c.IsDfs);
        Assert.True(dfs.IsDfs);
        Assert.Equal(20, dfs.MaxRegTxPowerDbm);
        Assert.Same(c, c.WithFlags(c.Flags));

        var p = c.WithMaxPower(17);
        Assert.Equal(17, p.MaxRegTxPowerDbm);
        Assert.Equal(34, p.MaxTxPowerHalfDbm);
        Assert.Equal(20, c.MaxRegTxPowerDbm);
        Assert.Equal(30, c.WithMaxPower(23, 30).MaxTxPowerHalfDbm);
        Assert.Equal(5, c.WithMinPower(5).MinTxPowerHalfDbm);
    }

    [Fact]
    public void CreateDerivesFrequencyAndRejectsUnknownNumbers()
    {
        var c = Ieee80211Channel.Create(36, ChannelFlags.A, 23);
        Assert.NotNull(c);
        Assert.Equal(5180, c.FrequencyMhz);
        Assert.Equal(46, c.MaxTxPowerHalfDbm);
        Assert.Null(Ieee80211Channel.Create(15, ChannelFlags.B));
    }

    [Fact]
    public void ConstructorRejectsContradictoryOrOutOfRangeValues()
    {
        Assert.Throws<ArgumentException>(() => new Ieee80211Channel(5180, 36, ChannelFlags.A | ChannelFlags.Ht40));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ieee80211Channel(0, 36, ChannelFlags.A));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ieee80211Channel(5180, 256, ChannelFlags.A));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ieee80211Channel(5180, 36, ChannelFlags.A, maxRegTxPowerDbm: 200));
    }

    [Fact]
    public void MatchesIgnoresRegulatoryBits()
    {
        var c = new Ieee80211Channel(5260, 52, ChannelFlags.A | ChannelFlags.Dfs | ChannelFlags.Passive);
        Assert.True(c.Matches(5260, ChannelFlags.A));
        Assert.False(c.Matches(5260, ChannelFlags.A | ChannelFlags.Ht20));
        Assert.False(c.Matches(5280, ChannelFlags.A));
    }
}
