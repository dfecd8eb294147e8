using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Net80211.Channels;

/// <summary>The built-in regulatory domains. Ranges are 20 MHz channel centres; powers are EIRP in
/// dBm. Numbers follow the regulations cited on each domain as summarised by the Linux
/// wireless-regdb and FreeBSD's regdomain.xml; they are a model for simulation and testing,
/// not certified compliance data.</summary>
public static class RegDomains
{
    /// <summary>United States, FCC (SKU 0x10).</summary>
    /// <remarks>47 CFR 15.247: 2400-2483.5 MHz at 1 W, channels 1-11 (12-13 would need band-edge
    /// power back-off, which we do not model). 47 CFR 15.407: U-NII-1 5150-5250 (client limit),
    /// U-NII-2A 5250-5350 and U-NII-2C 5470-5730 with radar detection per 15.407(h),
    /// U-NII-3 5725-5850 at 1 W.</remarks>
    public static RegDomain Fcc { get; } = new("FCC", 0x10,
    [
        new(2412, 2462, 30),                         // 1-11
        new(5180, 5240, 23),                         // 36-48
        new(5260, 5320, 24, RegRuleFlags.Dfs),       // 52-64
        new(5500, 5720, 24, RegRuleFlags.Dfs),       // 100-144
        new(5745, 5825, 30),                         // 149-165
    ], "US");

    /// <summary>Europe, ETSI (SKU 0x30).</summary>
    /// <remarks>ETSI EN 300 328: 2400-2483.5 MHz at 100 mW EIRP, channels 1-13. ETSI EN 301 893 and
    /// EC decision 2005/513/EC: 5150-5350 MHz at 200 mW EIRP indoors only, 5250-5350 with DFS;
    /// 5470-5725 MHz at 1 W EIRP with DFS. The 5 GHz limits assume transmit power control; without
    /// it they are 3 dB lower, which a driver can express through its own caps.</remarks>
    public static RegDomain Etsi { get; } = new("ETSI", 0x30,
    [
        new(2412, 2472, 20),                                                // 1-13
        new(5180, 5240, 23, RegRuleFlags.IndoorOnly),                       // 36-48
        new(5260, 5320, 23, RegRuleFlags.Dfs | RegRuleFlags.IndoorOnly),    // 52-64
        new(5500, 5700, 30, RegRuleFlags.Dfs),                              // 100-140
    ], "DE");

    /// <summary>Japan, MIC (SKU 0x40).</summary>
    /// <remarks>ARIB STD-T66: channels 1-13 for OFDM and DSSS, channel 14 (2484 MHz) for DSSS/CCK
    /// only. ARIB STD-T71: W52 5150-5250 and W53 5250-5350 (DFS) at 200 mW EIRP, W56 5470-5725
    /// (DFS) at 1 W EIRP.</remarks>
    public static RegDomain Japan { get; } = new("JAPAN", 0x40,
    [
        new(2412, 2472, 20),                                                // 1-13
        new(2484, 2484, 20, RegRuleFlags.NoOfdm),                           // 14, 11b only
        new(5180, 5240, 23),                                                // 36-48
        new(5260, 5320, 23, RegRuleFlags.Dfs),                              // 52-64
        new(5500, 5700, 30, RegRuleFlags.Dfs),                              // 100-140
    ], "JP");

    /// <summary>Republic of Korea (SKU 0x45): channels 1-13, all 5 GHz sub-bands at 200 mW, with
    /// DFS on 5250-5350 and 5470-5725 MHz (per wireless-regdb's KR entry).</summary>
    public static RegDomain Korea { get; } = new("KOREA", 0x45,
    [
        new(2412, 2472, 23),                         // 1-13
        new(5180, 5240, 23),                         // 36-48
        new(5260, 5320, 23, RegRuleFlags.Dfs),       // 52-64
        new(5500, 5700, 23, RegRuleFlags.Dfs),       // 100-140
        new(5745, 5825, 23),                         // 149-165
    ], "KR");

    /// <summary>Asia-Pacific (SKU 0x50): the part Australia, New Zealand, India and China have in
    /// common, at the lowest of their limits: channels 1-13, 36-64 (52-64 with DFS) and 149-165.
    /// Coarser than any one of those regulators; FreeBSD likewise groups them.</summary>
    public static RegDomain Apac { get; } = new("APAC", 0x50,
    [
        new(2412, 2472, 20),                         // 1-13
        new(5180, 5240, 23),                         // 36-48
        new(5260, 5320, 23, RegRuleFlags.Dfs),       // 52-64
        new(5745, 5825, 30),                         // 149-165
    ], "CN");

    /// <summary>World roaming domain ("00"): usable anywhere because it never initiates
    /// transmission where that is not legal everywhere. Channels 1-11 are active; 12-13, 14
    /// (CCK only) and all of 5 GHz are passive/no-IR, so the station only answers APs it hears
    /// (the Linux world regulatory domain, which IEEE 802.11d operation then narrows).</summary>
    public static RegDomain World { get; } = new("WORLD", 0,
    [
        new(2412, 2462, 20),                                                        // 1-11
        new(2467, 2472, 20, RegRuleFlags.NoIr),                                     // 12-13
        new(2484, 2484, 20, RegRuleFlags.NoIr | RegRuleFlags.NoOfdm),               // 14
        new(5180, 5240, 20, RegRuleFlags.NoIr),                                     // 36-48
        new(5260, 5320, 20, RegRuleFlags.NoIr | RegRuleFlags.Dfs),                  // 52-64
        new(5500, 5720, 20, RegRuleFlags.NoIr | RegRuleFlags.Dfs),                  // 100-144
        new(5745, 5825, 20, RegRuleFlags.NoIr),                                     // 149-165
    ], "00");

    /// <summary>DEBUG (SKU 0x1ff): the radio's own channel list, unchanged.</summary>
    public static RegDomain Debug { get; } = RegDomain.CreatePassThrough("DEBUG", 0x1ff);

    /// <summary>Every built-in domain, in the order ifconfig lists them.</summary>
    public static IReadOnlyList<RegDomain> All { get; } = [Debug, Fcc, Japan, Etsi, Apac, Korea, World];

    /// <summary>Finds a domain by name, case-insensitively.</summary>
    public static bool TryGetByName(string? name, [NotNullWhen(true)] out RegDomain? domain)
    {
        domain = null;
        if (name is null) return false;
        foreach (var d in All)
        {
            if (string.Equals(d.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) { domain = d; return true; }
        }
        return false;
    }

    public static bool TryGetBySku(int sku, [NotNullWhen(true)] out RegDomain? domain)
    {
        foreach (var d in All)
        {
            if (d.Sku == sku) { domain = d; return true; }
        }
        domain = null;
        return false;
    }

    /// <summary>What <c>ifconfig wlan0 regdomain X</c> accepts: a name, or a SKU in decimal or
    /// 0x-prefixed hex.</summary>
    public static bool TryGet(string? nameOrSku, [NotNullWhen(true)] out RegDomain? domain)
    {
        if (TryGetByName(nameOrSku, out domain)) return true;
        return TryParseNumber(nameOrSku, out int sku) && TryGetBySku(sku, out domain);
    }

    internal static bool TryParseNumber(string? s, out int value)
    {
        value = 0;
        if (s is null) return false;
        var span = s.AsSpan().Trim();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return int.TryParse(span[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        return int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
