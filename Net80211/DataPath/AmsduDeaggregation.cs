using System.Buffers.Binary;
using Net80211.Frames;
using Net80211.Packets;

namespace Net80211.DataPath;

/// <summary>
/// Receive side of A-MSDU (ieee80211_decap_amsdu, IEEE 802.11-2020 9.3.2.2): a QoS Data frame whose QoS Control
/// has A-MSDU Present carries several subframes, each becoming its own Ethernet frame.
/// </summary>
/// <remarks>
/// <code>
///  octets:   6    6     2          0-2304        0-3
///        +-----+-----+--------+----------------+---------+
///        | DA  | SA  | Length |      MSDU      | Padding |   (9.3.2.2.2, Figure 9-68)
///        +-----+-----+--------+----------------+---------+
/// </code>
/// Every subframe but the last is padded to a multiple of four octets.
/// </remarks>
public static class AmsduDeaggregation
{
    public const int SubframeHeaderLength = 14;

    /// <summary>
    /// Splits the A-MSDU in <paramref name="frame"/> (decrypted, header first, no FCS) into Ethernet frames rented
    /// from <paramref name="pool"/> and added in order to <paramref name="output"/>. The whole aggregate is
    /// validated before anything is produced: on true <paramref name="frame"/> has been freed and the new
    /// packets belong to the caller; on false nothing was added and <paramref name="frame"/> is still the
    /// caller's. Errors: <see cref="FrameParseError.UnknownType"/> (not an A-MSDU data frame),
    /// <see cref="FrameParseError.Unsupported"/> (protected or fragmented), <see cref="FrameParseError.TooShort"/>
    /// or <see cref="FrameParseError.BadLength"/> (a subframe runs past the end or is empty), and
    /// <see cref="FrameParseError.BadValue"/> for a first subframe whose DA is an LLC/SNAP header — the
    /// signature of an A-MSDU injected by flipping the A-MSDU Present bit of a normal frame (CVE-2020-24588).
    /// </summary>
    public static bool TryDeaggregate(Packet frame, PacketPool pool, List<Packet> output, out DecapInfo info, out FrameParseError error)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(output);
        info = default;
        ReadOnlySpan<byte> data = frame.Data;
        if (!FrameHeader.TryRead(data, out FrameHeader header, out error)) return false;
        FrameControl fc = header.FrameControl;
        info = new DecapInfo { Header = header, Tid = fc.IsQosData ? header.QosControl.Tid : -1 };
        if (!fc.IsQosData || fc.IsDataWithoutBody || !header.QosControl.AmsduPresent)
        {
            error = FrameParseError.UnknownType;
            return false;
        }
        if (fc.Protected || fc.MoreFragments || header.SequenceControl.FragmentNumber != 0)
        {
            error = FrameParseError.Unsupported;
            return false;
        }
        ReadOnlySpan<byte> body = data[header.Length..];
        if (!Validate(body, out error)) return false;

        int offset = 0;
        while (offset < body.Length)
        {
            ReadOnlySpan<byte> sub = body[offset..];
            int length = BinaryPrimitives.ReadUInt16BigEndian(sub[12..]);
            MacAddress da = MacAddress.Read(sub);
            MacAddress sa = MacAddress.Read(sub[6..]);
            ReadOnlySpan<byte> msdu = sub.Slice(SubframeHeaderLength, length);
            // Ethernet II behind a translated SNAP header, else an 802.3 length frame carrying the LLC PDU.
            bool translated = Decapsulation.TryReadTranslatedSnap(msdu, out ushort etherType);
            ReadOnlySpan<byte> payload = translated ? msdu[Llc.SnapHeaderLength..] : msdu;
            Packet p = pool.Rent(EthernetHeader.Length + payload.Length);
            Span<byte> dst = p.Append(EthernetHeader.Length + payload.Length);
            EthernetHeader.Write(dst, da, sa, translated ? etherType : (ushort)msdu.Length);
            payload.CopyTo(dst[EthernetHeader.Length..]);
            p.Meta = frame.Meta;
            p.Meta.Tid = (sbyte)info.Tid;
            p.Meta.Flags &= ~(PacketFlags.Encapsulated | PacketFlags.Multicast);
            if (da.IsGroup) p.Meta.Flags |= PacketFlags.Multicast;
            p.Node = frame.Node;
            p.Context = frame.Context;
            output.Add(p);
            offset += Padded(SubframeHeaderLength + length);
        }
        frame.Free();
        error = FrameParseError.None;
        return true;
    }

    private static bool Validate(ReadOnlySpan<byte> body, out FrameParseError error)
    {
        if (body.IsEmpty)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        int offset = 0;
        bool first = true;
        while (offset < body.Length)
        {
            ReadOnlySpan<byte> sub = body[offset..];
            if (sub.Length < SubframeHeaderLength)
            {
                error = FrameParseError.TooShort;
                return false;
            }
            if (first && sub[0] == 0xAA && sub[1] == 0xAA && sub[2] == 0x03 && sub[3] == 0 && sub[4] == 0 && sub[5] == 0)
            {
                error = FrameParseError.BadValue;
                return false;
            }
            first = false;
            int length = BinaryPrimitives.ReadUInt16BigEndian(sub[12..]);
            if (length == 0 || SubframeHeaderLength + length > sub.Length)
            {
                error = FrameParseError.BadLength;
                return false;
            }
            if (!Decapsulation.TryReadTranslatedSnap(sub.Slice(SubframeHeaderLength, length), out _) && length > EthernetHeader.MaxLengthField)
            {
                error = FrameParseError.BadLength;
                return false;
            }
            int next = offset + SubframeHeaderLength + length;
            // Padding only between subframes; a padded tail past the last one is tolerated if within the body.
            offset = next == body.Length ? next : Math.Min(body.Length, offset + Padded(SubframeHeaderLength + length));
        }
        error = FrameParseError.None;
        return true;
    }

    private static int Padded(int length) => (length + 3) & ~3;
}
