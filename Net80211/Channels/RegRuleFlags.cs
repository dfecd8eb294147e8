namespace Net80211.Channels;

/// <summary>Conditions a regulatory rule puts on the channels it covers.</summary>
[Flags]
public enum RegRuleFlags
{
    None = 0,
    /// <summary>CCK only: no OFDM and so no 11g/11n (channel 14 in Japan).</summary>
    NoOfdm = 0x01,
    /// <summary>No 40 MHz channels.</summary>
    NoHt40 = 0x02,
    /// <summary>Passive scanning only.</summary>
    Passive = 0x04,
    /// <summary>No initiating radiation (implies passive scanning).</summary>
    NoIr = 0x08,
    /// <summary>Radar detection required (implies passive scanning until the channel is known clear).</summary>
    Dfs = 0x10,
    /// <summary>Indoor use only; skipped when the location is set to outdoor.</summary>
    IndoorOnly = 0x20,
}
