namespace Net80211.Frames;

/// <summary>Control frame subtypes (IEEE 802.11-2020 Table 9-1). 0 and 1 are reserved.</summary>
public enum ControlSubtype : byte
{
    Trigger = 2,
    Tack = 3,
    BeamformingReportPoll = 4,
    NdpAnnouncement = 5,
    ControlFrameExtension = 6,
    ControlWrapper = 7,
    BlockAckRequest = 8,
    BlockAck = 9,
    PsPoll = 10,
    Rts = 11,
    Cts = 12,
    Ack = 13,
    CfEnd = 14,
    /// <summary>CF-End +CF-Ack; reserved in 802.11-2020 but still seen from legacy PCF stations.</summary>
    CfEndCfAck = 15,
}
