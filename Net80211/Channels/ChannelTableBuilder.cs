namespace Net80211.Channels;

/// <summary>Fills a caller's channel array, the way drivers answer GetRadioCaps: every method
/// appends at <c>count</c>, never writes at or past <c>min(maxChannels, channels.Length)</c>, and
/// on <see cref="ChannelAddResult.NoSpace"/> leaves <c>count</c> equal to the entries that fit.
/// (FreeBSD's ieee80211_add_channel, _add_channel_ht40, _add_channel_list_2ghz/5ghz.)</summary>
/// <remarks>Entries are added per channel number in the order b, g, ht/20, ht/40+, ht/40- (2.4 GHz)
/// or a, ht/20, ht/40+, ht/40- (5 GHz), so a table is sorted by frequency and then by mode,
/// which lookups and ifconfig listings expect.</remarks>
public static class ChannelTableBuilder
{
    private const int MaxModes = 5;

    /// <summary>Adds one 20 MHz channel, one entry for each mode in <paramref name="bands"/>.
    /// <paramref name="frequencyMhz"/> 0 derives the frequency from the number.
    /// <paramref name="extraFlags"/> (e.g. <see cref="ChannelFlags.Passive"/>) go on every entry.</summary>
    public static ChannelAddResult AddChannel(Span<Ieee80211Channel> channels, int maxChannels, ref int count,
        int ieee, int frequencyMhz, int maxRegTxPowerDbm, ChannelFlags extraFlags, ChannelBands bands)
    {
        Span<ChannelFlags> modes = stackalloc ChannelFlags[MaxModes];
        int n = ModesFor(bands, ht40: false, modes);
        if (n == 0) return ChannelAddResult.Invalid;
        if (frequencyMhz == 0) frequencyMhz = Ieee80211Channel.IeeeToFrequency(ieee, modes[0]);
        if (frequencyMhz <= 0 || frequencyMhz > ushort.MaxValue || ieee is < 0 or > Ieee80211Channel.MaxIeee)
            return ChannelAddResult.Invalid;

        for (int i = 0; i < n; i++)
        {
            var r = Append(channels, maxChannels, ref count,
                new Ieee80211Channel(frequencyMhz, ieee, modes[i] | extraFlags, maxRegTxPowerDbm, 2 * maxRegTxPowerDbm));
            if (r != ChannelAddResult.Ok) return r;
        }
        return ChannelAddResult.Ok;
    }

    /// <summary>Adds the HT40 pair on <paramref name="ieee"/> and the channel 20 MHz above it: an
    /// ht/40+ entry on the primary and an ht/40- entry on the secondary. Both must already be in the
    /// table as HT20 entries of the same kind (<paramref name="flags"/> gives band and modulation).</summary>
    public static ChannelAddResult AddChannelHt40(Span<Ieee80211Channel> channels, int maxChannels, ref int count,
        int ieee, int maxRegTxPowerDbm, ChannelFlags flags)
    {
        int freq = Ieee80211Channel.IeeeToFrequency(ieee, flags);
        var filled = channels[..Math.Clamp(count, 0, channels.Length)];
        ChannelFlags ht20 = (flags & ~ChannelFlags.Ht) | ChannelFlags.Ht20;
        var primary = Find(filled, freq, ht20);
        if (primary is null) return ChannelAddResult.Invalid;
        var secondary = Find(filled, freq + 20, ht20);
        if (secondary is null) return ChannelAddResult.NotFound;

        ChannelFlags baseFlags = flags & ~ChannelFlags.Ht;
        var r = Append(channels, maxChannels, ref count, new Ieee80211Channel(primary.FrequencyMhz, primary.Ieee,
            baseFlags | ChannelFlags.Ht40Up, maxRegTxPowerDbm, 2 * maxRegTxPowerDbm));
        if (r != ChannelAddResult.Ok) return r;
        return Append(channels, maxChannels, ref count, new Ieee80211Channel(secondary.FrequencyMhz, secondary.Ieee,
            baseFlags | ChannelFlags.Ht40Down, maxRegTxPowerDbm, 2 * maxRegTxPowerDbm));
    }

