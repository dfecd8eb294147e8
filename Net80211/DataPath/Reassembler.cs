using Net80211.Frames;
using Net80211.Nodes;
using Net80211.Packets;

namespace Net80211.DataPath;

/// <summary>
/// Receive defragmentation for one peer (ieee80211_defrag with ni_rxfrag[] per TID, IEEE 802.11-2020 10.5):
/// one MSDU/MMPDU in progress per TID plus one for non-QoS data and management, which is more than the three
/// concurrent reassemblies 10.5 requires. Fragments must arrive in order (fragment 0 first, then +1, same
/// sequence number, until More Fragments is clear); anything else abandons the partial and is counted.
/// </summary>
/// <remarks>
/// Duplicates are the caller's business: run <see cref="Ieee80211Node.IsDuplicate"/> on each fragment first
/// (the sequence control includes the fragment number). Fragments must be decrypted first; checking that their
/// packet numbers are consecutive (12.5.3.4.4) belongs to the cipher. Not thread-safe: use it from the radio's
/// queue, like every other piece of node state. Call <see cref="Clear"/> when the node goes away so held
/// fragments go back to their pool.
/// </remarks>
public sealed class Reassembler
{
    /// <summary>One slot per TID (0..15) and one (<see cref="Ieee80211Node.NonQosTid"/>) for everything else.</summary>
    public const int Slots = Ieee80211Node.SequenceSpaces;
    /// <summary>Largest frame body accepted: a 2304-octet MSDU (9.3.2.1) plus the 8-octet TKIP Michael MIC,
    /// which is only removed once the MSDU is whole.</summary>
    public const int DefaultMaxBodyLength = 2304 + 8;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMilliseconds(500);

    private const FrameControlFlags VolatileFlags =
        FrameControlFlags.MoreFragments | FrameControlFlags.Retry | FrameControlFlags.PowerManagement | FrameControlFlags.MoreData;

    private readonly Slot[] _slots = new Slot[Slots];
    private ReassemblyStatistics _stats;

    public Reassembler() { }

    public Reassembler(TimeSpan timeout, int maxBodyLength = DefaultMaxBodyLength)
    {
        Timeout = timeout;
        MaxBodyLength = maxBodyLength;
    }

    /// <summary>How long after its first fragment a partial MSDU may wait for the rest (dot11MaxReceiveLifetime).</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
    public int MaxBodyLength { get; set; } = DefaultMaxBodyLength;
    public ref readonly ReassemblyStatistics Stats => ref _stats;

    /// <summary>Partial MSDUs currently held.</summary>
    public int PendingCount
    {
        get
        {
            int n = 0;
            foreach (ref readonly Slot s in _slots.AsSpan()) if (s.Partial is not null) n++;
            return n;
        }
    }

