using System.Globalization;
using Net80211.Channels;
using Net80211.Radio;

namespace Net80211.Wlan.Management.Ifconfig;

/// <summary>ifconfig's channel arguments: an IEEE number or a frequency in MHz, "-"/"any" for none.</summary>
internal static class ChannelParser
{
    /// <summary>The active channel with this number or frequency, preferring the richest legacy mode
    /// (11g over 11b) and non-HT, as ifconfig's mapchan does for a bare number.</summary>
    public static Ieee80211Channel? Find(Ieee80211Com ic, int numberOrMhz)
    {
        Ieee80211Channel? best = null;
        foreach (var c in ic.Channels)
        {
            if (numberOrMhz >= 1000 ? c.FrequencyMhz != numberOrMhz : c.Ieee != numberOrMhz) continue;
            if (best is null || Rank(c) > Rank(best)) best = c;
        }
        return best;
    }

    private static int Rank(Ieee80211Channel c) => (c.IsHt ? 0 : 8) + (c.IsG ? 4 : 0) + (c.IsA ? 2 : 0) + (c.IsB ? 1 : 0);

    /// <summary>Parses <paramref name="text"/>: true with null for "-"/"any"; false with ifconfig's message.</summary>
    public static bool TryParse(Ieee80211Com ic, string text, out Ieee80211Channel? channel, out string? error)
    {
        channel = null;
        error = null;
        if (text is "-" or "any" or "0") return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            error = $"invalid channel specification {text}";
            return false;
        }
        channel = Find(ic, n);
        if (channel is not null) return true;
        error = n >= 1000 ? $"unknown/undefined channel frequency {n}" : $"unknown/undefined channel number {n}";
        return false;
    }

    /// <summary>"2412 MHz 11g" (ifconfig's channel description inside parentheses).</summary>
    public static string Describe(Ieee80211Channel c)
    {
        string mode = c.IsA ? " 11a" : c.IsG ? " 11g" : c.IsB ? " 11b" : "";
        string ht = c.IsHt40Up ? " ht/40+" : c.IsHt40Down ? " ht/40-" : c.IsHt20 ? " ht/20" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{c.FrequencyMhz} MHz{mode}{ht}");
    }
}
