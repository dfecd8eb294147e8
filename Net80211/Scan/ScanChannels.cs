using Net80211.Channels;

namespace Net80211.Scan;

/// <summary>
/// Which channel objects a scan visits. The radio's list has one entry per frequency and mode (11b and
/// 11g on 2412 MHz, HT20 and HT40 on 5180 MHz); a scan visits each frequency once, on the variant the
/// radio prefers there (makescanlist/add_channels in ieee80211_scan_sta.c).
/// </summary>
public static class ScanChannels
{
    /// <summary>
    /// One channel per frequency of <paramref name="channels"/>, in their order of first appearance, each
    /// the <see cref="Preference">preferred</see> variant.
    /// </summary>
    public static List<Ieee80211Channel> OnePerFrequency(ReadOnlySpan<Ieee80211Channel> channels)
    {
        var result = new List<Ieee80211Channel>();
        var index = new Dictionary<int, int>();
        foreach (var c in channels)
        {
            if (c is null) continue;
            if (index.TryGetValue(c.FrequencyMhz, out int at))
            {
                if (Preference(c) < Preference(result[at])) result[at] = c;
            }
            else
            {
                index.Add(c.FrequencyMhz, result.Count);
                result.Add(c);
            }
        }
        return result;
    }

    /// <summary>The preferred variant of <paramref name="frequencyMhz"/> in <paramref name="channels"/>, or null.</summary>
    public static Ieee80211Channel? Preferred(ReadOnlySpan<Ieee80211Channel> channels, int frequencyMhz)
    {
        Ieee80211Channel? best = null;
        foreach (var c in channels)
            if (c is not null && c.FrequencyMhz == frequencyMhz && (best is null || Preference(c) < Preference(best))) best = c;
        return best;
    }

    /// <summary>
    /// Rank of a channel variant for scanning, lower is better. Scanning is done with legacy rates, so a
    /// non-HT variant comes first (sweepchannels skips HT channels); full width before half/quarter; on
    /// 2.4 GHz the 11g variant that carries both CCK and OFDM first, as add_channels upgrades 11b to 11g
    /// (find11gchannel), then pure-g, then 11b.
    /// </summary>
    public static int Preference(Ieee80211Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        int rank = 0;
        if (channel.IsHalf || channel.IsQuarter) rank += 16;
        if (channel.IsHt40) rank += 8;
        else if (channel.IsHt20) rank += 4;
        if (channel.Is2Ghz) rank += channel.IsCck && channel.IsOfdm ? 0 : channel.IsOfdm ? 1 : 2;
        return rank;
    }

    /// <summary>Probe requests may not be sent here: regulatory passive, no-IR, or DFS (radar detection
    /// not yet done), IEEE 802.11-2020 11.1.4.3.2 and 11.9.</summary>
    public static bool IsPassive(Ieee80211Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.IsPassive || channel.IsNoIr || channel.IsDfs;
    }

    /// <summary>
    /// Resolves a DS Parameter Set channel number heard on <paramref name="rxChannel"/> to one of
    /// <paramref name="channels"/>: same band, the same mode as the receive channel when there is one,
    /// else the preferred variant; null when the radio has no such channel.
    /// </summary>
    public static Ieee80211Channel? FindByIeee(ReadOnlySpan<Ieee80211Channel> channels, int ieee, Ieee80211Channel rxChannel)
    {
        ArgumentNullException.ThrowIfNull(rxChannel);
        const ChannelFlags bands = ChannelFlags.Band2Ghz | ChannelFlags.Band5Ghz;
        ChannelFlags band = rxChannel.Flags & bands;
        Ieee80211Channel? best = null;
        foreach (var c in channels)
        {
            if (c is null || c.Ieee != ieee || (c.Flags & bands) != band) continue;
            if (c.ModeFlags == rxChannel.ModeFlags) return c;
            if (best is null || Preference(c) < Preference(best)) best = c;
        }
        return best;
    }
}
