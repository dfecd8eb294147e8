using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>The 16-octet Supported MCS Set field (IEEE 802.11-2020 9.4.2.56.4, Figure 9-335), also the
/// layout of the Basic HT-MCS Set in HT Operation.</summary>
/// <remarks>
/// <code>
///  B0       B76 B77-B79  B80       B89  B90-B95  B96      B97       B98-B99   B100       B101-B127
/// +------------+--------+---------------+--------+--------+---------+---------+----------+---------+
/// | Rx MCS     |Reserved| Rx Highest    |Reserved| Tx MCS | Tx Rx   | Tx Max  | Tx Unequal|Reserved|
/// | Bitmask    |        | Data Rate     |        | Set    | MCS Set | NSS     | Modulation|        |
/// |            |        | (Mb/s)        |        | Defined| Not Eq. | Support.| Supported |        |
/// +------------+--------+---------------+--------+--------+---------+---------+----------+---------+
/// </code>
/// Held as one little-endian 128-bit value, so reserved bits survive a read/write round trip.
/// </remarks>
public readonly record struct HtMcsSet(UInt128 Value)
{
    public const int Length = 16;
    public const int MaxMcs = 76;

    private const int HighestRateShift = 80;
    private const int TxMcsSetDefinedBit = 96;
    private const int TxRxNotEqualBit = 97;
    private const int TxMaxStreamsShift = 98;
    private const int TxUnequalModulationBit = 100;

    public bool IsMcsSupported(int mcs) => (uint)mcs <= MaxMcs && Bit(mcs);

    /// <summary>Returns this set with <paramref name="mcs"/> (0..76) marked supported.</summary>
    public HtMcsSet WithMcs(int mcs)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)mcs, (uint)MaxMcs, nameof(mcs));
        return new HtMcsSet(Value | (UInt128.One << mcs));
    }

    /// <summary>0 means "not specified".</summary>
    public int RxHighestSupportedDataRateMbps => (int)(Value >> HighestRateShift) & 0x3FF;

    public bool TxMcsSetDefined => Bit(TxMcsSetDefinedBit);
    public bool TxRxMcsSetNotEqual => Bit(TxRxNotEqualBit);
    /// <summary>Tx spatial streams minus one (only when <see cref="TxRxMcsSetNotEqual"/>).</summary>
    public int TxMaxSpatialStreamsMinusOne => (int)(Value >> TxMaxStreamsShift) & 0x3;
    public bool TxUnequalModulationSupported => Bit(TxUnequalModulationBit);

    public static HtMcsSet Read(ReadOnlySpan<byte> source) => new(BinaryPrimitives.ReadUInt128LittleEndian(source));

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt128LittleEndian(destination, Value);

    private bool Bit(int index) => ((Value >> index) & UInt128.One) != UInt128.Zero;
}
