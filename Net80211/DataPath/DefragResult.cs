namespace Net80211.DataPath;

/// <summary>Outcome of <see cref="Reassembler.Defragment"/>, which always takes ownership of the frame it is given.</summary>
public enum DefragResult
{
    /// <summary>Not a fragment: the same packet comes back as the MSDU, untouched.</summary>
    Unfragmented,
    /// <summary>A fragment was kept (or appended) waiting for the rest; nothing to deliver yet.</summary>
    Held,
    /// <summary>The last fragment arrived: the reassembled frame comes back as the MSDU.</summary>
    Completed,
    /// <summary>The frame was discarded and freed (orphan fragment, malformed, too long); see the statistics.</summary>
    Dropped,
}
