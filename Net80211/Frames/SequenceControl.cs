namespace Net80211.Frames;

/// <summary>Sequence Control field (IEEE 802.11-2020 9.2.4.4).</summary>
/// <remarks>
/// <code>
///  B0        B3 B4                B15
/// +------------+-------------------+
/// | Fragment   | Sequence Number   |
/// | Number (4) | (12)              |
/// +------------+-------------------+
/// </code>
/// </remarks>
public readonly struct SequenceControl : IEquatable<SequenceControl>
{
    public const int Length = 2;

    /// <summary>Sequence numbers count modulo 4096 (9.2.4.4.2).</summary>
    public const int SequenceModulo = 4096;

    public SequenceControl(ushort value) => Value = value;

    /// <summary>Builds the field; out-of-range inputs are reduced modulo their field width, which is
    /// what a transmitter incrementing a counter wants.</summary>
    public SequenceControl(int sequenceNumber, int fragmentNumber)
        => Value = (ushort)(((sequenceNumber & 0xFFF) << 4) | (fragmentNumber & 0xF));

    public ushort Value { get; }
    public int SequenceNumber => Value >> 4;
    public int FragmentNumber => Value & 0xF;

    /// <summary>Forward distance from <paramref name="from"/> to <paramref name="to"/> in sequence-number space (0..4095).</summary>
    public static int Distance(int from, int to) => (to - from) & (SequenceModulo - 1);

    public bool Equals(SequenceControl other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is SequenceControl other && Equals(other);
    public override int GetHashCode() => Value;
    public static bool operator ==(SequenceControl left, SequenceControl right) => left.Value == right.Value;
    public static bool operator !=(SequenceControl left, SequenceControl right) => left.Value != right.Value;
    public override string ToString() => $"seq={SequenceNumber} frag={FragmentNumber}";
}
