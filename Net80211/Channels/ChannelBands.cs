namespace Net80211.Channels;

/// <summary>The PHY modes a radio supports, used to expand one channel number into the channel
/// entries it needs (FreeBSD passes the same information as a bitmap of ieee80211_phymode).</summary>
[Flags]
public enum ChannelBands
{
    None = 0,
    /// <summary>802.11b: CCK in 2.4 GHz.</summary>
    B = 0x01,
    /// <summary>802.11g: mixed CCK/OFDM in 2.4 GHz.</summary>
    G = 0x02,
    /// <summary>802.11n in 2.4 GHz.</summary>
    NG = 0x04,
    /// <summary>802.11a: OFDM in 5 GHz.</summary>
    A = 0x08,
    /// <summary>802.11n in 5 GHz.</summary>
    NA = 0x10,

    All2Ghz = B | G | NG,
    All5Ghz = A | NA,
}
