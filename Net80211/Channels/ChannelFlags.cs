namespace Net80211.Channels;

/// <summary>Channel attributes. The low 16 bits keep the FreeBSD/radiotap bit positions
/// (radiotap's Channel field uses the same values), so capture code can copy them through;
/// the rest follow FreeBSD's <c>IEEE80211_CHAN_*</c> where it has a bit, plus two regulatory
/// bits of our own (<see cref="NoIr"/>, <see cref="IndoorOnly"/>) above FreeBSD's range.</summary>
[Flags]
#pragma warning disable CA1028 // bit-compatible with the 32-bit ic_flags word, so unsigned
public enum ChannelFlags : uint
#pragma warning restore CA1028
{
    None = 0,

    /// <summary>CCK modulation (802.11b, Clause 16/17 DSSS/HR-DSSS).</summary>
    Cck = 0x0000_0020,
    /// <summary>OFDM modulation only (802.11a, or "pure g" in 2.4 GHz).</summary>
    Ofdm = 0x0000_0040,
    /// <summary>2.4 GHz band.</summary>
    Band2Ghz = 0x0000_0080,
    /// <summary>5 GHz band (including the 4.9 GHz Japan/public-safety allocation).</summary>
    Band5Ghz = 0x0000_0100,
    /// <summary>Passive scan only: no probe requests until a beacon has been heard.</summary>
    Passive = 0x0000_0200,
    /// <summary>Dynamic CCK-OFDM: a mixed 802.11g channel (ERP, Clause 18) that carries both.</summary>
    Dynamic = 0x0000_0400,
    /// <summary>10 MHz ("half rate") channel.</summary>
    Half = 0x0000_4000,
    /// <summary>5 MHz ("quarter rate") channel.</summary>
    Quarter = 0x0000_8000,

    /// <summary>HT (802.11n) 20 MHz channel.</summary>
    Ht20 = 0x0001_0000,
    /// <summary>HT 40 MHz channel, secondary 20 MHz above the primary.</summary>
    Ht40Up = 0x0002_0000,
    /// <summary>HT 40 MHz channel, secondary 20 MHz below the primary.</summary>
    Ht40Down = 0x0004_0000,
    /// <summary>Radar detection (DFS, 802.11h) is required before and while transmitting.</summary>
    Dfs = 0x0008_0000,
    /// <summary>IBSS (ad-hoc) operation not allowed.</summary>
    NoAdhoc = 0x0020_0000,
    /// <summary>Access-point operation not allowed.</summary>
    NoHostap = 0x0040_0000,

    /// <summary>No initiating radiation: this station may not be the first to transmit (no beacons,
    /// no IBSS/mesh start); it may only answer a BSS it has heard. Regulators use it where a band is
    /// not known to be legal at the current location (world domain, channels 12-13).</summary>
    NoIr = 0x4000_0000,
    /// <summary>Indoor use only (e.g. ETSI 5150-5350 MHz, EC decision 2005/513/EC).</summary>
    IndoorOnly = 0x8000_0000,

    /// <summary>HT 40 MHz in either direction.</summary>
    Ht40 = Ht40Up | Ht40Down,
    /// <summary>Any HT channel.</summary>
    Ht = Ht20 | Ht40,

    /// <summary>802.11a: 5 GHz OFDM.</summary>
    A = Band5Ghz | Ofdm,
    /// <summary>802.11b: 2.4 GHz CCK.</summary>
    B = Band2Ghz | Cck,
    /// <summary>802.11g "pure g": 2.4 GHz OFDM without CCK.</summary>
    PureG = Band2Ghz | Ofdm,
    /// <summary>802.11g: 2.4 GHz mixed CCK/OFDM.</summary>
    G = Band2Ghz | Dynamic,

    /// <summary>The bits that say what kind of channel this is (band, modulation, width), as opposed
    /// to what the regulator allows on it. Lookups compare only these (FreeBSD's CHAN_ALLTURBO).</summary>
    ModeMask = Band2Ghz | Band5Ghz | Cck | Ofdm | Dynamic | Half | Quarter | Ht,
}
