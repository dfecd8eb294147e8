namespace Net80211.Frames;

/// <summary>Category field of Action frames (IEEE 802.11-2020 9.4.1.11, Table 9-51). A recipient that
/// rejects an Action frame returns it with bit 7 of the category set.</summary>
public enum ActionCategory : byte
{
    SpectrumManagement = 0,
    Qos = 1,
    Dls = 2,
    BlockAck = 3,
    Public = 4,
    RadioMeasurement = 5,
    FastBssTransition = 6,
    Ht = 7,
    SaQuery = 8,
    ProtectedDualOfPublic = 9,
    Wnm = 10,
    UnprotectedWnm = 11,
    Tdls = 12,
    Mesh = 13,
    Multihop = 14,
    SelfProtected = 15,
    Dmg = 16,
    /// <summary>WMM admission control (Wi-Fi Alliance WMM specification).</summary>
    Wmm = 17,
    Fst = 18,
    RobustAvStreaming = 19,
    UnprotectedDmg = 20,
    Vht = 21,
    UnprotectedS1g = 22,
    S1g = 23,
    FlowControl = 24,
    ControlResponseMcsNegotiation = 25,
    Fils = 26,
    VendorSpecificProtected = 126,
    VendorSpecific = 127,
}
