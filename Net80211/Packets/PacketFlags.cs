namespace Net80211.Packets;

/// <summary>Per-packet flags, the M_* bits of an mbuf that net80211 uses.</summary>
[Flags]
public enum PacketFlags : uint
{
    None = 0,
    /// <summary>Encapsulated 802.11 frame (as opposed to an 802.3 frame from the network interface).</summary>
    Encapsulated = 1 << 0,
    /// <summary>Group-addressed frame: sent once, no ACK expected.</summary>
    Multicast = 1 << 1,
    /// <summary>Do not ACK / do not wait for an ACK (IEEE80211_TX_NOACK).</summary>
    NoAck = 1 << 2,
    /// <summary>Frame is an EAPOL frame (sent at the management rate, unencrypted before keys).</summary>
    Eapol = 1 << 3,
    /// <summary>Frame was received with a bad FCS.</summary>
    BadFcs = 1 << 4,
    /// <summary>The frame carries a trailing 4-byte FCS.</summary>
    HasFcs = 1 << 5,
    /// <summary>Use short preamble (DSSS/CCK rates only).</summary>
    ShortPreamble = 1 << 6,
    /// <summary>Frame is a fragment of a larger MSDU; more follow.</summary>
    MoreFragments = 1 << 7,
    /// <summary>Caller wants a TX completion with the final status (net80211's M_TXCB).</summary>
    TxCallback = 1 << 8,
    /// <summary>Frame went out on the air as an encrypted frame (cipher encap done).</summary>
    Encrypted = 1 << 9,
    /// <summary>Frame was decrypted by hardware (RX) or should be by hardware (TX).</summary>
    HardwareCrypto = 1 << 10,
    /// <summary>A copy of a frame this radio transmitted, shown to monitor VAPs (radiotap TX).</summary>
    Transmitted = 1 << 11,
    /// <summary>Set while a driver owns the packet (between Transmit/RawXmit and TxComplete).</summary>
    InDriver = 1u << 31,
}

/// <summary>Outcome of a transmission as the driver reports it through TxComplete.</summary>
public enum TxStatus
{
    /// <summary>Sent and, when an ACK was due, acknowledged.</summary>
    Ok = 0,
    /// <summary>Retry limit reached without an ACK.</summary>
    NoAck,
    /// <summary>Rejected: hardware queue full (ENOBUFS).</summary>
    QueueFull,
    /// <summary>Flushed without being sent (interface down, reset, VAP deleted).</summary>
    Flushed,
    /// <summary>Rejected as malformed or unsendable by the driver (EINVAL).</summary>
    Invalid,
    /// <summary>The device failed (firmware error, DMA fault, timeout).</summary>
    DeviceError,
}
