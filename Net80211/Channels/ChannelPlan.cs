namespace Net80211.Channels;

/// <summary>Facts about the 802.11 channel plan that do not depend on any regulator.</summary>
public static class ChannelPlan
{
    /// <summary>2.4 GHz channels 1-14, the list FreeBSD offers drivers by default.</summary>
    public static ReadOnlySpan<byte> Default2Ghz => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

    /// <summary>2.4 GHz channels 1-11: without extended channel mode FreeBSD's
    /// ieee80211_init_channels drops 12-14, which are not legal everywhere.</summary>
    public static ReadOnlySpan<byte> Default2GhzNoEcm => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

    /// <summary>5 GHz 20 MHz channels in U-NII-1/2A (5150-5350 MHz).</summary>
    public static ReadOnlySpan<byte> Band5GhzLow => [36, 40, 44, 48, 52, 56, 60, 64];
    /// <summary>5 GHz 20 MHz channels in U-NII-2C (5470-5730 MHz); 144 is in the FCC's band only.</summary>
    public static ReadOnlySpan<byte> Band5GhzMiddle => [100, 104, 108, 112, 116, 120, 124, 128, 132, 136, 140, 144];
    /// <summary>5 GHz 20 MHz channels in U-NII-3 (5725-5850 MHz).</summary>
    public static ReadOnlySpan<byte> Band5GhzHigh => [149, 153, 157, 161, 165];

    /// <summary>All of the above 5 GHz channels, in order.</summary>
    public static ReadOnlySpan<byte> Default5Ghz =>
        [36, 40, 44, 48, 52, 56, 60, 64,
         100, 104, 108, 112, 116, 120, 124, 128, 132, 136, 140, 144,
         149, 153, 157, 161, 165];

    /// <summary>True when primary channel <paramref name="ieee"/> with its secondary above
    /// (<paramref name="secondaryAbove"/>) or below forms a 40 MHz channel the standard defines.</summary>
    /// <remarks>In 2.4 GHz any primary works whose secondary exists 20 MHz away (operating classes
    /// 83/84 of IEEE Std 802.11-2020 Table E-4: 1-9 upper, 5-13 lower); channel 14 never does, it is
    /// not on the 5 MHz raster. In 5 GHz the 40 MHz channels are fixed pairs (operating classes
    /// 116-127): 36/40, 44/48, ..., 140/144, and 149/153, 157/161 (165/169 where 169 exists).</remarks>
    public static bool IsHt40Pair(int ieee, bool secondaryAbove, ChannelFlags band)
    {
        int secondary = secondaryAbove ? ieee + 4 : ieee - 4;
        if ((band & ChannelFlags.Band2Ghz) != 0)
            return ieee is >= 1 and <= 13 && secondary is >= 1 and <= 13;

        if ((band & ChannelFlags.Band5Ghz) == 0) return false;
        int lower = secondaryAbove ? ieee : secondary;
        if (lower is >= 36 and <= 140) return (lower - 36) % 8 == 0;
        if (lower is >= 149 and <= 173) return (lower - 149) % 8 == 0;
        return false;
    }
}
