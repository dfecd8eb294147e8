namespace Net80211.Frames;

/// <summary>BAR Control / BA Control field (IEEE 802.11-2020 9.3.1.7.1 Figure 9-34, 9.3.1.8.1 Figure 9-41).</summary>
/// <remarks>
/// <code>
///  B0          B1      B4 B5       B11 B12     B15
/// +-------------+---------+-----------+----------+
/// | Ack Policy  |  Type   | Reserved  | TID_INFO |
/// +-------------+---------+-----------+----------+
/// </code>
/// Ack Policy 1 means the recipient does not send an immediate acknowledgment.
/// </remarks>
public readonly struct BlockAckControl : IEquatable<BlockAckControl>
{
    public const int Length = 2;

    private const int NoAckBit = 0x0001;
    private const int TypeShift = 1;
    private const int TidShift = 12;

    public BlockAckControl(ushort value) => Value = value;

    public BlockAckControl(BlockAckType type, int tid, bool noAck = false)
        => Value = (ushort)((noAck ? NoAckBit : 0) | (((int)type & 0xF) << TypeShift) | ((tid & 0xF) << TidShift));

    public ushort Value { get; }
    public bool NoAck => (Value & NoAckBit) != 0;
    public BlockAckType Type => (BlockAckType)((Value >> TypeShift) & 0xF);
    public int Tid => Value >> TidShift;

    public bool Equals(BlockAckControl other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is BlockAckControl other && Equals(other);
    public override int GetHashCode() => Value;
    public static bool operator ==(BlockAckControl left, BlockAckControl right) => left.Value == right.Value;
    public static bool operator !=(BlockAckControl left, BlockAckControl right) => left.Value != right.Value;
    public override string ToString() => $"{Type} tid={Tid} noAck={NoAck}";
}
