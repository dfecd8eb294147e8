using Net80211.Frames;
using Net80211.Packets;

namespace Net80211.DataPath;

/// <summary>
/// 802.11 → 802.3 in place (the generic half of ieee80211_decap): the MAC header and LLC/SNAP are trimmed from
/// the front and a 14-byte Ethernet header is written where they were; the payload is never copied.
/// </summary>
public static class Decapsulation
{
    private const int SnapOuiOffset = 3;
    private const byte BridgeTunnelOui = 0xF8;

    /// <summary>
    /// Rebuilds the Ethernet frame carried by the data MPDU in <paramref name="frame"/> (header first, no FCS,
    /// already decrypted and reassembled). On failure the frame is untouched and still the caller's, and
    /// <paramref name="error"/> says why:
    /// <list type="bullet">
    /// <item><see cref="FrameParseError.None"/> with <see cref="DecapInfo.NoData"/>: a Null/QoS Null frame, nothing to deliver;</item>
    /// <item><see cref="FrameParseError.TooShort"/>, <see cref="FrameParseError.BadVersion"/>, <see cref="FrameParseError.BadLength"/>: malformed;</item>
    /// <item><see cref="FrameParseError.UnknownType"/>: not a Data frame;</item>
    /// <item><see cref="FrameParseError.Unsupported"/>: still protected, still a fragment, or an A-MSDU
    /// (use <see cref="AmsduDeaggregation"/>).</item>
    /// </list>
    /// </summary>
    public static bool TryDecapsulate(Packet frame, out DecapInfo info, out FrameParseError error)
    {
        ArgumentNullException.ThrowIfNull(frame);
        info = default;
        ReadOnlySpan<byte> data = frame.Data;
        if (!FrameHeader.TryRead(data, out FrameHeader header, out error)) return false;
        FrameControl fc = header.FrameControl;
        int tid = fc.IsQosData ? header.QosControl.Tid : -1;
        info = new DecapInfo { Header = header, Tid = tid, Destination = header.DestinationAddress, Source = header.SourceAddress };
        if (!fc.IsData)
        {
            error = FrameParseError.UnknownType;
            return false;
        }
        int headerLength = header.Length;
        ReadOnlySpan<byte> body = data[headerLength..];
        if (fc.IsDataWithoutBody)
        {
            info = info with { NoData = true };
            error = body.IsEmpty ? FrameParseError.None : FrameParseError.BadLength;
            return false;
        }
        // Ciphertext must go through the cipher's decap first; fragments through the Reassembler; an A-MSDU
        // (9.3.2.2) holds several MSDUs and cannot become one Ethernet frame.
        if (fc.Protected || fc.MoreFragments || header.SequenceControl.FragmentNumber != 0
            || (fc.IsQosData && header.QosControl.AmsduPresent))
        {
            error = FrameParseError.Unsupported;
            return false;
        }
        if (body.IsEmpty)
        {
            error = FrameParseError.TooShort;
            return false;
        }

        MacAddress da = info.Destination, sa = info.Source;
        if (TryReadTranslatedSnap(body, out ushort etherType))
        {
            // Ethernet II: the 14-byte header replaces the MAC header and the 8-byte SNAP header.
            frame.TrimFront(headerLength + Llc.SnapHeaderLength - EthernetHeader.Length);
            EthernetHeader.Write(frame.Data, da, sa, etherType);
            info = info with { EtherType = etherType };
        }
        else
        {
            // Not a translated EtherType: the body is an LLC PDU and goes up as an 802.3 length frame.
            if (body.Length > EthernetHeader.MaxLengthField)
            {
                error = FrameParseError.BadLength;
                return false;
            }
            ushort length = (ushort)body.Length;
            frame.TrimFront(headerLength - EthernetHeader.Length);
            EthernetHeader.Write(frame.Data, da, sa, length);
            info = info with { EtherType = length, IsLengthFrame = true };
        }

        ref PacketMetadata meta = ref frame.Meta;
        meta.Tid = (sbyte)tid;
        meta.Flags &= ~(PacketFlags.Encapsulated | PacketFlags.Multicast | PacketFlags.Eapol);
        if (da.IsGroup) meta.Flags |= PacketFlags.Multicast;
        if (!info.IsLengthFrame && info.EtherType == EthernetHeader.EtherTypeEapol) meta.Flags |= PacketFlags.Eapol;
        error = FrameParseError.None;
        return true;
    }

    /// <summary>
    /// True when the SNAP header stands for an Ethernet II EtherType (IEEE 802.1H, RFC 1042): any EtherType
    /// behind the bridge-tunnel OUI 00-00-F8, and any behind 00-00-00 except AARP and IPX. Those two are sent
    /// with the bridge tunnel when translated, so an RFC 1042 header carrying them was a native 802.3 SNAP
    /// frame and keeps its SNAP header.
    /// </summary>
    internal static bool TryReadTranslatedSnap(ReadOnlySpan<byte> msdu, out ushort etherType)
    {
        if (!Llc.TryReadSnap(msdu, out etherType, out _) || etherType < EthernetHeader.MinEtherType) return false;
        if (msdu[SnapOuiOffset + 2] == BridgeTunnelOui) return true;
        return etherType is not (Llc.EtherTypeAppleTalkAarp or Llc.EtherTypeIpx);
    }
}
