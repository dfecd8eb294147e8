using Net80211.Channels;

namespace Net80211.Radio;

/// <summary>Per-frame receive information a driver hands up with a frame (struct ieee80211_rx_stats):
/// what radiotap reports.</summary>
public readonly record struct RxInfo
{
    public int FrequencyMhz { get; init; }
    public ChannelFlags ChannelFlags { get; init; }
    /// <summary>Legacy rate in 500 kb/s units, or 0x80 | MCS for HT.</summary>
    public byte Rate { get; init; }
    /// <summary>Device timestamp of the first bit, in microseconds (radiotap TSFT).</summary>
    public ulong MacTimeMicroseconds { get; init; }
    public RxFlags Flags { get; init; }
    public byte Antenna { get; init; }
}

[Flags]
public enum RxFlags : ushort
{
    None = 0,
    ShortPreamble = 1 << 0,
    /// <summary>The frame still carries its 4-byte FCS.</summary>
    HasFcs = 1 << 1,
    /// <summary>FCS check failed (delivered only to monitor VAPs).</summary>
    BadFcs = 1 << 2,
    /// <summary>Hardware already decrypted the frame.</summary>
    Decrypted = 1 << 3,
    /// <summary>Hardware verified the MIC.</summary>
    MicVerified = 1 << 4,
    /// <summary>Hardware removed the MPDU MIC after checking it; the cipher header is still there
    /// (IEEE80211_RX_F_MMIC_STRIP).</summary>
    MicStripped = 1 << 5,
}

/// <summary>Parameters of a raw transmission (struct ieee80211_bpf_params): what a caller of RawXmit
/// may override instead of letting the stack choose.</summary>
public readonly record struct RawTxParams
{
    /// <summary>Rate in 500 kb/s units for the first attempt; 0 = the management rate.</summary>
    public byte Rate0 { get; init; }
    public byte Try0 { get; init; }
    public bool NoAck { get; init; }
    public bool ShortPreamble { get; init; }
    public byte Power { get; init; }
}
