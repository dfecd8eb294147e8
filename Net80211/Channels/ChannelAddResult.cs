namespace Net80211.Channels;

/// <summary>Outcome of adding channels to a caller's table; the names follow the errno values
/// FreeBSD's ieee80211_add_channel* return.</summary>
public enum ChannelAddResult
{
    Ok = 0,
    /// <summary>The table is full (ENOBUFS). Entries that fit were written and counted.</summary>
    NoSpace,
    /// <summary>Bad arguments (EINVAL): unknown channel number, bands from both 2.4 and 5 GHz,
    /// or for HT40 no HT20 entry for the primary channel.</summary>
    Invalid,
    /// <summary>For HT40: the secondary channel has no HT20 entry (ENOENT).</summary>
    NotFound,
}
