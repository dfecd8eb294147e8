using Net80211.Channels;

namespace Net80211.Tests.Channels;

public class ChannelTableTests
{
    private static ChannelTable UsTable() => RegDomains.Fcc.Apply(ChannelTestData.DualBandCaps());

    [Fact]
    public void FindMatchesFrequencyAndModeButNotRegulatoryBits()
    {
        var t = UsTable();
        var c = t.Find(5260, ChannelFlags.A);
        Assert.NotNull(c);
        Assert.True(c.IsDfs);
        Assert.Same(c, t.Find(5260, ChannelFlags.A | ChannelFlags.Dfs | ChannelFlags.Passive));
        Assert.Null(t.Find(5260, ChannelFlags.PureG));
        Assert.Null(t.Find(2467, ChannelFlags.G));
    }

    [Fact]
    public void FindByIeeeAndFirstByIeee()
    {
        var t = UsTable();
        var g6 = t.FindByIeee(6, ChannelFlags.G);
        Assert.NotNull(g6);
        Assert.Equal(2437, g6.FrequencyMhz);
        Assert.Equal(ChannelFlags.G, g6.ModeFlags);
        Assert.Equal(ChannelFlags.B, t.FindFirstByIeee(6)!.ModeFlags);
        Assert.Equal(ChannelFlags.A, t.FindFirstByIeee(36)!.ModeFlags);
        Assert.Null(t.FindFirstByIeee(14));
        Assert.Null(t.FindByIeee(36, ChannelFlags.B));
    }

    [Fact]
    public void FindVariantReturnsTheSameFrequencyInAnotherMode()
    {
        var t = UsTable();
        var a36 = t.Find(5180, ChannelFlags.A)!;
        var ht40 = t.FindVariant(a36, ChannelFlags.A | ChannelFlags.Ht40Up);
        Assert.NotNull(ht40);
        Assert.Equal(5180, ht40.FrequencyMhz);
        Assert.True(ht40.IsHt40Up);
        Assert.Null(t.FindVariant(a36, ChannelFlags.A | ChannelFlags.Ht40Down));
        Assert.Equal(3, t.VariantsOf(5180).Count()); // 11a, ht/20, ht/40+
    }

    [Fact]
    public void Ht40PartnerIsTheOppositeEntryOnTheSecondary()
    {
        var t = UsTable();
        var up = t.FindByIeee(36, ChannelFlags.A | ChannelFlags.Ht40Up)!;
        var partner = t.FindHt40Partner(up);
        Assert.NotNull(partner);
        Assert.Equal(40, partner.Ieee);
        Assert.True(partner.IsHt40Down);
        Assert.Same(up, t.FindHt40Partner(partner));
        Assert.Null(t.FindHt40Partner(t.Find(5180, ChannelFlags.A)!));
    }

    [Fact]
    public void IdentityAvailabilityAndIndexing()
    {
        var t = UsTable();
        var c = t.Find(5745, ChannelFlags.A)!;
        Assert.True(t.Contains(c));
        Assert.Same(c, t[t.IndexOf(c)]);
        Assert.False(t.Contains(new Ieee80211Channel(5745, 149, ChannelFlags.A)));
        Assert.True(t.IsAvailable(149));
        Assert.False(t.IsAvailable(12));
        Assert.False(t.IsAvailable(-1));
        Assert.False(t.IsAvailable(300));
        Assert.Equal(t.Count, t.AsSpan().Length);
        Assert.Empty(ChannelTable.Empty);
    }

    [Fact]
    public void StateIsSharedByEntriesOnTheSameFrequency()
    {
        var t = UsTable();
        var a52 = t.Find(5260, ChannelFlags.A)!;
        var ht52 = t.Find(5260, ChannelFlags.A | ChannelFlags.Ht20)!;
        Assert.True(t.UpdateState(a52, ChannelState.Radar));
        Assert.Equal(ChannelState.Radar, t.GetState(ht52));
        Assert.Equal(ChannelState.None, t.GetState(t.Find(5280, ChannelFlags.A)!));

        t.UpdateState(ht52, ChannelState.CacDone, clear: ChannelState.Radar);
        Assert.Equal(ChannelState.CacDone, t.GetState(a52));
        Assert.False(t.UpdateState(new Ieee80211Channel(5260, 52, ChannelFlags.A), ChannelState.Radar));

        t.ResetState();
        Assert.Equal(ChannelState.None, t.GetState(a52));
    }

    [Fact]
    public void ConstructorCopiesAndRejectsOversizedOrNullLists()
    {
        var src = new[] { new Ieee80211Channel(2412, 1, ChannelFlags.B) };
        var t = new ChannelTable(src);
        src[0] = new Ieee80211Channel(2417, 2, ChannelFlags.B);
        Assert.Equal(1, t[0].Ieee);

        Assert.Throws<ArgumentException>(() => new ChannelTable(new Ieee80211Channel[1]));
        var many = Enumerable.Range(0, ChannelTable.MaxChannels + 1).Select(_ => src[0]).ToArray();
        Assert.Throws<ArgumentException>(() => new ChannelTable(many));
    }
}
