using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>The MAC header shared by every frame (IEEE 802.11-2020 9.2.3, 9.3.1, 9.3.2.1, 9.3.3.2).</summary>
/// <remarks>
/// <code>
///  octets:  2      2       6      6      6       2      6      2      4
///        +-----+--------+------+------+------+--------+------+-----+-----+
///        | FC  |Duration| Addr1| Addr2| Addr3|Seq Ctl | Addr4| QoS | HT  |
///        |     |  /ID   |      |      |      |        |      | Ctl | Ctl |
///        +-----+--------+------+------+------+--------+------+-----+-----+
///  offset   0      2       4      10     16     22      24    24/30 26..32
/// </code>
/// Which fields exist depends on Frame Control:
/// ACK and CTS stop after Address 1 (10 octets); other control frames after Address 2 (16);
/// Management and Data frames carry Address 3 and Sequence Control (24); Data frames with ToDS and
/// FromDS add Address 4 (30); QoS Data adds QoS Control (+2); Order on QoS Data or Management adds
/// HT Control (+4). Control frames' own fields (BAR control etc.) are handled in <c>ControlFrames/</c>.
/// </remarks>
public readonly record struct FrameHeader
{
    private const int FrameControlOffset = 0;
    private const int DurationOffset = 2;
    private const int Address1Offset = 4;
    private const int Address2Offset = 10;
    private const int Address3Offset = 16;
    private const int SequenceControlOffset = 22;
    private const int Address4Offset = 24;

    /// <summary>ACK/CTS: FC, Duration, RA.</summary>
    public const int ControlShortLength = 10;
    /// <summary>RTS, PS-Poll, CF-End, BAR, BA and friends: FC, Duration, RA, TA.</summary>
    public const int ControlLength = 16;
    /// <summary>Management and 3-address data.</summary>
    public const int ThreeAddressLength = 24;
    /// <summary>4-address (ToDS+FromDS) data.</summary>
    public const int FourAddressLength = 30;
    /// <summary>4-address QoS data with HT Control: the longest header.</summary>
    public const int MaxLength = FourAddressLength + QosControl.Length + HtControlLength;
    public const int HtControlLength = 4;

    public FrameControl FrameControl { get; init; }
    public DurationId Duration { get; init; }
    public MacAddress Address1 { get; init; }
    /// <summary>Absent (zero) in ACK and CTS.</summary>
    public MacAddress Address2 { get; init; }
    /// <summary>Management and Data only.</summary>
    public MacAddress Address3 { get; init; }
    /// <summary>Management and Data only.</summary>
    public SequenceControl SequenceControl { get; init; }
    /// <summary>Data with ToDS and FromDS only.</summary>
    public MacAddress Address4 { get; init; }
    /// <summary>QoS Data subtypes only.</summary>
    public QosControl QosControl { get; init; }
    /// <summary>Raw HT/VHT/HE Control field; present when <see cref="FrameControl.HasHtControl"/>.</summary>
    public uint HtControl { get; init; }

    /// <summary>Octets this header occupies on the air.</summary>
    public int Length => GetHeaderLength(FrameControl);

    /// <summary>A 3-address management header: DA, SA, BSSID (9.3.3.2).</summary>
    public static FrameHeader Management(ManagementSubtype subtype, MacAddress destination, MacAddress source, MacAddress bssid,
        SequenceControl sequence = default, FrameControlFlags flags = FrameControlFlags.None, DurationId duration = default)
        => new()
        {
            FrameControl = FrameControl.Management(subtype, flags),
            Duration = duration,
            Address1 = destination,
            Address2 = source,
            Address3 = bssid,
            SequenceControl = sequence,
        };

    /// <summary>Header length implied by Frame Control, or 0 when the type/subtype has no header
    /// this codec understands (Extension frames, reserved or wrapper control subtypes).</summary>
    public static int GetHeaderLength(FrameControl frameControl)
    {
        switch (frameControl.Type)
        {
            case FrameType.Management:
                return ThreeAddressLength + (frameControl.Order ? HtControlLength : 0);
            case FrameType.Data:
                int length = frameControl.HasAddress4 ? FourAddressLength : ThreeAddressLength;
                if (frameControl.IsQosData)
                {
                    length += QosControl.Length;
                    if (frameControl.Order) length += HtControlLength;
                }
                return length;
            case FrameType.Control:
                return frameControl.ControlSubtype switch
                {
                    ControlSubtype.Ack or ControlSubtype.Cts => ControlShortLength,
                    ControlSubtype.Trigger or ControlSubtype.Tack or ControlSubtype.BeamformingReportPoll
                        or ControlSubtype.NdpAnnouncement or ControlSubtype.BlockAckRequest or ControlSubtype.BlockAck
                        or ControlSubtype.PsPoll or ControlSubtype.Rts or ControlSubtype.CfEnd or ControlSubtype.CfEndCfAck => ControlLength,
                    // Reserved subtypes 0/1, the DMG Control Frame Extension and the Control Wrapper
                    // have layouts this codec does not take apart.
                    _ => 0,
                };
            default:
                return 0;
        }
    }

    /// <summary>Reads the header at the start of <paramref name="source"/>; the body starts at <see cref="Length"/>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out FrameHeader header, out FrameParseError error)
    {
        header = default;
        if (!FrameControl.TryRead(source, out FrameControl fc))
        {
            error = FrameParseError.TooShort;
            return false;
        }
        if (fc.ProtocolVersion != 0)
        {
            error = FrameParseError.BadVersion;
            return false;
        }
        int length = GetHeaderLength(fc);
        if (length == 0)
        {
            error = FrameParseError.UnknownType;
            return false;
        }
        if (source.Length < length)
        {
            error = FrameParseError.TooShort;
            return false;
        }

        ReadOnlySpan<byte> h = source[..length];
        MacAddress a2 = default, a3 = default, a4 = default;
        SequenceControl seq = default;
        QosControl qos = default;
        uint htc = 0;
        if (length >= ControlLength) a2 = MacAddress.Read(h[Address2Offset..]);
        if (fc.Type != FrameType.Control)
        {
            a3 = MacAddress.Read(h[Address3Offset..]);
            seq = new SequenceControl(BinaryPrimitives.ReadUInt16LittleEndian(h[SequenceControlOffset..]));
            int offset = ThreeAddressLength;
            if (fc.HasAddress4)
            {
                a4 = MacAddress.Read(h[Address4Offset..]);
                offset = FourAddressLength;
            }
            if (fc.IsQosData)
            {
                qos = new QosControl(BinaryPrimitives.ReadUInt16LittleEndian(h[offset..]));
                offset += QosControl.Length;
            }
            if (fc.HasHtControl) htc = BinaryPrimitives.ReadUInt32LittleEndian(h[offset..]);
        }

        header = new FrameHeader
        {
            FrameControl = fc,
            Duration = new DurationId(BinaryPrimitives.ReadUInt16LittleEndian(h[DurationOffset..])),
            Address1 = MacAddress.Read(h[Address1Offset..]),
            Address2 = a2,
            Address3 = a3,
            SequenceControl = seq,
            Address4 = a4,
            QosControl = qos,
            HtControl = htc,
        };
        error = FrameParseError.None;
        return true;
    }

    /// <summary>Writes the header; false (nothing meaningful written) when <paramref name="destination"/> is too small.</summary>
    /// <exception cref="InvalidOperationException">Frame Control names a type/subtype with no known header layout.</exception>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        FrameControl fc = FrameControl;
        int length = GetHeaderLength(fc);
        if (length == 0) throw new InvalidOperationException($"No header layout for frame control {fc}.");
        bytesWritten = 0;
        if (destination.Length < length) return false;

        Span<byte> h = destination[..length];
        BinaryPrimitives.WriteUInt16LittleEndian(h[FrameControlOffset..], fc.Value);
        BinaryPrimitives.WriteUInt16LittleEndian(h[DurationOffset..], Duration.Value);
        Address1.WriteTo(h[Address1Offset..]);
        if (length >= ControlLength) Address2.WriteTo(h[Address2Offset..]);
        if (fc.Type != FrameType.Control)
        {
            Address3.WriteTo(h[Address3Offset..]);
            BinaryPrimitives.WriteUInt16LittleEndian(h[SequenceControlOffset..], SequenceControl.Value);
            int offset = ThreeAddressLength;
            if (fc.HasAddress4)
            {
                Address4.WriteTo(h[Address4Offset..]);
                offset = FourAddressLength;
            }
            if (fc.IsQosData)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(h[offset..], QosControl.Value);
                offset += QosControl.Length;
            }
            if (fc.HasHtControl) BinaryPrimitives.WriteUInt32LittleEndian(h[offset..], HtControl);
        }
        bytesWritten = length;
        return true;
    }

    // Address roles, IEEE 802.11-2020 9.3.2.1 Table 9-26 (data) and 9.3.3.2 (management):
    //
    //   ToDS FromDS | Addr1     Addr2     Addr3   Addr4
    //    0    0     | RA=DA     TA=SA     BSSID   -
    //    0    1     | RA=DA     TA=BSSID  SA      -
    //    1    0     | RA=BSSID  TA=SA     DA      -
    //    1    1     | RA        TA        DA      SA
    //
    // Management frames always use the first row. Control frames have only RA (and TA); their
    // DA/SA are reported as RA/TA and they have no BSSID field (PS-Poll's RA happens to be one).

    /// <summary>Receiver address: always Address 1.</summary>
    public MacAddress ReceiverAddress => Address1;

    /// <summary>Transmitter address: Address 2 (zero for ACK/CTS, which carry none).</summary>
    public MacAddress TransmitterAddress => Address2;

    public MacAddress DestinationAddress => FrameControl.Type switch
    {
        FrameType.Data when FrameControl.ToDs => Address3,
        _ => Address1,
    };

    public MacAddress SourceAddress => FrameControl.Type switch
    {
        FrameType.Data when FrameControl.ToDs && FrameControl.FromDs => Address4,
        FrameType.Data when FrameControl.FromDs => Address3,
        _ => Address2,
    };

    /// <summary>The BSSID, or null where the frame does not carry one (4-address data, control frames).</summary>
    public MacAddress? Bssid => FrameControl.Type switch
    {
        FrameType.Management => Address3,
        FrameType.Data => (FrameControl.ToDs, FrameControl.FromDs) switch
        {
            (false, false) => Address3,
            (false, true) => Address2,
            (true, false) => Address1,
            _ => null,
        },
        _ => null,
    };
}
