namespace Net80211.RadioDrivers.Air;

/// <summary>
/// How the air is to send one frame: the rate chain, whether an ACK is expected, the preamble, and
/// optional EDCA-style overrides of the contention parameters (null = the band's DCF defaults).
/// </summary>
public readonly struct TxDescriptor
{
    public TxDescriptor(RateChain chain, bool noAck = false, bool shortPreamble = false)
    {
        Chain = chain;
        NoAck = noAck;
        ShortPreamble = shortPreamble;
    }

    public RateChain Chain { get; init; }

    /// <summary>Send once and do not wait for an ACK (IEEE80211_TX_NOACK, QoS no-ack policy).</summary>
    public bool NoAck { get; init; }

    /// <summary>Short PLCP preamble for DSSS/CCK rates above 1 Mb/s (IEEE 802.11-2020 Clause 16 short PPDU format); ignored for OFDM.</summary>
    public bool ShortPreamble { get; init; }

    /// <summary>AIFSN override (IEEE 802.11-2020 EDCA, 10.2): AIFS = SIFS + AIFSN × slot. Null = 2 (DIFS).</summary>
    public int? Aifsn { get; init; }

    /// <summary>CWmin override in slots (2^n − 1). Null = the band's default.</summary>
    public int? CwMin { get; init; }

    /// <summary>CWmax override in slots (2^n − 1). Null = the band's default.</summary>
    public int? CwMax { get; init; }
}
