namespace Net80211.Frames;

/// <summary>Data frame subtypes (IEEE 802.11-2020 Table 9-1). Bit 3 of the subtype means QoS,
/// bit 2 means "no Frame Body"; the CF-* variants are PCF/HCCA leftovers that are rarely seen.</summary>
public enum DataSubtype : byte
{
    Data = 0,
    DataCfAck = 1,
    DataCfPoll = 2,
    DataCfAckCfPoll = 3,
    Null = 4,
    CfAck = 5,
    CfPoll = 6,
    CfAckCfPoll = 7,
    QosData = 8,
    QosDataCfAck = 9,
    QosDataCfPoll = 10,
    QosDataCfAckCfPoll = 11,
    QosNull = 12,
    QosCfPoll = 14,
    QosCfAckCfPoll = 15,
}
