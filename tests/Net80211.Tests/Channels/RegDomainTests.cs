using Net80211.Channels;

namespace Net80211.Tests.Channels;

public class RegDomainTests
{
    private static readonly Ieee80211Channel[] Caps = ChannelTestData.DualBandCaps();

    private static readonly int[] Low = [36, 40, 44, 48];
    private static readonly int[] Dfs52 = [52, 56, 60, 64];
    private static readonly int[] Dfs100To140 = [100, 104, 108, 112, 116, 120, 124, 128, 132, 136, 140];
    private static readonly int[] High = [149, 153, 157, 161, 165];

    [Fact]
    public void UsHasOneToElevenAndNoTwelveToFourteen()
    {
        var t = RegDomains.Fcc.Apply(Caps);
        for (int ch = 1; ch <= 11; ch++)
        {
            Assert.NotNull(t.FindByIeee(ch, ChannelFlags.B));
            Assert.NotNull(t.FindByIeee(ch, ChannelFlags.G));
        }
        Assert.Empty(t.OnIeee(12));
        Assert.Empty(t.OnIeee(13));
        Assert.Empty(t.OnIeee(14));
    }

    [Fact]
    public void JapanAllowsChannel14CckOnly()
    {
        var t = RegDomains.Japan.Apply(Caps);
        var c14 = Assert.Single(t.OnIeee(14));
        Assert.Equal(ChannelFlags.B, c14.ModeFlags);
        Assert.Equal(ChannelFlags.None, c14.Flags & (ChannelFlags.Ofdm | ChannelFlags.Dynamic | ChannelFlags.Ht));
        Assert.False(c14.IsOfdm);
        Assert.NotNull(t.FindByIeee(13, ChannelFlags.G | ChannelFlags.Ht20));
    }

    [Fact]
    public void JapanDropsOfdmOnChannel14EvenWhenTheRadioOffersIt()
    {
        var buf = new Ieee80211Channel[8];
        int n = 0;
        ChannelTableBuilder.AddChannel(buf, buf.Length, ref n, 14, 0, 0, ChannelFlags.None, ChannelBands.All2Ghz);
        Assert.Equal(3, n);
        var t = RegDomains.Japan.Apply(buf.AsSpan(0, n));
        Assert.Equal(ChannelFlags.B, Assert.Single(t).ModeFlags);
    }

    [Fact]
    public void GermanyAllowsTwelveAndThirteenButNotFourteen()
    {
        var t = RegDomains.Etsi.Apply(Caps);
        foreach (int ch in new[] { 12, 13 })
        {
            Assert.NotNull(t.FindByIeee(ch, ChannelFlags.B));
            Assert.NotNull(t.FindByIeee(ch, ChannelFlags.G | ChannelFlags.Ht20));
            Assert.All(t.OnIeee(ch), c => Assert.False(c.IsPassive));
        }
        Assert.Empty(t.OnIeee(14));
    }

    public static TheoryData<string> DfsDomains => new() { "FCC", "ETSI", "JAPAN" };

    [Theory]
    [MemberData(nameof(DfsDomains))]
    public void DfsOnFiftyTwoToSixtyFourAndHundredToHundredForty(string name)
    {
        Assert.True(RegDomains.TryGetByName(name, out var rd));
        var t = rd.Apply(Caps);
        foreach (int ch in Dfs52.Concat(Dfs100To140))
        {
            var entries = t.OnIeee(ch).ToArray();
            Assert.NotEmpty(entries);
            Assert.All(entries, c => { Assert.True(c.IsDfs, c.ToString()); Assert.True(c.IsPassive); });
        }
        foreach (int ch in Low)
            Assert.All(t.OnIeee(ch), c => Assert.False(c.IsDfs));
        Assert.All(t.Where(c => c.Is2Ghz), c => Assert.False(c.IsDfs));
    }

    [Fact]
    public void UsHasNoDfsOnLowAndHighBandsAndDfsOn144()
    {
        var t = RegDomains.Fcc.Apply(Caps);
        foreach (int ch in Low.Concat(High))
        {
            Assert.NotEmpty(t.OnIeee(ch));
            Assert.All(t.OnIeee(ch), c => { Assert.False(c.IsDfs); Assert.False(c.IsPassive); });
        }
        Assert.All(t.OnIeee(144), c => Assert.True(c.IsDfs));
        Assert.NotEmpty(t.OnIeee(144));
    }

    [Fact]
    public void EtsiAndJapanStopAt140()
    {
        Assert.Empty(RegDomains.Etsi.Apply(Caps).OnIeee(144));
        Assert.Empty(RegDomains.Etsi.Apply(Caps).OnIeee(149));
        Assert.Empty(RegDomains.Japan.Apply(Caps).OnIeee(144));
        Assert.Empty(RegDomains.Japan.Apply(Caps).OnIeee(165));
    }

