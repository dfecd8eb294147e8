using Net80211.Channels;

namespace Net80211.Tests.Channels;

public class ChannelTableBuilderTests
{
    // 1-13 in 11b and 11g, 14 in 11b only.
    private const int BgDefaultCount = 13 * 2 + 1;

    private static readonly Ieee80211Channel Sentinel = new(1, 0, ChannelFlags.None);

    private static Ieee80211Channel[] SentinelBuffer(int length)
    {
        var buf = new Ieee80211Channel[length];
        Array.Fill(buf, Sentinel);
        return buf;
    }

    [Fact]
    public void FullTableFitsExactly()
    {
        var buf = SentinelBuffer(64);
        int n = 0;
        var r = ChannelTableBuilder.AddChannelsDefault2Ghz(buf, BgDefaultCount, ref n, ChannelBands.B | ChannelBands.G, ht40: false);
        Assert.Equal(ChannelAddResult.Ok, r);
        Assert.Equal(BgDefaultCount, n);
        Assert.All(buf[..n], c => Assert.NotSame(Sentinel, c));
        Assert.All(buf[n..], c => Assert.Same(Sentinel, c));
    }

    [Fact]
    public void OneShortOfFullStopsWithNoSpace()
    {
        var buf = SentinelBuffer(64);
        int n = 0;
        var r = ChannelTableBuilder.AddChannelsDefault2Ghz(buf, BgDefaultCount - 1, ref n, ChannelBands.B | ChannelBands.G, ht40: false);
        Assert.Equal(ChannelAddResult.NoSpace, r);
        Assert.Equal(BgDefaultCount - 1, n);
        Assert.All(buf[n..], c => Assert.Same(Sentinel, c));
    }

    [Fact]
    public void MaxChannelsOneWritesOneEntry()
    {
        var buf = SentinelBuffer(8);
        int n = 0;
        var r = ChannelTableBuilder.AddChannelsDefault2Ghz(buf, 1, ref n, ChannelBands.B | ChannelBands.G, ht40: false);
        Assert.Equal(ChannelAddResult.NoSpace, r);
        Assert.Equal(1, n);
        Assert.Equal(2412, buf[0].FrequencyMhz);
        Assert.Equal(ChannelFlags.B, buf[0].Flags);
        Assert.All(buf[1..], c => Assert.Same(Sentinel, c));
    }

    [Fact]
    public void MaxChannelsZeroWritesNothing()
    {
        var buf = SentinelBuffer(8);
        int n = 0;
        Assert.Equal(ChannelAddResult.NoSpace,
            ChannelTableBuilder.AddChannelsDefault2Ghz(buf, 0, ref n, ChannelBands.B | ChannelBands.G, ht40: false));
        Assert.Equal(0, n);
        Assert.Equal(ChannelAddResult.NoSpace,
            ChannelTableBuilder.AddChannel(buf, 0, ref n, 36, 0, 23, ChannelFlags.None, ChannelBands.A));
        Assert.Equal(0, n);
        Assert.All(buf, c => Assert.Same(Sentinel, c));
    }

    [Fact]
    public void SpanLengthLimitsEvenWhenMaxChannelsIsLarger()
    {
        var backing = SentinelBuffer(10);
        int n = 0;
        var r = ChannelTableBuilder.AddChannelList5Ghz(backing.AsSpan(0, 5), 100, ref n, ChannelPlan.Default5Ghz, ChannelBands.A, ht40: false);
        Assert.Equal(ChannelAddResult.NoSpace, r);
        Assert.Equal(5, n);
        Assert.All(backing[5..], c => Assert.Same(Sentinel, c));
    }

    [Fact]
    public void LaterCallsAppendAndStopAtTheSameLimit()
    {
        var buf = SentinelBuffer(40);
        int n = 0;
        Assert.Equal(ChannelAddResult.Ok, ChannelTableBuilder.AddChannelList2Ghz(buf, 30, ref n, [1, 6, 11], ChannelBands.B | ChannelBands.G, false));
        Assert.Equal(6, n);
        var r = ChannelTableBuilder.AddChannelList5Ghz(buf, 30, ref n, ChannelPlan.Default5Ghz, ChannelBands.A, false);
        Assert.Equal(ChannelAddResult.NoSpace, r);
        Assert.Equal(30, n);
        Assert.Equal(2412, buf[0].FrequencyMhz);
        Assert.Equal(5180, buf[6].FrequencyMhz);
        Assert.All(buf[30..], c => Assert.Same(Sentinel, c));
    }

