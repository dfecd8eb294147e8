namespace Net80211.Channels;

/// <summary>One frequency range of a regulatory domain: every 20 MHz channel whose centre lies in
/// [<see cref="FirstCenterMhz"/>, <see cref="LastCenterMhz"/>] may be used at up to
/// <see cref="MaxEirpDbm"/>, under <see cref="Flags"/>. An HT40 channel needs both of its 20 MHz
/// halves inside one rule, so a 40 MHz channel never straddles two regulatory sub-bands
/// (like 48/52, where DFS starts).</summary>
public readonly record struct RegRule(int FirstCenterMhz, int LastCenterMhz, int MaxEirpDbm, RegRuleFlags Flags = RegRuleFlags.None)
{
    public bool Contains(int frequencyMhz) => frequencyMhz >= FirstCenterMhz && frequencyMhz <= LastCenterMhz;
    public bool AllowsOfdm => (Flags & RegRuleFlags.NoOfdm) == 0;
    public bool AllowsHt40 => (Flags & (RegRuleFlags.NoHt40 | RegRuleFlags.NoOfdm)) == 0;

    /// <summary>Channel flags a channel under this rule takes on.</summary>
    public ChannelFlags ChannelFlags
    {
        get
        {
            var f = ChannelFlags.None;
            // No probing where we may not be first to transmit, nor on radar channels before
            // they are known clear (802.11h); FreeBSD's regdomain marks DFS bands passive too.
            if ((Flags & (RegRuleFlags.Passive | RegRuleFlags.NoIr | RegRuleFlags.Dfs)) != 0) f |= ChannelFlags.Passive;
            if ((Flags & RegRuleFlags.NoIr) != 0) f |= ChannelFlags.NoIr;
            if ((Flags & RegRuleFlags.Dfs) != 0) f |= ChannelFlags.Dfs;
            if ((Flags & RegRuleFlags.IndoorOnly) != 0) f |= ChannelFlags.IndoorOnly;
            return f;
        }
    }
}
