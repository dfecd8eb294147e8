namespace Net80211.Radiotap;

/// <summary>The Flags field (bit 1) of radiotap.</summary>
[Flags]
#pragma warning disable CA1028 // one octet on the wire
public enum RadiotapFlags : byte
#pragma warning restore CA1028
{
    None = 0,
    /// <summary>Sent or received during the contention-free period.</summary>
    Cfp = 0x01,
    ShortPreamble = 0x02,
    /// <summary>Sent or received with WEP (any) encapsulation.</summary>
    Wep = 0x04,
    Fragmentation = 0x08,
    /// <summary>The frame ends with its 4-octet FCS.</summary>
    FcsAtEnd = 0x10,
    /// <summary>Padding between the 802.11 header and the payload, to a 32-bit boundary.</summary>
    DataPad = 0x20,
    /// <summary>The frame failed its FCS check.</summary>
    BadFcs = 0x40,
    ShortGuardInterval = 0x80,
}

/// <summary>The RX flags field (bit 14) of radiotap.</summary>
[Flags]
#pragma warning disable CA1028 // two octets on the wire
public enum RadiotapRxFlags : ushort
#pragma warning restore CA1028
{
    None = 0,
    /// <summary>PLCP CRC check failed.</summary>
    BadPlcp = 0x0002,
}

/// <summary>The TX flags field (bit 15) of radiotap.</summary>
[Flags]
#pragma warning disable CA1028 // two octets on the wire
public enum RadiotapTxFlags : ushort
#pragma warning restore CA1028
{
    None = 0,
    /// <summary>Transmission failed (excessive retries).</summary>
    Failed = 0x0001,
    /// <summary>Used CTS-to-self protection.</summary>
    Cts = 0x0002,
    /// <summary>Used RTS/CTS handshake.</summary>
    Rts = 0x0004,
    /// <summary>Not expecting an ACK.</summary>
    NoAck = 0x0008,
    /// <summary>The sequence number was supplied by the sender, not the hardware.</summary>
    NoSequenceNumber = 0x0010,
    /// <summary>Must not be reordered relative to other NoSequenceNumber frames.</summary>
    Order = 0x0020,
}