    [Fact]
    public void TwoGhzEntriesComeInModeOrderAndChannel14IsCckOnly()
    {
        var caps = ChannelTestData.DualBandCaps();
        var on6 = caps.Where(c => c.Ieee == 6).Select(c => c.Flags).ToArray();
        Assert.Equal(
            [ChannelFlags.B, ChannelFlags.G, ChannelFlags.G | ChannelFlags.Ht20, ChannelFlags.G | ChannelFlags.Ht40Up, ChannelFlags.G | ChannelFlags.Ht40Down],
            on6);
        var on14 = caps.Where(c => c.Ieee == 14).ToArray();
        var only = Assert.Single(on14);
        Assert.Equal(ChannelFlags.B, only.Flags);
        Assert.Equal(2484, only.FrequencyMhz);
    }

    [Fact]
    public void TwoGhzHt40OnlyWhereTheSecondaryExists()
    {
        var buf = new Ieee80211Channel[128];
        int n = 0;
        Assert.Equal(ChannelAddResult.Ok, ChannelTableBuilder.AddChannelsDefault2Ghz(buf, buf.Length, ref n, ChannelBands.NG, ht40: true));
        var up = buf[..n].Where(c => c.IsHt40Up).Select(c => c.Ieee);
        var down = buf[..n].Where(c => c.IsHt40Down).Select(c => c.Ieee);
        Assert.Equal(Enumerable.Range(1, 9), up);
        Assert.Equal(Enumerable.Range(5, 9), down);

        n = 0;
        Assert.Equal(ChannelAddResult.Ok, ChannelTableBuilder.AddChannelList2Ghz(buf, buf.Length, ref n, ChannelPlan.Default2GhzNoEcm, ChannelBands.NG, ht40: true));
        Assert.Equal(Enumerable.Range(1, 7), buf[..n].Where(c => c.IsHt40Up).Select(c => c.Ieee));
        Assert.Equal(Enumerable.Range(5, 7), buf[..n].Where(c => c.IsHt40Down).Select(c => c.Ieee));
    }

    [Fact]
    public void FiveGhzHt40UsesTheStandardPairs()
    {
        var caps = ChannelTestData.DualBandCaps();
        Assert.Equal([36, 44, 52, 60, 100, 108, 116, 124, 132, 140, 149, 157], caps.Where(c => c.Is5Ghz && c.IsHt40Up).Select(c => c.Ieee));
        Assert.Equal([40, 48, 56, 64, 104, 112, 120, 128, 136, 144, 153, 161], caps.Where(c => c.Is5Ghz && c.IsHt40Down).Select(c => c.Ieee));
        Assert.Equal([ChannelFlags.A, ChannelFlags.A | ChannelFlags.Ht20], caps.Where(c => c.Ieee == 165).Select(c => c.Flags));
        Assert.All(caps.Where(c => c.IsHt40), c => Assert.Contains(caps, o => o.Ieee == c.ExtensionIeee && o.IsHt20));
    }

    [Fact]
    public void Ht40NeedsAnHtBand()
    {
        var buf = new Ieee80211Channel[64];
        int n = 0;
        ChannelTableBuilder.AddChannelList5Ghz(buf, buf.Length, ref n, [36, 40], ChannelBands.A, ht40: true);
        Assert.Equal(2, n);
        Assert.All(buf[..n], c => Assert.False(c.IsHt));
    }

    [Fact]
    public void AddChannelAddsOneEntryPerModeWithPower()
    {
        var buf = new Ieee80211Channel[8];
        int n = 0;
        Assert.Equal(ChannelAddResult.Ok, ChannelTableBuilder.AddChannel(buf, buf.Length, ref n, 1, 0, 20, ChannelFlags.None, ChannelBands.All2Ghz));
        Assert.Equal(3, n);
        Assert.Equal([ChannelFlags.B, ChannelFlags.G, ChannelFlags.G | ChannelFlags.Ht20], buf[..n].Select(c => c.Flags));
        Assert.All(buf[..n], c => { Assert.Equal(2412, c.FrequencyMhz); Assert.Equal(20, c.MaxRegTxPowerDbm); Assert.Equal(40, c.MaxTxPowerHalfDbm); });

        Assert.Equal(ChannelAddResult.Ok, ChannelTableBuilder.AddChannel(buf, buf.Length, ref n, 52, 0, 23, ChannelFlags.Passive | ChannelFlags.Dfs, ChannelBands.A));
        Assert.True(buf[3].IsDfs && buf[3].IsPassive && buf[3].IsA);
    }

