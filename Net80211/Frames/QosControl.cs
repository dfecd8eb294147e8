namespace Net80211.Frames;

/// <summary>QoS Control field of QoS Data frames (IEEE 802.11-2020 9.2.4.5).</summary>
/// <remarks>
/// <code>
///  B0  B3  B4     B5   B6   B7       B8                   B15
/// +-------+------+-----------+--------+---------------------+
/// |  TID  | EOSP | Ack Policy| A-MSDU | TXOP limit / queue  |
/// |       |      |           | Present| size / PS buffer ...|
/// +-------+------+-----------+--------+---------------------+
/// </code>
/// The meaning of the high octet depends on sender and subtype (Table 9-10), so it is exposed raw.
/// In mesh BSSs bit 8 is Mesh Control Present.
/// </remarks>
public readonly struct QosControl : IEquatable<QosControl>
{
    public const int Length = 2;

    private const int EospBit = 0x0010;
    private const int AckPolicyShift = 5;
    private const int AmsduPresentBit = 0x0080;

    public QosControl(ushort value) => Value = value;

    /// <summary>Composes the field. (A factory rather than a constructor so that <c>new QosControl(0x00f5)</c>
    /// can only mean the raw value.)</summary>
    public static QosControl Create(int tid, AckPolicy ackPolicy = AckPolicy.Normal, bool eosp = false, bool amsduPresent = false, byte highOctet = 0)
        => new((ushort)((tid & 0xF)
            | (eosp ? EospBit : 0)
            | (((int)ackPolicy & 0x3) << AckPolicyShift)
            | (amsduPresent ? AmsduPresentBit : 0)
            | (highOctet << 8)));

    public ushort Value { get; }

    /// <summary>Traffic Identifier: 0-7 user priority, 8-15 TSID.</summary>
    public int Tid => Value & 0xF;
    public bool EndOfServicePeriod => (Value & EospBit) != 0;
    public AckPolicy AckPolicy => (AckPolicy)((Value >> AckPolicyShift) & 0x3);
    public bool AmsduPresent => (Value & AmsduPresentBit) != 0;
    public byte HighOctet => (byte)(Value >> 8);

    public bool Equals(QosControl other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is QosControl other && Equals(other);
    public override int GetHashCode() => Value;
    public static bool operator ==(QosControl left, QosControl right) => left.Value == right.Value;
    public static bool operator !=(QosControl left, QosControl right) => left.Value != right.Value;
    public override string ToString() => $"tid={Tid} ack={AckPolicy} eosp={EndOfServicePeriod} amsdu={AmsduPresent}";
}
