namespace Net80211.Frames;

/// <summary>Capability Information field (IEEE 802.11-2020 9.4.1.4, Figure 9-68).</summary>
/// <remarks>
/// <code>
///  B0  B1   B2-B3  B4      B5       B6-B7  B8       B9  B10    B11  B12     B13  B14-B15
/// +---+----+------+-------+--------+------+--------+---+------+----+-------+----+--------+
/// |ESS|IBSS|(res.)|Privacy|Short   |(res.)|Spectrum|QoS|Short |APSD|Radio  |EPD |(res.)  |
/// |   |    |      |       |Preamble|      |Mgmt    |   |Slot  |    |Measure|    |        |
/// +---+----+------+-------+--------+------+--------+---+------+----+-------+----+--------+
/// </code>
/// The reserved bits were CF-Pollable/CF-Poll Request, PBCC/Channel Agility and Delayed/Immediate
/// Block Ack in earlier revisions; they are named here because old equipment still sets them.
/// </remarks>
[Flags]
public enum CapabilityInfo : ushort
{
    None = 0,
    Ess = 0x0001,
    Ibss = 0x0002,
    CfPollable = 0x0004,
    CfPollRequest = 0x0008,
    Privacy = 0x0010,
    ShortPreamble = 0x0020,
    Pbcc = 0x0040,
    ChannelAgility = 0x0080,
    SpectrumManagement = 0x0100,
    Qos = 0x0200,
    ShortSlotTime = 0x0400,
    Apsd = 0x0800,
    RadioMeasurement = 0x1000,
    Epd = 0x2000,
    DelayedBlockAck = 0x4000,
    ImmediateBlockAck = 0x8000,
}