    [Fact]
    public void BadArgumentsAreInvalidNotExceptions()
    {
        var buf = new Ieee80211Channel[8];
        int n = 0;
        Assert.Equal(ChannelAddResult.Invalid, ChannelTableBuilder.AddChannel(buf, 8, ref n, 1, 0, 20, ChannelFlags.None, ChannelBands.B | ChannelBands.A));
        Assert.Equal(ChannelAddResult.Invalid, ChannelTableBuilder.AddChannel(buf, 8, ref n, 1, 0, 20, ChannelFlags.None, ChannelBands.None));
        Assert.Equal(ChannelAddResult.Invalid, ChannelTableBuilder.AddChannel(buf, 8, ref n, 15, 0, 20, ChannelFlags.None, ChannelBands.B));
        Assert.Equal(ChannelAddResult.Invalid, ChannelTableBuilder.AddChannelList2Ghz(buf, 8, ref n, [1, 2], ChannelBands.A, false));
        Assert.Equal(ChannelAddResult.Invalid, ChannelTableBuilder.AddChannelList5Ghz(buf, 8, ref n, [36], ChannelBands.G, false));
        Assert.Equal(ChannelAddResult.Invalid, ChannelTableBuilder.AddChannelList2Ghz(buf, 8, ref n, [15], ChannelBands.B, false));
        Assert.Equal(0, n);
    }

    [Fact]
    public void AddChannelHt40PairsExistingHt20Entries()
    {
        var buf = new Ieee80211Channel[16];
        int n = 0;
        ChannelTableBuilder.AddChannelList5Ghz(buf, buf.Length, ref n, [36, 40, 165], ChannelBands.NA, ht40: false);
        Assert.Equal(3, n);

        Assert.Equal(ChannelAddResult.Ok, ChannelTableBuilder.AddChannelHt40(buf, buf.Length, ref n, 36, 23, ChannelFlags.A));
        Assert.Equal(5, n);
        Assert.True(buf[3].IsHt40Up && buf[3].Ieee == 36);
        Assert.True(buf[4].IsHt40Down && buf[4].Ieee == 40);
        Assert.Equal(23, buf[3].MaxRegTxPowerDbm);

        Assert.Equal(ChannelAddResult.NotFound, ChannelTableBuilder.AddChannelHt40(buf, buf.Length, ref n, 165, 23, ChannelFlags.A));
        Assert.Equal(ChannelAddResult.Invalid, ChannelTableBuilder.AddChannelHt40(buf, buf.Length, ref n, 44, 23, ChannelFlags.A));
        Assert.Equal(5, n);

        Assert.Equal(ChannelAddResult.NoSpace, ChannelTableBuilder.AddChannelHt40(buf, 6, ref n, 36, 23, ChannelFlags.A));
        Assert.Equal(6, n);
        Assert.Null(buf[6]);
    }

    [Fact]
    public void DefaultChannelsFollowExtendedChannelMode()
    {
        var buf = new Ieee80211Channel[ChannelTable.MaxChannels];
        int n = 0;
        Assert.Equal(ChannelAddResult.Ok, ChannelTableBuilder.AddDefaultChannels(buf, buf.Length, ref n, ChannelBands.G | ChannelBands.A, ht40: false));
        Assert.Equal(11 + ChannelPlan.Default5Ghz.Length, n);
        Assert.Equal(11, buf[..n].Max(c => c.Is2Ghz ? c.Ieee : 0));

        n = 0;
        ChannelTableBuilder.AddDefaultChannels(buf, buf.Length, ref n, ChannelBands.B, ht40: false, extendedChannelMode: true);
        Assert.Equal(14, n);

        n = 0;
        Assert.Equal(ChannelAddResult.NoSpace, ChannelTableBuilder.AddDefaultChannels(buf, 12, ref n, ChannelBands.G | ChannelBands.A, ht40: false));
        Assert.Equal(12, n);
        Assert.Equal(ChannelAddResult.Invalid, ChannelTableBuilder.AddDefaultChannels(buf, buf.Length, ref n, ChannelBands.None, ht40: false));
    }
}
