namespace Net80211.Frames;

/// <summary>Bit numbers in the Extended Capabilities field (IEEE 802.11-2020 9.4.2.26, Table 9-153).
/// Only single-bit capabilities the stack is likely to test; multi-bit subfields are read raw.</summary>
public enum ExtendedCapability
{
    BssCoexistenceManagement2040 = 0,
    ExtendedChannelSwitching = 2,
    Psmp = 4,
    SPsmp = 6,
    Event = 7,
    ProxyArp = 12,
    Tfs = 16,
    WnmSleepMode = 17,
    TimBroadcast = 18,
    BssTransition = 19,
    MultipleBssid = 22,
    TimingMeasurement = 23,
    SsidList = 25,
    Dms = 26,
    Interworking = 31,
    QosMap = 32,
    Tdls = 37,
    TdlsProhibited = 38,
    WnmNotification = 46,
    Utf8Ssid = 48,
    OperatingModeNotification = 62,
    FtmResponder = 70,
    FtmInitiator = 71,
    Fils = 72,
    CompleteNonTransmittedBssidProfile = 80,
    SaePasswordIdentifiersInUse = 81,
    SaePasswordIdentifiersUsedExclusively = 82,
    BeaconProtection = 84,
    MirroredScs = 85,
    SaePkPasswordsUsedExclusively = 88,
}
