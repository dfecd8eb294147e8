using Net80211.Frames;
using Net80211.Nodes;
using Net80211.Packets;

namespace Net80211.DataPath;

/// <summary>
/// 802.3 → 802.11 in place (the generic half of ieee80211_encap): the Ethernet header is replaced by LLC/SNAP
/// and a Data or QoS Data MAC header, both written into the packet's headroom, so the payload is never copied.
/// </summary>
public static class Encapsulation
{
    /// <summary>Bytes of headroom encapsulation needs beyond what the Ethernet header frees:
    /// the largest header it writes (4-address QoS, 32) + SNAP (8) − Ethernet (14).</summary>
    public const int RequiredHeadroom = FrameHeader.FourAddressLength + QosControl.Length + Llc.SnapHeaderLength - EthernetHeader.Length;

    /// <summary>
    /// Turns the Ethernet frame in <paramref name="frame"/> (DA, SA, type/length, payload) into an 802.11 MPDU
    /// without FCS. On success sets <see cref="PacketMetadata.Tid"/> (-1 for non-QoS),
    /// <see cref="PacketMetadata.AccessCategory"/> and the Encapsulated/Multicast/NoAck flags, and takes a
    /// sequence number from the node; EAPOL frames are flagged <see cref="PacketFlags.Eapol"/>. On failure the frame is untouched and still the caller's.
    /// </summary>
    public static bool TryEncapsulate(Packet frame, in EncapParams p, out FrameParseError error)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Ieee80211Node? node = p.Node;
        if (node is null)
        {
            error = FrameParseError.BadValue;
            return false;
        }
        ReadOnlySpan<byte> eth = frame.Data;
        if (eth.Length < EthernetHeader.Length)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        MacAddress da = EthernetHeader.Destination(eth);
        MacAddress sa = EthernetHeader.Source(eth);
        ushort typeOrLength = EthernetHeader.TypeOrLength(eth);
        int payloadLength = eth.Length - EthernetHeader.Length;

        // An 802.3 length frame is already an LLC PDU; anything the length does not cover is Ethernet
        // padding (frames shorter than 64 octets on the wire) and is dropped, not sent over the air.
        bool lengthFrame = typeOrLength < EthernetHeader.MinEtherType;
        if (lengthFrame && (typeOrLength > payloadLength || typeOrLength == 0))
        {
            error = FrameParseError.BadLength;
            return false;
        }
        int? requestedTid = p.Tid;
        if (requestedTid is < 0 or > 15)
        {
            error = FrameParseError.BadValue;
            return false;
        }

        int tid = p.Qos ? requestedTid ?? WmeClassifier.UpToTid(WmeClassifier.Classify(eth)) : Ieee80211Node.NonQosTid;

        MacAddress a1, a2, a3, a4 = default;
        FrameControlFlags flags;
        MacAddress bssid = p.Bssid.IsZero ? node.Bssid : p.Bssid;
        switch (p.Direction)
        {
            case EncapDirection.ToAp:
                flags = FrameControlFlags.ToDs; a1 = bssid; a2 = sa; a3 = da;
                break;
            case EncapDirection.FromAp:
                flags = FrameControlFlags.FromDs; a1 = da; a2 = bssid; a3 = sa;
                break;
            case EncapDirection.Ibss:
                flags = FrameControlFlags.None; a1 = da; a2 = sa; a3 = bssid;
                break;
            case EncapDirection.Wds:
                flags = FrameControlFlags.ToDs | FrameControlFlags.FromDs;
                a1 = p.ReceiverAddress.IsZero ? node.MacAddress : p.ReceiverAddress;
                a2 = p.TransmitterAddress.IsZero ? node.Vap.MacAddress : p.TransmitterAddress;
                a3 = da; a4 = sa;
                break;
            default:
                error = FrameParseError.BadValue;
                return false;
        }
        if (p.Protected) flags |= FrameControlFlags.Protected;

        // From here on nothing can fail: edit the packet.
        if (lengthFrame)
        {
            frame.TrimBack(payloadLength - typeOrLength);
            frame.TrimFront(EthernetHeader.Length);
        }
        else
        {
            // The SNAP header reuses the last 8 bytes of the Ethernet header (SA tail + type), so only
            // 6 bytes are trimmed; TryWriteSnap cannot fail on 8 bytes.
            frame.TrimFront(EthernetHeader.Length - Llc.SnapHeaderLength);
            Llc.TryWriteSnap(frame.Data, typeOrLength, out _);
        }

        ushort seq = node.NextSequence(tid);
        var header = new FrameHeader
        {
            FrameControl = FrameControl.Data(p.Qos ? DataSubtype.QosData : DataSubtype.Data, flags),
            Address1 = a1,
            Address2 = a2,
            Address3 = a3,
            Address4 = a4,
            SequenceControl = new SequenceControl(seq, 0),
            QosControl = p.Qos ? QosControl.Create(tid, p.AckPolicy) : default,
        };
        header.TryWrite(frame.Prepend(header.Length), out _);

        ref PacketMetadata meta = ref frame.Meta;
        meta.Tid = p.Qos ? (sbyte)tid : (sbyte)-1;
        // A non-QoS peer gets everything on the best-effort queue (ieee80211_classify does the same).
        meta.AccessCategory = p.Qos ? (byte)WmeClassifier.UpToAccessCategory(tid & 7) : (byte)AccessCategory.BestEffort;
        meta.Flags |= PacketFlags.Encapsulated;
        if (a1.IsGroup) meta.Flags |= PacketFlags.Multicast;
        if (p.Qos && p.AckPolicy == AckPolicy.NoAck) meta.Flags |= PacketFlags.NoAck;
        // EAPOL goes out before the keys are in place and at a robust rate (M_EAPOL).
        if (typeOrLength == EthernetHeader.EtherTypeEapol) meta.Flags |= PacketFlags.Eapol;
        error = FrameParseError.None;
        return true;
    }

    /// <summary>The 802.11 header length <see cref="TryEncapsulate"/> writes for these parameters.</summary>
    public static int HeaderLength(in EncapParams p)
        => (p.Direction == EncapDirection.Wds ? FrameHeader.FourAddressLength : FrameHeader.ThreeAddressLength)
            + (p.Qos ? QosControl.Length : 0);
}
