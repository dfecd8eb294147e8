namespace Net80211.Vaps;

/// <summary>PHY modes a VAP keeps separate TX parameters for (enum ieee80211_phymode, the subset used).</summary>
public enum PhyMode
{
    Auto = 0,
    Mode11a = 1,
    Mode11b = 2,
    Mode11g = 3,
    Mode11na = 4,
    Mode11ng = 5,
}

/// <summary>
/// Per-PHY-mode transmit parameters (struct ieee80211_txparam), what <c>ifconfig ucastrate/mcastrate/
/// mgtrate/maxretry</c> set and <c>list txparam</c> shows. Rates in 500 kb/s units; a unicast rate of 0
/// (IEEE80211_FIXED_RATE_NONE) leaves the choice to rate control.
/// </summary>
public record struct TxParameters(byte UnicastRate, byte MulticastRate, byte ManagementRate, byte MaxRetry)
{
    public const byte FixedRateNone = 0;
    /// <summary>IEEE80211_TXMAX_DEFAULT.</summary>
    public const byte DefaultMaxRetry = 6;
}

/// <summary>The per-mode table with net80211's defaults: lowest basic rate for management and multicast.</summary>
public sealed class TxParameterTable
{
    private readonly TxParameters[] _params = new TxParameters[6];

    public TxParameterTable()
    {
        _params[(int)PhyMode.Auto] = new(TxParameters.FixedRateNone, 2, 2, TxParameters.DefaultMaxRetry);
        _params[(int)PhyMode.Mode11a] = new(TxParameters.FixedRateNone, 12, 12, TxParameters.DefaultMaxRetry);
        _params[(int)PhyMode.Mode11b] = new(TxParameters.FixedRateNone, 2, 2, TxParameters.DefaultMaxRetry);
        _params[(int)PhyMode.Mode11g] = new(TxParameters.FixedRateNone, 2, 2, TxParameters.DefaultMaxRetry);
        _params[(int)PhyMode.Mode11na] = new(TxParameters.FixedRateNone, 12, 12, TxParameters.DefaultMaxRetry);
        _params[(int)PhyMode.Mode11ng] = new(TxParameters.FixedRateNone, 2, 2, TxParameters.DefaultMaxRetry);
    }

    public ref TxParameters this[PhyMode mode] => ref _params[(int)mode];

    /// <summary>The PHY mode a channel implies for the parameters' purpose: 5 GHz → 11a, 2 GHz → 11g
    /// (11b when the channel has no OFDM; an 11g channel is dynamic CCK-OFDM, <see cref="Channels.Ieee80211Channel.IsOfdm"/>).</summary>
    public static PhyMode ModeFor(Channels.Ieee80211Channel? channel)
    {
        if (channel is null) return PhyMode.Auto;
        if (channel.Is5Ghz) return PhyMode.Mode11a;
        return channel.IsOfdm ? PhyMode.Mode11g : PhyMode.Mode11b;
    }
}