    /// <summary>Adds 2.4 GHz channels by number. <paramref name="bands"/> may hold B, G and NG;
    /// with <paramref name="ht40"/> and NG, HT40 entries are added where the secondary channel is
    /// also in <paramref name="ieeeList"/> and 20 MHz away. Channel 14 only ever gets the 11b entry:
    /// the standard defines it only for the DSSS/HR-DSSS PHYs (Clauses 15/16), as used in Japan.</summary>
    public static ChannelAddResult AddChannelList2Ghz(Span<Ieee80211Channel> channels, int maxChannels, ref int count,
        ReadOnlySpan<byte> ieeeList, ChannelBands bands, bool ht40)
    {
        if ((bands & ChannelBands.All5Ghz) != 0 || (bands & ChannelBands.All2Ghz) == 0) return ChannelAddResult.Invalid;
        return AddList(channels, maxChannels, ref count, ieeeList, bands, ht40, ChannelFlags.Band2Ghz);
    }

    /// <summary>Adds the default 2.4 GHz list, channels 1-14 (see <see cref="ChannelPlan.Default2Ghz"/>);
    /// the regulatory domain later removes what is not legal where the radio is.</summary>
    public static ChannelAddResult AddChannelsDefault2Ghz(Span<Ieee80211Channel> channels, int maxChannels, ref int count,
        ChannelBands bands, bool ht40)
        => AddChannelList2Ghz(channels, maxChannels, ref count, ChannelPlan.Default2Ghz, bands, ht40);

    /// <summary>Adds 5 GHz channels by number. <paramref name="bands"/> may hold A and NA; with
    /// <paramref name="ht40"/> and NA, HT40 entries are added for the standard 40 MHz pairs
    /// (<see cref="ChannelPlan.IsHt40Pair"/>) whose both halves are in <paramref name="ieeeList"/>.</summary>
    public static ChannelAddResult AddChannelList5Ghz(Span<Ieee80211Channel> channels, int maxChannels, ref int count,
        ReadOnlySpan<byte> ieeeList, ChannelBands bands, bool ht40)
    {
        if ((bands & ChannelBands.All2Ghz) != 0 || (bands & ChannelBands.All5Ghz) == 0) return ChannelAddResult.Invalid;
        return AddList(channels, maxChannels, ref count, ieeeList, bands, ht40, ChannelFlags.Band5Ghz);
    }

    /// <summary>The whole default list for a radio with <paramref name="bands"/> (2.4 and 5 GHz may
    /// be mixed here), as FreeBSD's ieee80211_init_channels builds it for drivers without firmware
    /// channel data: 2.4 GHz channels 1-11, or 1-14 with <paramref name="extendedChannelMode"/>,
    /// then <see cref="ChannelPlan.Default5Ghz"/>.</summary>
    public static ChannelAddResult AddDefaultChannels(Span<Ieee80211Channel> channels, int maxChannels, ref int count,
        ChannelBands bands, bool ht40, bool extendedChannelMode = false)
    {
        if ((bands & (ChannelBands.All2Ghz | ChannelBands.All5Ghz)) == 0) return ChannelAddResult.Invalid;
        if ((bands & ChannelBands.All2Ghz) != 0)
        {
            var list = extendedChannelMode ? ChannelPlan.Default2Ghz : ChannelPlan.Default2GhzNoEcm;
            var r = AddChannelList2Ghz(channels, maxChannels, ref count, list, bands & ChannelBands.All2Ghz, ht40);
            if (r != ChannelAddResult.Ok) return r;
        }
        if ((bands & ChannelBands.All5Ghz) != 0)
            return AddChannelList5Ghz(channels, maxChannels, ref count, ChannelPlan.Default5Ghz, bands & ChannelBands.All5Ghz, ht40);
        return ChannelAddResult.Ok;
    }

