namespace Net80211.Frames;

/// <summary>Ack Policy subfield of QoS Control (IEEE 802.11-2020 9.2.4.5.4, Table 9-11).</summary>
public enum AckPolicy : byte
{
    /// <summary>Normal Ack, or implicit Block Ack Request when part of an A-MPDU.</summary>
    Normal = 0,
    NoAck = 1,
    /// <summary>No explicit acknowledgment, or PSMP Ack.</summary>
    NoExplicitAck = 2,
    BlockAck = 3,
}
