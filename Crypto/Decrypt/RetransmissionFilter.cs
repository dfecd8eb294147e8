using Net80211.Frames;
using Net80211.Nodes;

namespace Net80211.Crypto.Decrypt;

/// <summary>Recognises a retransmitted data frame the way a receiver's duplicate detection does (IEEE 802.11-2020
/// 10.3.2.14.2): the Retry bit set and the same Sequence Control as the last data frame with a body from the
/// same transmitter on the same TID (16 for non-QoS). airdecap-ng skips the same copies (it compares each frame
/// with the previous one of the station in that direction), so its counts are reproduced.</summary>
internal sealed class RetransmissionFilter
{
    private readonly Dictionary<ulong, ushort> _last = [];

    /// <summary>Remembers the frame; true when it repeats the one before it.</summary>
    public bool IsRetransmission(in FrameHeader header)
    {
        int tid = header.FrameControl.IsQosData ? header.QosControl.Tid : Ieee80211Node.NonQosTid;
        ulong key = header.TransmitterAddress.ToUInt64() << 5 | (uint)tid;
        ushort sequence = header.SequenceControl.Value;
        bool repeat = header.FrameControl.Retry && _last.TryGetValue(key, out ushort previous) && previous == sequence;
        _last[key] = sequence;
        return repeat;
    }
}
