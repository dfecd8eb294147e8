using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>The 16-bit Frame Control field (IEEE 802.11-2020 9.2.4.1).</summary>
/// <remarks>
/// <code>
///  B0  B1 B2  B3 B4     B7  B8   B9     B10      B11   B12    B13     B14     B15
/// +------+------+---------+----+------+--------+-----+------+-------+---------+-----+
/// | Prot | Type | Subtype | To | From | More   |Retry| Pwr  | More  |Protected|Order|
/// | Ver  |      |         | DS | DS   | Frag   |     | Mgt  | Data  |         |     |
/// +------+------+---------+----+------+--------+-----+------+-------+---------+-----+
/// </code>
/// Transmitted little-endian: the first octet holds version/type/subtype, the second the flags.
/// </remarks>
public readonly struct FrameControl : IEquatable<FrameControl>
{
    public const int Length = 2;

    private const int TypeShift = 2;
    private const int SubtypeShift = 4;
    private const int FlagsShift = 8;

    public FrameControl(ushort value) => Value = value;

    public FrameControl(FrameType type, byte subtype, FrameControlFlags flags = FrameControlFlags.None)
        => Value = (ushort)((((int)type & 0x3) << TypeShift) | ((subtype & 0xF) << SubtypeShift) | ((int)flags << FlagsShift));

    public static FrameControl Management(ManagementSubtype subtype, FrameControlFlags flags = FrameControlFlags.None)
        => new(FrameType.Management, (byte)subtype, flags);

    public static FrameControl Control(ControlSubtype subtype, FrameControlFlags flags = FrameControlFlags.None)
        => new(FrameType.Control, (byte)subtype, flags);

    public static FrameControl Data(DataSubtype subtype, FrameControlFlags flags = FrameControlFlags.None)
        => new(FrameType.Data, (byte)subtype, flags);

    /// <summary>The raw field as a host-order integer.</summary>
    public ushort Value { get; }

    public int ProtocolVersion => Value & 0x3;
    public FrameType Type => (FrameType)((Value >> TypeShift) & 0x3);
    public byte Subtype => (byte)((Value >> SubtypeShift) & 0xF);
    public ManagementSubtype ManagementSubtype => (ManagementSubtype)Subtype;
    public ControlSubtype ControlSubtype => (ControlSubtype)Subtype;
    public DataSubtype DataSubtype => (DataSubtype)Subtype;
    public FrameControlFlags Flags => (FrameControlFlags)(Value >> FlagsShift);

    public bool ToDs => HasFlag(FrameControlFlags.ToDs);
    public bool FromDs => HasFlag(FrameControlFlags.FromDs);
    public bool MoreFragments => HasFlag(FrameControlFlags.MoreFragments);
    public bool Retry => HasFlag(FrameControlFlags.Retry);
    public bool PowerManagement => HasFlag(FrameControlFlags.PowerManagement);
    public bool MoreData => HasFlag(FrameControlFlags.MoreData);
    public bool Protected => HasFlag(FrameControlFlags.Protected);
    public bool Order => HasFlag(FrameControlFlags.Order);

    public bool IsManagement => Type == FrameType.Management;
    public bool IsControl => Type == FrameType.Control;
    public bool IsData => Type == FrameType.Data;

    /// <summary>Data frame with a QoS Control field (subtype bit 3, 9.2.4.1.3).</summary>
    public bool IsQosData => IsData && (Subtype & 0x8) != 0;

    /// <summary>Data frame that by subtype carries no Frame Body (subtype bit 2): Null, QoS Null, CF-Ack/Poll.</summary>
    public bool IsDataWithoutBody => IsData && (Subtype & 0x4) != 0;

    /// <summary>ToDS and FromDS both set: the 4-address (WDS/mesh) data format.</summary>
    public bool HasAddress4 => IsData && ToDs && FromDs;

    /// <summary>Order = 1 means an HT Control field follows in QoS Data and Management frames
    /// (9.2.4.1.10); in non-QoS Data frames it only asks for strict ordering and adds nothing.</summary>
    public bool HasHtControl => Order && (IsQosData || IsManagement);

    public FrameControl WithFlags(FrameControlFlags flags) => new((ushort)((Value & 0x00FF) | ((int)flags << FlagsShift)));

    private bool HasFlag(FrameControlFlags flag) => (Value & ((int)flag << FlagsShift)) != 0;

    public static bool TryRead(ReadOnlySpan<byte> source, out FrameControl frameControl)
    {
        if (source.Length < Length) { frameControl = default; return false; }
        frameControl = new FrameControl(BinaryPrimitives.ReadUInt16LittleEndian(source));
        return true;
    }

    public bool TryWrite(Span<byte> destination) => BinaryPrimitives.TryWriteUInt16LittleEndian(destination, Value);

    public bool Equals(FrameControl other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is FrameControl other && Equals(other);
    public override int GetHashCode() => Value;
    public static bool operator ==(FrameControl left, FrameControl right) => left.Value == right.Value;
    public static bool operator !=(FrameControl left, FrameControl right) => left.Value != right.Value;

    public override string ToString() => $"{Type}/{Subtype} flags={Flags}";
}
