using Net80211.Channels;

namespace Net80211.Tests.Channels;

/// <summary>Capabilities of a dual-band 11n radio with HT40, built the way a driver would.</summary>
internal static class ChannelTestData
{
    public static Ieee80211Channel[] DualBandCaps()
    {
        var buf = new Ieee80211Channel[ChannelTable.MaxChannels];
        int n = 0;
        Assert.Equal(ChannelAddResult.Ok, ChannelTableBuilder.AddChannelsDefault2Ghz(buf, buf.Length, ref n, ChannelBands.All2Ghz, ht40: true));
        Assert.Equal(ChannelAddResult.Ok, ChannelTableBuilder.AddChannelList5Ghz(buf, buf.Length, ref n, ChannelPlan.Default5Ghz, ChannelBands.All5Ghz, ht40: true));
        return buf[..n];
    }

    public static IEnumerable<Ieee80211Channel> OnIeee(this ChannelTable table, int ieee)
        => table.Where(c => c.Ieee == ieee);
}
