namespace Net80211.Channels;

/// <summary>A regulatory domain (FreeBSD's regdomain/SKU): the frequency ranges a regulator allows,
/// at what power and under which conditions. <see cref="Apply"/> turns what a radio can do into
/// what it may do here. The built-in domains are in <see cref="RegDomains"/>.</summary>
public sealed class RegDomain
{
    private readonly RegRule[] _rules;

    /// <param name="name">Domain name as ifconfig shows it ("FCC", "ETSI").</param>
    /// <param name="sku">Numeric domain code (FreeBSD's SKU_* values).</param>
    /// <param name="rules">Allowed ranges; a frequency should fall in at most one.</param>
    /// <param name="defaultCountryCode">Country assumed when only the domain is chosen.</param>
    public RegDomain(string name, int sku, IEnumerable<RegRule> rules, string? defaultCountryCode = null)
        : this(name, sku, rules, defaultCountryCode, passThrough: false)
    {
    }

    private RegDomain(string name, int sku, IEnumerable<RegRule> rules, string? defaultCountryCode, bool passThrough)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rules);
        Name = name;
        Sku = sku;
        _rules = [.. rules];
        foreach (var r in _rules)
            if (r.FirstCenterMhz > r.LastCenterMhz)
                throw new ArgumentException($"Rule {r} ends before it starts.", nameof(rules));
        DefaultCountryCode = defaultCountryCode;
        IsPassThrough = passThrough;
    }

    /// <summary>A domain that accepts the radio's own list unchanged (FreeBSD's DEBUG SKU: the
    /// driver's calibration data is taken as the whole truth).</summary>
    public static RegDomain CreatePassThrough(string name, int sku) => new(name, sku, [], null, passThrough: true);

    public string Name { get; }
    public int Sku { get; }
    public string? DefaultCountryCode { get; }
    public bool IsPassThrough { get; }
    public IReadOnlyList<RegRule> Rules => _rules;

    /// <summary>Finds the rule covering a 20 MHz channel centred on <paramref name="frequencyMhz"/>.</summary>
    public bool TryGetRule(int frequencyMhz, out RegRule rule)
    {
        foreach (var r in _rules)
        {
            if (r.Contains(frequencyMhz)) { rule = r; return true; }
        }
        rule = default;
        return false;
    }

    /// <summary>Whether this domain admits <paramref name="channel"/> at <paramref name="location"/>.</summary>
    public bool Allows(Ieee80211Channel channel, RegLocation location = RegLocation.Any)
        => IsPassThrough || TryAdmit(channel, location, out _);

    /// <summary>The active channel list for a radio with capabilities <paramref name="radioCaps"/>:
    /// only channels the radio supports and this domain allows, each with the domain's flags added
    /// (passive, no-IR, DFS, indoor) and its power limits capped at the domain's
    /// (what ifconfig's regdomain_makechannels and the kernel's ieee80211_setregdomain do together). Sorted by frequency, then 11b &lt; 11g &lt; HT20 &lt; HT40 as FreeBSD
    /// sorts; a duplicate entry in the capabilities keeps its first occurrence.</summary>
    public ChannelTable Apply(ReadOnlySpan<Ieee80211Channel> radioCaps, RegLocation location = RegLocation.Any)
    {
        var result = new List<Ieee80211Channel>(radioCaps.Length);
        var seen = new HashSet<(int, ChannelFlags)>();
        foreach (var cap in radioCaps)
        {
            if (cap is null || !seen.Add((cap.FrequencyMhz, cap.ModeFlags))) continue;
            if (IsPassThrough) result.Add(cap);
            else if (TryAdmit(cap, location, out var admitted)) result.Add(admitted);
        }
        result.Sort(static (a, b) => a.FrequencyMhz != b.FrequencyMhz
            ? a.FrequencyMhz.CompareTo(b.FrequencyMhz)
            : ((uint)a.ModeFlags).CompareTo((uint)b.ModeFlags));
        if (result.Count > ChannelTable.MaxChannels)
            result.RemoveRange(ChannelTable.MaxChannels, result.Count - ChannelTable.MaxChannels);
        return new ChannelTable(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(result));
    }

    private bool TryAdmit(Ieee80211Channel cap, RegLocation location, out Ieee80211Channel admitted)
    {
        admitted = cap;
        if (!TryGetRule(cap.FrequencyMhz, out var rule)) return false;
        bool usesOfdm = cap.IsOfdm || cap.IsHt;
        if (usesOfdm && !rule.AllowsOfdm) return false;
        if (location == RegLocation.Outdoor && (rule.Flags & RegRuleFlags.IndoorOnly) != 0) return false;

        ChannelFlags added = rule.ChannelFlags;
        if (cap.IsHt40)
        {
            // Both halves inside one rule that allows 40 MHz, and a pair the standard defines.
            if (!rule.AllowsHt40 || !rule.Contains(cap.ExtensionFrequencyMhz)) return false;
            if (!ChannelPlan.IsHt40Pair(cap.Ieee, cap.IsHt40Up, cap.Flags)) return false;
        }

        int reg = cap.MaxRegTxPowerDbm > 0 ? Math.Min(cap.MaxRegTxPowerDbm, rule.MaxEirpDbm) : rule.MaxEirpDbm;
        int max = cap.MaxTxPowerHalfDbm > 0 ? Math.Min(cap.MaxTxPowerHalfDbm, 2 * reg) : 2 * reg;
        int min = Math.Min(cap.MinTxPowerHalfDbm, max);
        admitted = new Ieee80211Channel(cap.FrequencyMhz, cap.Ieee, cap.Flags | added, reg, max, min);
        return true;
    }

    public override string ToString() => Name;
}
