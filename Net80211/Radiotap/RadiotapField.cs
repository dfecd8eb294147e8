namespace Net80211.Radiotap;

/// <summary>Bit numbers of the fields in the radiotap namespace (radiotap.org, "Defined fields").
/// A field's data appears in the header in bit order, each aligned to its natural boundary.</summary>
public enum RadiotapField
{
    Tsft = 0,
    Flags = 1,
    Rate = 2,
    Channel = 3,
    Fhss = 4,
    DbmAntennaSignal = 5,
    DbmAntennaNoise = 6,
    LockQuality = 7,
    TxAttenuation = 8,
    DbTxAttenuation = 9,
    DbmTxPower = 10,
    Antenna = 11,
    DbAntennaSignal = 12,
    DbAntennaNoise = 13,
    RxFlags = 14,
    TxFlags = 15,
    RtsRetries = 16,
    DataRetries = 17,
    /// <summary>FreeBSD's XCHANNEL (not in the radiotap.org list, but Wireshark knows it too).</summary>
    XChannel = 18,
    Mcs = 19,
    AmpduStatus = 20,
    Vht = 21,
    Timestamp = 22,
    He = 23,
    HeMu = 24,
    HeMuOtherUser = 25,
    ZeroLengthPsdu = 26,
    LSig = 27,
    /// <summary>Type-length-value list running to the end of the header.</summary>
    Tlv = 28,
    /// <summary>The next presence bitmap starts over in the radiotap namespace.</summary>
    RadiotapNamespace = 29,
    /// <summary>A vendor namespace header follows; the next bitmap is in that namespace.</summary>
    VendorNamespace = 30,
    /// <summary>Another presence bitmap follows this one.</summary>
    Extended = 31,
}
