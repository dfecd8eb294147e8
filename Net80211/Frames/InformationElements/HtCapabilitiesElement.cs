using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>HT Capabilities element (IEEE 802.11-2020 9.4.2.56).</summary>
/// <remarks>
/// <code>
///  octets:   1     1       2           1            16            2             4            1
///        +------+-----+----------+-----------+-------------+-------------+-------------+---------+
///        |ID 45 | 26  | HT Cap   | A-MPDU    | Supported   | HT Extended | Transmit    | ASEL    |
///        |      |     | Info     | Parameters| MCS Set     | Capabilities| Beamforming | Caps    |
///        +------+-----+----------+-----------+-------------+-------------+-------------+---------+
///  body offset         0          2           3             19            21            25
///
///  A-MPDU Parameters: B0-B1 Maximum A-MPDU Length Exponent (8 KiB * 2^n - 1), B2-B4 Minimum MPDU Start Spacing
/// </code>
/// </remarks>
public readonly record struct HtCapabilitiesElement
{
    public const int BodyLength = 26;

    private const int CapabilityInfoOffset = 0;
    private const int AmpduParametersOffset = 2;
    private const int McsSetOffset = 3;
    private const int ExtendedCapabilitiesOffset = 19;
    private const int TxBeamformingOffset = 21;
    private const int AselOffset = 25;

    public HtCapabilityInfo CapabilityInfo { get; init; }
    public byte AmpduParameters { get; init; }
    public HtMcsSet SupportedMcsSet { get; init; }
    public ushort ExtendedCapabilities { get; init; }
    public uint TransmitBeamformingCapabilities { get; init; }
    public byte AselCapabilities { get; init; }

    /// <summary>Maximum A-MPDU length the station can receive: 2^(13 + exponent) - 1 octets.</summary>
    public int MaxAmpduLengthExponent => AmpduParameters & 0x3;

    /// <summary>Encoded minimum MPDU start spacing: 0 = none, 1 = 1/4 µs ... 7 = 16 µs.</summary>
    public int MinMpduStartSpacing => (AmpduParameters >> 2) & 0x7;

    public static bool TryRead(ReadOnlySpan<byte> body, out HtCapabilitiesElement element, out FrameParseError error)
    {
        element = default;
        if (!ElementLength.Check(body, BodyLength, BodyLength, out error)) return false;
        element = new HtCapabilitiesElement
        {
            CapabilityInfo = (HtCapabilityInfo)BinaryPrimitives.ReadUInt16LittleEndian(body[CapabilityInfoOffset..]),
            AmpduParameters = body[AmpduParametersOffset],
            SupportedMcsSet = HtMcsSet.Read(body[McsSetOffset..]),
            ExtendedCapabilities = BinaryPrimitives.ReadUInt16LittleEndian(body[ExtendedCapabilitiesOffset..]),
            TransmitBeamformingCapabilities = BinaryPrimitives.ReadUInt32LittleEndian(body[TxBeamformingOffset..]),
            AselCapabilities = body[AselOffset],
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!ElementWriter.TryBegin(destination, ElementId.HtCapabilities, BodyLength, out Span<byte> body)) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(body[CapabilityInfoOffset..], (ushort)CapabilityInfo);
        body[AmpduParametersOffset] = AmpduParameters;
        SupportedMcsSet.WriteTo(body[McsSetOffset..]);
        BinaryPrimitives.WriteUInt16LittleEndian(body[ExtendedCapabilitiesOffset..], ExtendedCapabilities);
        BinaryPrimitives.WriteUInt32LittleEndian(body[TxBeamformingOffset..], TransmitBeamformingCapabilities);
        body[AselOffset] = AselCapabilities;
        bytesWritten = InformationElement.HeaderLength + BodyLength;
        return true;
    }
}
