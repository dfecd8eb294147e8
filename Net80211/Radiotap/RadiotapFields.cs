namespace Net80211.Radiotap;

/// <summary>A presence bitmap (<c>it_present</c>) of the radiotap namespace: bit n is
/// <see cref="RadiotapField"/> n.</summary>
[Flags]
#pragma warning disable CA1028 // the wire word is an unsigned 32-bit bitmap
public enum RadiotapFields : uint
#pragma warning restore CA1028
{
    None = 0,
    Tsft = 1u << RadiotapField.Tsft,
    Flags = 1u << RadiotapField.Flags,
    Rate = 1u << RadiotapField.Rate,
    Channel = 1u << RadiotapField.Channel,
    Fhss = 1u << RadiotapField.Fhss,
    DbmAntennaSignal = 1u << RadiotapField.DbmAntennaSignal,
    DbmAntennaNoise = 1u << RadiotapField.DbmAntennaNoise,
    LockQuality = 1u << RadiotapField.LockQuality,
    TxAttenuation = 1u << RadiotapField.TxAttenuation,
    DbTxAttenuation = 1u << RadiotapField.DbTxAttenuation,
    DbmTxPower = 1u << RadiotapField.DbmTxPower,
    Antenna = 1u << RadiotapField.Antenna,
    DbAntennaSignal = 1u << RadiotapField.DbAntennaSignal,
    DbAntennaNoise = 1u << RadiotapField.DbAntennaNoise,
    RxFlags = 1u << RadiotapField.RxFlags,
    TxFlags = 1u << RadiotapField.TxFlags,
    RtsRetries = 1u << RadiotapField.RtsRetries,
    DataRetries = 1u << RadiotapField.DataRetries,
    XChannel = 1u << RadiotapField.XChannel,
    Mcs = 1u << RadiotapField.Mcs,
    AmpduStatus = 1u << RadiotapField.AmpduStatus,
    Vht = 1u << RadiotapField.Vht,
    Timestamp = 1u << RadiotapField.Timestamp,
    He = 1u << RadiotapField.He,
    HeMu = 1u << RadiotapField.HeMu,
    HeMuOtherUser = 1u << RadiotapField.HeMuOtherUser,
    ZeroLengthPsdu = 1u << RadiotapField.ZeroLengthPsdu,
    LSig = 1u << RadiotapField.LSig,
    Tlv = 1u << RadiotapField.Tlv,
    RadiotapNamespace = 1u << RadiotapField.RadiotapNamespace,
    VendorNamespace = 1u << RadiotapField.VendorNamespace,
    Extended = 1u << RadiotapField.Extended,
}
