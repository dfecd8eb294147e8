namespace Net80211.Frames;

/// <summary>Duration/ID field (IEEE 802.11-2020 9.2.4.2, Table 9-3).</summary>
/// <remarks>
/// <code>
///  B15 B14 | B13..B0
///   0   x  | duration in microseconds (0..32767)
///   1   0  | 0 = fixed value 32768 in the CFP, otherwise reserved
///   1   1  | AID 1..2007 (PS-Poll only)
/// </code>
/// </remarks>
public readonly struct DurationId : IEquatable<DurationId>
{
    public const int Length = 2;
    public const int MaxDurationMicroseconds = 0x7FFF;
    /// <summary>Largest AID the 14-bit field may carry (9.4.1.8).</summary>
    public const int MaxAid = 2007;

    private const ushort AidMarker = 0xC000;

    public DurationId(ushort value) => Value = value;

    /// <summary>A NAV duration; values above 32767 are clamped because bit 15 would change the meaning.</summary>
    public static DurationId FromMicroseconds(int microseconds)
        => new((ushort)Math.Clamp(microseconds, 0, MaxDurationMicroseconds));

    /// <summary>The PS-Poll form: AID in the low 14 bits with both top bits set.</summary>
    public static DurationId FromAid(int aid) => new((ushort)(AidMarker | (aid & 0x3FFF)));

    public ushort Value { get; }

    public bool IsDuration => (Value & 0x8000) == 0;
    public int Microseconds => IsDuration ? Value : 0;
    public bool IsAid => (Value & AidMarker) == AidMarker;
    public int Aid => IsAid ? Value & 0x3FFF : 0;

    public bool Equals(DurationId other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is DurationId other && Equals(other);
    public override int GetHashCode() => Value;
    public static bool operator ==(DurationId left, DurationId right) => left.Value == right.Value;
    public static bool operator !=(DurationId left, DurationId right) => left.Value != right.Value;
    public override string ToString() => IsAid ? $"aid={Aid}" : IsDuration ? $"{Value}us" : $"0x{Value:x4}";
}