    /// <summary>
    /// Feeds one received frame (header first, no FCS, decrypted, not a duplicate) and takes ownership of it.
    /// <paramref name="msdu"/> is set — and owned by the caller — only for <see cref="DefragResult.Unfragmented"/>
    /// (the same packet) and <see cref="DefragResult.Completed"/> (one packet: the first fragment's header, with
    /// More Fragments and the fragment number cleared, followed by all bodies in order).
    /// </summary>
    public DefragResult Defragment(Packet frame, TimeSpan now, out Packet? msdu)
    {
        ArgumentNullException.ThrowIfNull(frame);
        msdu = null;
        ReadOnlySpan<byte> data = frame.Data;
        if (!FrameHeader.TryRead(data, out FrameHeader header, out _))
        {
            _stats.Malformed++;
            frame.Free();
            return DefragResult.Dropped;
        }
        FrameControl fc = header.FrameControl;
        if (fc.IsControl)
        {
            msdu = frame;
            return DefragResult.Unfragmented;
        }
        ref Slot slot = ref _slots[fc.IsQosData ? header.QosControl.Tid : Ieee80211Node.NonQosTid];
        if (slot.Partial is not null && now - slot.Started > Timeout)
        {
            _stats.TimedOut++;
            slot.Drop();
        }

        bool more = fc.MoreFragments;
        SequenceControl sc = header.SequenceControl;
        if (!more && sc.FragmentNumber == 0)
        {
            // A whole MSDU on this TID: the sender has moved on, so a partial here can never complete.
            if (slot.Partial is not null)
            {
                _stats.PartialsDropped++;
                slot.Drop();
            }
            msdu = frame;
            return DefragResult.Unfragmented;
        }

        if (slot.Partial is { } partial)
        {
            bool continues = sc.SequenceNumber == slot.Sequence.SequenceNumber
                && sc.FragmentNumber == slot.Sequence.FragmentNumber + 1
                && header.Address1 == slot.Receiver
                && header.Address2 == slot.Transmitter
                && (fc.Value & ~((int)VolatileFlags << 8)) == slot.FrameControl;
            if (continues)
            {
                ReadOnlySpan<byte> body = data[header.Length..];
                if (partial.Length - slot.HeaderLength + body.Length > MaxBodyLength)
                {
                    _stats.TooLong++;
                    slot.Drop();
                    frame.Free();
                    return DefragResult.Dropped;
                }
                partial.Append(body);
                frame.Free();
                _stats.FragmentsAccepted++;
                slot.Sequence = sc;
                return more ? DefragResult.Held : Complete(ref slot, out msdu);
            }
            _stats.PartialsDropped++;
            slot.Drop();
        }

        if (sc.FragmentNumber != 0)
        {
            _stats.OrphanFragments++;
            frame.Free();
            return DefragResult.Dropped;
        }
        // Fragment 0 with More Fragments set: start a reassembly on it.
        if (data.Length - header.Length > MaxBodyLength)
        {
            _stats.TooLong++;
            frame.Free();
            return DefragResult.Dropped;
        }
        slot = new Slot
        {
            Partial = frame,
            Started = now,
            Sequence = sc,
            HeaderLength = header.Length,
            Receiver = header.Address1,
            Transmitter = header.Address2,
            FrameControl = (ushort)(fc.Value & ~((int)VolatileFlags << 8)),
        };
        _stats.FragmentsAccepted++;
        return DefragResult.Held;
    }

    /// <summary>Discards partial MSDUs whose first fragment is older than <see cref="Timeout"/> (the node timer's
    /// sweep). Returns how many were discarded.</summary>
    public int Expire(TimeSpan now)
    {
        int n = 0;
        foreach (ref Slot slot in _slots.AsSpan())
        {
            if (slot.Partial is not null && now - slot.Started > Timeout)
            {
                slot.Drop();
                _stats.TimedOut++;
                n++;
            }
        }
        return n;
    }

    /// <summary>Frees every held fragment (the node is leaving or re-associating).</summary>
    public void Clear()
    {
        foreach (ref Slot slot in _slots.AsSpan())
        {
            if (slot.Partial is null) continue;
            slot.Drop();
            _stats.Flushed++;
        }
    }

    private DefragResult Complete(ref Slot slot, out Packet? msdu)
    {
        Packet whole = slot.Partial!;
        slot = default;
        Span<byte> d = whole.Data;
        // The result is one unfragmented MPDU: More Fragments clear, fragment number 0 (it came from fragment 0).
        d[1] &= unchecked((byte)~FrameControlFlags.MoreFragments);
        whole.Meta.Flags &= ~PacketFlags.MoreFragments;
        _stats.Completed++;
        msdu = whole;
        return DefragResult.Completed;
    }

    private struct Slot
    {
        public Packet? Partial;
        public TimeSpan Started;
        /// <summary>Sequence control of the last fragment taken.</summary>
        public SequenceControl Sequence;
        public int HeaderLength;
        public MacAddress Receiver;
        public MacAddress Transmitter;
        /// <summary>Frame Control without the bits that may differ between fragments.</summary>
        public ushort FrameControl;

        public void Drop()
        {
            Partial?.Free();
            this = default;
        }
    }
}
