using System.Globalization;
using System.Text;

namespace Net80211.Channels;

/// <summary>One operating channel: a centre frequency plus the attributes of how it is used
/// (band, modulation, HT width) and what the regulator allows (passive, DFS, power).
/// Immutable, and compared by reference: the radio's current channel is one of the instances in
/// its <see cref="ChannelTable"/>, and two entries with the same frequency but different modes
/// (11b and 11g on 2412 MHz) are different channels.</summary>
public sealed class Ieee80211Channel
{
    /// <summary>Highest IEEE channel number the 8-bit field can hold.</summary>
    public const int MaxIeee = 255;

    public Ieee80211Channel(int frequencyMhz, int ieee, ChannelFlags flags,
        int maxRegTxPowerDbm = 0, int maxTxPowerHalfDbm = 0, int minTxPowerHalfDbm = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequencyMhz);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequencyMhz, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfNegative(ieee);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ieee, MaxIeee);
        CheckPower(maxRegTxPowerDbm, nameof(maxRegTxPowerDbm));
        CheckPower(maxTxPowerHalfDbm, nameof(maxTxPowerHalfDbm));
        CheckPower(minTxPowerHalfDbm, nameof(minTxPowerHalfDbm));
        if ((flags & ChannelFlags.Ht40) == ChannelFlags.Ht40)
            throw new ArgumentException("A channel cannot be both HT40+ and HT40-.", nameof(flags));

        FrequencyMhz = frequencyMhz;
        Ieee = ieee;
        Flags = flags;
        MaxRegTxPowerDbm = maxRegTxPowerDbm;
        MaxTxPowerHalfDbm = maxTxPowerHalfDbm;
        MinTxPowerHalfDbm = minTxPowerHalfDbm;
    }

    // The C struct holds these as int8_t; keep the same range so values survive a round trip.
    private static void CheckPower(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, sbyte.MinValue, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, sbyte.MaxValue, name);
    }

    /// <summary>Creates a channel from its IEEE number, deriving the frequency from the band in
    /// <paramref name="flags"/>. Returns null when the number does not exist in that band.</summary>
    public static Ieee80211Channel? Create(int ieee, ChannelFlags flags, int maxRegTxPowerDbm = 0)
    {
        int freq = IeeeToFrequency(ieee, flags);
        if (freq == 0) return null;
        return new Ieee80211Channel(freq, ieee, flags, maxRegTxPowerDbm, 2 * maxRegTxPowerDbm);
    }

    /// <summary>Centre frequency of the primary 20 MHz channel.</summary>
    public int FrequencyMhz { get; }
    /// <summary>IEEE channel number of the primary channel.</summary>
    public int Ieee { get; }
    public ChannelFlags Flags { get; }
    /// <summary>Regulatory limit in dBm (EIRP), 0 when none is known.</summary>
    public int MaxRegTxPowerDbm { get; }
    /// <summary>Device limit in 0.5 dBm units, 0 when none is known.</summary>
    public int MaxTxPowerHalfDbm { get; }
    /// <summary>Device minimum in 0.5 dBm units.</summary>
    public int MinTxPowerHalfDbm { get; }

    /// <summary>Only the band/modulation/width bits, for matching channels of the same kind.</summary>
    public ChannelFlags ModeFlags => Flags & ChannelFlags.ModeMask;

    public bool Is2Ghz => (Flags & ChannelFlags.Band2Ghz) != 0;
    public bool Is5Ghz => (Flags & ChannelFlags.Band5Ghz) != 0;
    public bool IsPassive => (Flags & ChannelFlags.Passive) != 0;
    public bool IsNoIr => (Flags & ChannelFlags.NoIr) != 0;
    public bool IsDfs => (Flags & ChannelFlags.Dfs) != 0;
    public bool IsIndoorOnly => (Flags & ChannelFlags.IndoorOnly) != 0;
    /// <summary>Carries OFDM, alone or mixed with CCK.</summary>
    public bool IsOfdm => (Flags & (ChannelFlags.Ofdm | ChannelFlags.Dynamic)) != 0;
    /// <summary>Carries CCK, alone or mixed with OFDM.</summary>
    public bool IsCck => (Flags & (ChannelFlags.Cck | ChannelFlags.Dynamic)) != 0;
    public bool IsA => (Flags & ChannelFlags.A) == ChannelFlags.A;
    public bool IsB => (Flags & ChannelFlags.B) == ChannelFlags.B;
    /// <summary>802.11g, mixed or pure.</summary>
    public bool IsG => (Flags & ChannelFlags.G) == ChannelFlags.G || (Flags & ChannelFlags.PureG) == ChannelFlags.PureG;
    public bool IsHalf => (Flags & ChannelFlags.Half) != 0;
    public bool IsQuarter => (Flags & ChannelFlags.Quarter) != 0;
    public bool IsHt => (Flags & ChannelFlags.Ht) != 0;
    public bool IsHt20 => (Flags & ChannelFlags.Ht20) != 0;
    public bool IsHt40 => (Flags & ChannelFlags.Ht40) != 0;
    public bool IsHt40Up => (Flags & ChannelFlags.Ht40Up) != 0;
    public bool IsHt40Down => (Flags & ChannelFlags.Ht40Down) != 0;

    /// <summary>IEEE number of the HT40 secondary channel, 0 if not HT40. IEEE Std 802.11-2012
    /// 20.3.15.4: the secondary channel is N + 4 (above) or N - 4 (below).</summary>
    public int ExtensionIeee => IsHt40Up ? Ieee + 4 : IsHt40Down ? Ieee - 4 : 0;

    /// <summary>Frequency of the HT40 secondary channel, 0 if not HT40.</summary>
    public int ExtensionFrequencyMhz => IsHt40Up ? FrequencyMhz + 20 : IsHt40Down ? FrequencyMhz - 20 : 0;

    /// <summary>Centre of the whole occupied bandwidth: midway between primary and secondary for HT40.</summary>
    public int CenterFrequencyMhz => IsHt40Up ? FrequencyMhz + 10 : IsHt40Down ? FrequencyMhz - 10 : FrequencyMhz;

    /// <summary>Occupied bandwidth in MHz.</summary>
    public int WidthMhz => IsHt40 ? 40 : IsHalf ? 10 : IsQuarter ? 5 : 20;

    /// <summary>Same frequency and same kind of channel, ignoring regulatory attributes.</summary>
    public bool Matches(int frequencyMhz, ChannelFlags flags)
        => FrequencyMhz == frequencyMhz && ModeFlags == (flags & ChannelFlags.ModeMask);

    public Ieee80211Channel WithFlags(ChannelFlags flags)
        => flags == Flags ? this : new(FrequencyMhz, Ieee, flags, MaxRegTxPowerDbm, MaxTxPowerHalfDbm, MinTxPowerHalfDbm);

    /// <summary>Returns a copy with new limits. Without a device limit the device maximum becomes
    /// twice the regulatory one (0.5 dBm units), as FreeBSD's addchan does.</summary>
    public Ieee80211Channel WithMaxPower(int maxRegTxPowerDbm, int? maxTxPowerHalfDbm = null)
        => new(FrequencyMhz, Ieee, Flags, maxRegTxPowerDbm, maxTxPowerHalfDbm ?? 2 * maxRegTxPowerDbm,
            Math.Min(MinTxPowerHalfDbm, maxTxPowerHalfDbm ?? 2 * maxRegTxPowerDbm));

    public Ieee80211Channel WithMinPower(int minTxPowerHalfDbm)
        => new(FrequencyMhz, Ieee, Flags, MaxRegTxPowerDbm, MaxTxPowerHalfDbm, minTxPowerHalfDbm);

    // ---- frequency <-> channel number -------------------------------------------------------

    /// <summary>Maps a centre frequency to its IEEE channel number; 0 when the frequency is not on
    /// a channel raster. <paramref name="flags"/> picks the band; with neither band bit set the
    /// band is guessed from the frequency.</summary>
    /// <remarks>IEEE Std 802.11-2020 Annex E: 2.4 GHz channels 1-13 are 2407 + 5n MHz and channel
    /// 14 is 2484 MHz; 5 GHz channels are 5000 + 5n MHz; the 4.9 GHz band (Japan, 802.11j) uses
    /// starting frequency 4000 MHz, channels 182-196.</remarks>
    public static int FrequencyToIeee(int frequencyMhz, ChannelFlags flags = ChannelFlags.None)
    {
        bool is2 = (flags & ChannelFlags.Band2Ghz) != 0;
        bool is5 = (flags & ChannelFlags.Band5Ghz) != 0;
        if (!is2 && !is5)
        {
            is2 = frequencyMhz is >= 2400 and < 2500;
            is5 = frequencyMhz is >= 4900 and < 5950;
        }
        if (is2)
        {
            if (frequencyMhz == 2484) return 14;
            if (frequencyMhz is >= 2412 and <= 2472 && (frequencyMhz - 2407) % 5 == 0) return (frequencyMhz - 2407) / 5;
            return 0;
        }
        if (is5)
        {
            if (frequencyMhz % 5 != 0) return 0;
            if (frequencyMhz is >= 4910 and <= 4980) return (frequencyMhz - 4000) / 5;
            if (frequencyMhz is >= 5005 and <= 5905) return (frequencyMhz - 5000) / 5;
        }
        return 0;
    }

    /// <summary>Maps an IEEE channel number to its centre frequency; 0 when the number does not exist
    /// in the band. With neither band bit set, 1-14 are taken as 2.4 GHz and the rest as 5 GHz.</summary>
    public static int IeeeToFrequency(int ieee, ChannelFlags flags = ChannelFlags.None)
    {
        bool is2 = (flags & ChannelFlags.Band2Ghz) != 0;
        bool is5 = (flags & ChannelFlags.Band5Ghz) != 0;
        if (!is2 && !is5)
        {
            is2 = ieee is >= 1 and <= 14;
            is5 = !is2;
        }
        if (is2)
        {
            if (ieee == 14) return 2484;
            return ieee is >= 1 and <= 13 ? 2407 + 5 * ieee : 0;
        }
        if (ieee is >= 182 and <= 196) return 4000 + 5 * ieee;
        return ieee is >= 1 and <= 181 ? 5000 + 5 * ieee : 0;
    }

    // ---- formatting ---------------------------------------------------------------------------

    /// <summary>The line FreeBSD's <c>ifconfig wlan0 list chan</c> prints for the channel, e.g.
    /// "Channel  36 : 5180  MHz 11a ht/40+"; '*' after the frequency marks a passive channel.</summary>
    public override string ToString() => ToString(verbose: false);

    /// <summary>As <see cref="ToString()"/>; <paramref name="verbose"/> adds ifconfig's -v columns:
    /// D (DFS), R (radar seen), I (interference), C (CAC done), taken from <paramref name="state"/>.</summary>
    public string ToString(bool verbose, ChannelState state = ChannelState.None)
    {
        var sb = new StringBuilder(48);
        sb.Append(CultureInfo.InvariantCulture, $"Channel {Ieee,3} : {FrequencyMhz}");
        sb.Append(IsPassive ? '*' : ' ');
        if (verbose)
        {
            sb.Append(IsDfs ? 'D' : ' ');
            sb.Append((state & ChannelState.Radar) != 0 ? 'R' : ' ');
            sb.Append((state & ChannelState.Interference) != 0 ? 'I' : ' ');
            sb.Append((state & ChannelState.CacDone) != 0 ? 'C' : ' ');
        }
        sb.Append(" MHz");
        string info = DescribeMode();
        // ifconfig prints the mode through "%-14.14s": at most 14 characters.
        sb.Append(info.Length > 14 ? info[..14] : info);
        return sb.ToString();
    }

    private string DescribeMode()
    {
        var sb = new StringBuilder(16);
        string width = IsHalf ? "/10Mhz" : IsQuarter ? "/5Mhz" : "";
        if (IsA) sb.Append(" 11a").Append(width);
        if (IsG) sb.Append(" 11g").Append(width);
        else if (IsB) sb.Append(" 11b");
        if (IsHt20) sb.Append(" ht/20");
        else if (IsHt40Down) sb.Append(" ht/40-");
        else if (IsHt40Up) sb.Append(" ht/40+");
        return sb.ToString();
    }
}