    private static ChannelAddResult AddList(Span<Ieee80211Channel> channels, int maxChannels, ref int count,
        ReadOnlySpan<byte> ieeeList, ChannelBands bands, bool ht40, ChannelFlags band)
    {
        Span<ChannelFlags> modes = stackalloc ChannelFlags[MaxModes];
        int n = ModesFor(bands, ht40, modes);
        foreach (byte ieee in ieeeList)
        {
            int freq = Ieee80211Channel.IeeeToFrequency(ieee, band);
            if (freq == 0) return ChannelAddResult.Invalid;
            for (int i = 0; i < n; i++)
            {
                ChannelFlags mode = modes[i];
                if (freq == 2484 && mode != ChannelFlags.B) continue;
                if ((mode & ChannelFlags.Ht40) != 0 && !Ht40Fits(ieee, freq, (mode & ChannelFlags.Ht40Up) != 0, ieeeList, band))
                    continue;
                var r = Append(channels, maxChannels, ref count, new Ieee80211Channel(freq, ieee, mode));
                if (r != ChannelAddResult.Ok) return r;
            }
        }
        return ChannelAddResult.Ok;
    }

    private static bool Ht40Fits(int ieee, int freq, bool up, ReadOnlySpan<byte> list, ChannelFlags band)
    {
        if (!ChannelPlan.IsHt40Pair(ieee, up, band)) return false;
        int secondary = up ? ieee + 4 : ieee - 4;
        if (secondary is < 1 or > 255 || !list.Contains((byte)secondary)) return false;
        return Ieee80211Channel.IeeeToFrequency(secondary, band) == freq + (up ? 20 : -20);
    }

    /// <summary>Expands the band set into per-entry flags, in table order. Mixing 2.4 and 5 GHz
    /// bands is ambiguous for a single channel number and yields none.</summary>
    private static int ModesFor(ChannelBands bands, bool ht40, Span<ChannelFlags> modes)
    {
        bool has2 = (bands & ChannelBands.All2Ghz) != 0, has5 = (bands & ChannelBands.All5Ghz) != 0;
        int n = 0;
        if (has2 == has5) return 0;
        if (has2)
        {
            if ((bands & ChannelBands.B) != 0) modes[n++] = ChannelFlags.B;
            if ((bands & ChannelBands.G) != 0) modes[n++] = ChannelFlags.G;
            if ((bands & ChannelBands.NG) != 0)
            {
                modes[n++] = ChannelFlags.G | ChannelFlags.Ht20;
                // HT40 needs an HT PHY, so only with NG (FreeBSD adds it whenever asked).
                if (ht40)
                {
                    modes[n++] = ChannelFlags.G | ChannelFlags.Ht40Up;
                    modes[n++] = ChannelFlags.G | ChannelFlags.Ht40Down;
                }
            }
        }
        else
        {
            if ((bands & ChannelBands.A) != 0) modes[n++] = ChannelFlags.A;
            if ((bands & ChannelBands.NA) != 0)
            {
                modes[n++] = ChannelFlags.A | ChannelFlags.Ht20;
                if (ht40)
                {
                    modes[n++] = ChannelFlags.A | ChannelFlags.Ht40Up;
                    modes[n++] = ChannelFlags.A | ChannelFlags.Ht40Down;
                }
            }
        }
        return n;
    }

    private static ChannelAddResult Append(Span<Ieee80211Channel> channels, int maxChannels, ref int count, Ieee80211Channel c)
    {
        if (count < 0 || count >= Math.Min(maxChannels, channels.Length)) return ChannelAddResult.NoSpace;
        channels[count++] = c;
        return ChannelAddResult.Ok;
    }

    private static Ieee80211Channel? Find(ReadOnlySpan<Ieee80211Channel> channels, int freq, ChannelFlags flags)
    {
        foreach (var c in channels)
            if (c is not null && c.Matches(freq, flags)) return c;
        return null;
    }
}
