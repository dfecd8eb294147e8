using Net80211.Frames;
using Net80211.Packets;

namespace Net80211.DataPath;

/// <summary>
/// Transmit fragmentation (ieee80211_fragment, IEEE 802.11-2020 10.2.7): an individually addressed MPDU longer
/// than dot11FragmentationThreshold is split into up to 16 fragments that share the sequence number, count
/// the fragment number up from 0 and set More Fragments on all but the last.
/// </summary>
public static class Fragmentation
{
    /// <summary>Octets of FCS the threshold counts but the packet does not carry yet (9.2.4.8).</summary>
    public const int FcsLength = Fcs.Length;
    /// <summary>The fragment number is 4 bits (9.2.4.4.3).</summary>
    public const int MaxFragments = 16;
    /// <summary>dot11FragmentationThreshold range (Annex C): 256..8000; 2346 is the customary "off".</summary>
    public const int MinThreshold = 256;
    public const int MaxThreshold = 8000;

    /// <summary>True when an MPDU of <paramref name="mpduLength"/> octets (no FCS) plus <paramref name="overhead"/>
    /// octets the cipher will add exceeds the threshold.</summary>
    public static bool NeedsFragmentation(int mpduLength, int fragThreshold, int overhead = 0)
        => mpduLength + overhead + FcsLength > fragThreshold;

    /// <summary>
    /// Splits <paramref name="mpdu"/> (an encapsulated MPDU, header first, no FCS) so that every fragment plus
    /// FCS plus <paramref name="perFragmentOverhead"/> (cipher header and trailer added later) fits
    /// <paramref name="fragThreshold"/>, and adds the fragments in order to <paramref name="output"/>.
    /// </summary>
    /// <remarks>
    /// All fragments but the last carry the same, even body length, so every MPDU but the last has the same even
    /// length (10.2.7). Each fragment copies the MAC header, the metadata, <see cref="Packet.Node"/> and
    /// <see cref="Packet.Context"/>; fragment 0 is <paramref name="mpdu"/> itself, trimmed, the others are rented
    /// from <paramref name="pool"/> with the default headroom (room for the cipher header).
    /// <para>Ownership: on true <paramref name="mpdu"/> is consumed — it is in <paramref name="output"/> (as the
    /// only entry when it needed no fragmentation) and every packet in the list now belongs to the caller. On
    /// false nothing was added, <paramref name="mpdu"/> is unchanged and still the caller's.</para>
    /// Errors: a malformed header (<see cref="FrameParseError.TooShort"/> etc.), a control frame, or a frame over
    /// the threshold that is group addressed or already a fragment (<see cref="FrameParseError.BadValue"/>,
    /// 10.2.7 fragments only individually addressed MSDUs/MMPDUs), a threshold leaving no room for a body or needing more than 16
    /// fragments (<see cref="FrameParseError.BadLength"/>).
    /// </remarks>
    public static bool TryFragment(Packet mpdu, int fragThreshold, PacketPool pool, List<Packet> output,
        out FrameParseError error, int perFragmentOverhead = 0)
    {
        ArgumentNullException.ThrowIfNull(mpdu);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(output);
        ReadOnlySpan<byte> data = mpdu.Data;
        if (!FrameHeader.TryRead(data, out FrameHeader header, out error)) return false;
        FrameControl fc = header.FrameControl;
        if (fc.IsControl)
        {
            error = FrameParseError.BadValue;
            return false;
        }
        if (!NeedsFragmentation(data.Length, fragThreshold, perFragmentOverhead))
        {
            output.Add(mpdu);
            return true;
        }
        if (header.Address1.IsGroup || fc.MoreFragments || header.SequenceControl.FragmentNumber != 0)
        {
            error = FrameParseError.BadValue;
            return false;
        }
        int headerLength = header.Length;
        // Even body: header lengths and the FCS are even, so the whole fragment MPDU is even (10.2.7).
        int fragmentBody = (fragThreshold - headerLength - FcsLength - perFragmentOverhead) & ~1;
        int bodyLength = data.Length - headerLength;
        if (fragmentBody <= 0)
        {
            error = FrameParseError.BadLength;
            return false;
        }
        int count = (bodyLength + fragmentBody - 1) / fragmentBody;
        if (count > MaxFragments)
        {
            error = FrameParseError.BadLength;
            return false;
        }

        // Fragment 0 is the original cut to the first body chunk; its bytes stay in place, and the spans taken
        // above still see the rest of the buffer, which the other fragments copy from.
        ushort sequence = (ushort)header.SequenceControl.SequenceNumber;
        mpdu.TrimBack(bodyLength - fragmentBody);
        Stamp(mpdu, sequence, 0, more: true);
        output.Add(mpdu);
        ReadOnlySpan<byte> headerBytes = data[..headerLength];
        for (int i = 1; i < count; i++)
        {
            int offset = headerLength + i * fragmentBody;
            int length = Math.Min(fragmentBody, data.Length - offset);
            Packet fragment = pool.Rent(headerLength + length);
            Span<byte> dst = fragment.Append(headerLength + length);
            headerBytes.CopyTo(dst);
            data.Slice(offset, length).CopyTo(dst[headerLength..]);
            fragment.Meta = mpdu.Meta;
            fragment.Node = mpdu.Node;
            fragment.Context = mpdu.Context;
            Stamp(fragment, sequence, i, more: i < count - 1);
            output.Add(fragment);
        }
        error = FrameParseError.None;
        return true;
    }

    private static void Stamp(Packet fragment, ushort sequence, int number, bool more)
    {
        Span<byte> d = fragment.Data;
        // Frame Control octet 1 holds the flags; Sequence Control sits at offset 22 in every non-control header.
        if (more) d[1] |= (byte)FrameControlFlags.MoreFragments;
        else d[1] &= unchecked((byte)~FrameControlFlags.MoreFragments);
        ushort sc = new SequenceControl(sequence, number).Value;
        d[22] = (byte)sc;
        d[23] = (byte)(sc >> 8);
        if (more) fragment.Meta.Flags |= PacketFlags.MoreFragments;
        else fragment.Meta.Flags &= ~PacketFlags.MoreFragments;
    }
}
