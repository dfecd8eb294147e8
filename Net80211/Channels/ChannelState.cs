namespace Net80211.Channels;

/// <summary>Dynamic DFS state of a channel. Channels are immutable, so this lives beside them in
/// the <see cref="ChannelTable"/> (FreeBSD keeps it in ic_state).</summary>
[Flags]
public enum ChannelState : byte
{
    None = 0,
    /// <summary>Radar was detected; the channel is in its non-occupancy period.</summary>
    Radar = 0x01,
    /// <summary>Channel availability check completed with no radar seen.</summary>
    CacDone = 0x02,
    /// <summary>Interference (not radar) detected.</summary>
    Interference = 0x04,
    /// <summary>Notify when the non-occupancy period ends.</summary>
    NotifyRadarClear = 0x10,
}