    [Fact]
    public void WorldMarksTwelveAndThirteenPassive()
    {
        var t = RegDomains.World.Apply(Caps);
        for (int ch = 1; ch <= 11; ch++)
            Assert.All(t.OnIeee(ch), c => { Assert.False(c.IsPassive); Assert.False(c.IsNoIr); });
        foreach (int ch in new[] { 12, 13 })
        {
            Assert.NotEmpty(t.OnIeee(ch));
            Assert.All(t.OnIeee(ch), c => { Assert.True(c.IsPassive); Assert.True(c.IsNoIr); });
        }
        Assert.All(t.Where(c => c.Is5Ghz), c => Assert.True(c.IsPassive));
        Assert.Contains(t, c => c.Is5Ghz);
        var c14 = Assert.Single(t.OnIeee(14));
        Assert.True(c14.IsPassive && c14.IsB);
    }

    [Fact]
    public void TxPowerCapsComeFromTheDomain()
    {
        var us = RegDomains.Fcc.Apply(Caps);
        Assert.All(us.Where(c => c.Is2Ghz), c => Assert.Equal(30, c.MaxRegTxPowerDbm));
        Assert.All(us.OnIeee(36), c => Assert.Equal(23, c.MaxRegTxPowerDbm));
        Assert.All(us.OnIeee(52), c => Assert.Equal(24, c.MaxRegTxPowerDbm));
        Assert.All(us.OnIeee(100), c => Assert.Equal(24, c.MaxRegTxPowerDbm));
        Assert.All(us.OnIeee(149), c => Assert.Equal(30, c.MaxRegTxPowerDbm));
        Assert.All(us, c => Assert.Equal(2 * c.MaxRegTxPowerDbm, c.MaxTxPowerHalfDbm));

        var de = RegDomains.Etsi.Apply(Caps);
        Assert.All(de.Where(c => c.Is2Ghz), c => Assert.Equal(20, c.MaxRegTxPowerDbm));
        Assert.All(de.OnIeee(36), c => Assert.Equal(23, c.MaxRegTxPowerDbm));
        Assert.All(de.OnIeee(60), c => Assert.Equal(23, c.MaxRegTxPowerDbm));
        Assert.All(de.OnIeee(100), c => Assert.Equal(30, c.MaxRegTxPowerDbm));
    }

    [Fact]
    public void RadioLimitsBelowTheDomainAreKept()
    {
        var caps = new[]
        {
            new Ieee80211Channel(5180, 36, ChannelFlags.A, maxRegTxPowerDbm: 17, maxTxPowerHalfDbm: 30, minTxPowerHalfDbm: 4),
            new Ieee80211Channel(5745, 149, ChannelFlags.A, maxTxPowerHalfDbm: 50),
        };
        var t = RegDomains.Fcc.Apply(caps);
        var c36 = t.FindByIeee(36, ChannelFlags.A)!;
        Assert.Equal(17, c36.MaxRegTxPowerDbm);
        Assert.Equal(30, c36.MaxTxPowerHalfDbm);
        Assert.Equal(4, c36.MinTxPowerHalfDbm);
        var c149 = t.FindByIeee(149, ChannelFlags.A)!;
        Assert.Equal(30, c149.MaxRegTxPowerDbm);
        Assert.Equal(50, c149.MaxTxPowerHalfDbm);
    }

    [Fact]
    public void OnlyChannelsTheRadioSupportsAppear()
    {
        var buf = new Ieee80211Channel[64];
        int n = 0;
        ChannelTableBuilder.AddChannelsDefault2Ghz(buf, buf.Length, ref n, ChannelBands.B | ChannelBands.G, ht40: false);
        var t = RegDomains.Fcc.Apply(buf.AsSpan(0, n));
        Assert.Equal(22, t.Count);
        Assert.All(t, c => Assert.True(c.Is2Ghz && !c.IsHt));
    }

    [Fact]
    public void Ht40NeverCrossesARuleBoundary()
    {
        var us = RegDomains.Fcc.Apply(Caps);
        Assert.NotNull(us.FindByIeee(7, ChannelFlags.G | ChannelFlags.Ht40Up));
        Assert.Null(us.FindByIeee(8, ChannelFlags.G | ChannelFlags.Ht40Up));
        Assert.NotNull(us.FindByIeee(11, ChannelFlags.G | ChannelFlags.Ht40Down));
        Assert.NotNull(us.FindByIeee(157, ChannelFlags.A | ChannelFlags.Ht40Up));
        Assert.DoesNotContain(us.OnIeee(165), c => c.IsHt40);

        var world = RegDomains.World.Apply(Caps);
        Assert.NotNull(world.FindByIeee(7, ChannelFlags.G | ChannelFlags.Ht40Up));
        Assert.Null(world.FindByIeee(9, ChannelFlags.G | ChannelFlags.Ht40Up));

        var de = RegDomains.Etsi.Apply(Caps);
        Assert.NotNull(de.FindByIeee(9, ChannelFlags.G | ChannelFlags.Ht40Up));
        Assert.NotNull(de.FindByIeee(13, ChannelFlags.G | ChannelFlags.Ht40Down));
        Assert.Null(de.FindByIeee(140, ChannelFlags.A | ChannelFlags.Ht40Up));
    }

