namespace Net80211.DataPath;

/// <summary>What a <see cref="Reassembler"/> did, for the VAP's and node's counters (is_rx_defrag and friends).</summary>
public struct ReassemblyStatistics
{
    /// <summary>MSDUs/MMPDUs put back together and handed on.</summary>
    public long Completed;
    /// <summary>Fragments stored or appended while waiting for the rest.</summary>
    public long FragmentsAccepted;
    /// <summary>Partial MSDUs abandoned because the next frame on their TID did not continue them: a gap in the
    /// fragment numbers, another sequence number, a different receiver or protection state.</summary>
    public long PartialsDropped;
    /// <summary>Non-first fragments with no partial MSDU to continue (lost first fragment, or the tail of a
    /// partial just dropped); net80211's is_rx_defrag.</summary>
    public long OrphanFragments;
    /// <summary>Partial MSDUs discarded because their first fragment is older than the timeout (10.5,
    /// dot11MaxReceiveLifetime).</summary>
    public long TimedOut;
    /// <summary>Reassemblies abandoned because the body grew past the maximum MSDU length.</summary>
    public long TooLong;
    /// <summary>Frames whose header did not parse; dropped.</summary>
    public long Malformed;
    /// <summary>Partial MSDUs freed by <see cref="Reassembler.Clear"/> (node leaving).</summary>
    public long Flushed;
}