    [Fact]
    public void NonStandard5GhzPairsFromTheRadioAreDropped()
    {
        var caps = new[]
        {
            new Ieee80211Channel(5200, 40, ChannelFlags.A | ChannelFlags.Ht40Up),
            new Ieee80211Channel(5180, 36, ChannelFlags.A | ChannelFlags.Ht40Up),
        };
        var t = RegDomains.Fcc.Apply(caps);
        Assert.Equal(36, Assert.Single(t).Ieee);
    }

    [Fact]
    public void OutdoorLocationDropsIndoorOnlyChannels()
    {
        var indoor = RegDomains.Etsi.Apply(Caps, RegLocation.Indoor);
        Assert.All(indoor.OnIeee(36), c => Assert.True(c.IsIndoorOnly));
        Assert.NotEmpty(indoor.OnIeee(36));
        var outdoor = RegDomains.Etsi.Apply(Caps, RegLocation.Outdoor);
        Assert.DoesNotContain(outdoor, c => c.Ieee is >= 36 and <= 64);
        Assert.NotEmpty(outdoor.OnIeee(100));
        Assert.NotEmpty(outdoor.OnIeee(1));
    }

    [Fact]
    public void ResultIsSortedAndDuplicatesCollapse()
    {
        var doubled = Caps.Concat(Caps.Reverse()).ToArray();
        var t = RegDomains.Japan.Apply(doubled);
        Assert.Equal(RegDomains.Japan.Apply(Caps).Count, t.Count);
        for (int i = 1; i < t.Count; i++)
        {
            Assert.True(t[i - 1].FrequencyMhz < t[i].FrequencyMhz
                || (t[i - 1].FrequencyMhz == t[i].FrequencyMhz && (uint)t[i - 1].ModeFlags < (uint)t[i].ModeFlags));
        }
    }

    [Fact]
    public void DebugPassesTheRadioListThrough()
    {
        var t = RegDomains.Debug.Apply(Caps);
        Assert.Equal(Caps.Length, t.Count);
        Assert.All(Caps, c => Assert.True(t.Contains(c)));
        Assert.True(RegDomains.Debug.Allows(new Ieee80211Channel(2467, 12, ChannelFlags.G)));
        Assert.False(RegDomains.Fcc.Allows(new Ieee80211Channel(2467, 12, ChannelFlags.G)));
    }

    [Fact]
    public void EmptyCapsGiveAnEmptyTable()
        => Assert.Empty(RegDomains.Etsi.Apply([]));

    [Fact]
    public void DomainLookupIsCaseInsensitiveAndNeverThrows()
    {
        Assert.True(RegDomains.TryGetByName("fcc", out var fcc));
        Assert.Same(RegDomains.Fcc, fcc);
        Assert.True(RegDomains.TryGet("Etsi", out var etsi));
        Assert.Same(RegDomains.Etsi, etsi);
        Assert.True(RegDomains.TryGet("0x40", out var jp));
        Assert.Same(RegDomains.Japan, jp);
        Assert.True(RegDomains.TryGet("511", out var dbg));
        Assert.Same(RegDomains.Debug, dbg);
        Assert.False(RegDomains.TryGet("NOPE", out var none));
        Assert.Null(none);
        Assert.False(RegDomains.TryGet(null, out _));
        Assert.False(RegDomains.TryGet("0xZZ", out _));
        Assert.False(RegDomains.TryGetBySku(0x1234, out _));
    }

    [Fact]
    public void CustomDomainsWork()
    {
        var rd = new RegDomain("TEST", 0x7f, [new RegRule(2412, 2412, 10, RegRuleFlags.Passive)]);
        var t = rd.Apply(Caps);
        Assert.All(t, c => { Assert.Equal(2412, c.FrequencyMhz); Assert.True(c.IsPassive); Assert.False(c.IsNoIr); Assert.Equal(10, c.MaxRegTxPowerDbm); });
        Assert.Equal(3, t.Count); // b, g, ht/20; no HT40 partner inside a one-channel rule
        Assert.Throws<ArgumentException>(() => new RegDomain("BAD", 1, [new RegRule(5000, 4000, 10)]));
    }
}
