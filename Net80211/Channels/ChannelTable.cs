using System.Collections;

namespace Net80211.Channels;

/// <summary>The radio's active channel list (FreeBSD's ic_channels/ic_nchans), as produced by
/// <see cref="RegDomain.Apply"/>. The list itself never changes: a new regulatory domain makes a
/// new table, and holders of a channel re-find it there with <see cref="FindVariant"/> or
/// <see cref="Find"/>. Only the per-channel DFS <see cref="ChannelState"/> is mutable; callers
/// serialise access to it the same way they serialise the rest of the radio's state.</summary>
public sealed class ChannelTable : IReadOnlyList<Ieee80211Channel>
{
    /// <summary>Most entries a table may hold (IEEE80211_CHAN_MAX).</summary>
    public const int MaxChannels = 256;

    private readonly Ieee80211Channel[] _channels;
    private readonly ChannelState[] _state;
    // One bit per IEEE number that has at least one entry (ic_chan_avail).
    private readonly ulong[] _available = new ulong[(Ieee80211Channel.MaxIeee + 1) / 64];

    public static ChannelTable Empty { get; } = new([]);

    /// <summary>Copies <paramref name="channels"/> in order.</summary>
    public ChannelTable(ReadOnlySpan<Ieee80211Channel> channels)
    {
        if (channels.Length > MaxChannels)
            throw new ArgumentException($"At most {MaxChannels} channels are allowed, got {channels.Length}.", nameof(channels));
        _channels = channels.ToArray();
        _state = new ChannelState[_channels.Length];
        foreach (var c in _channels)
        {
            if (c is null) throw new ArgumentException("The channel list contains a null entry.", nameof(channels));
            _available[c.Ieee >> 6] |= 1UL << (c.Ieee & 63);
        }
    }

    public int Count => _channels.Length;
    public Ieee80211Channel this[int index] => _channels[index];
    public ReadOnlySpan<Ieee80211Channel> AsSpan() => _channels;

    public IEnumerator<Ieee80211Channel> GetEnumerator() => ((IEnumerable<Ieee80211Channel>)_channels).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether any entry uses IEEE channel <paramref name="ieee"/>.</summary>
    public bool IsAvailable(int ieee)
        => ieee is >= 0 and <= Ieee80211Channel.MaxIeee && (_available[ieee >> 6] & (1UL << (ieee & 63))) != 0;

    /// <summary>The entry with this frequency and kind of channel (only the
    /// <see cref="ChannelFlags.ModeMask"/> bits of <paramref name="flags"/> count), or null.
    /// (ieee80211_find_channel.)</summary>
    public Ieee80211Channel? Find(int frequencyMhz, ChannelFlags flags)
    {
        foreach (var c in _channels)
            if (c.Matches(frequencyMhz, flags)) return c;
        return null;
    }

    /// <summary>As <see cref="Find"/>, by IEEE channel number. (ieee80211_find_channel_byieee.)</summary>
    public Ieee80211Channel? FindByIeee(int ieee, ChannelFlags flags)
    {
        ChannelFlags mode = flags & ChannelFlags.ModeMask;
        foreach (var c in _channels)
            if (c.Ieee == ieee && c.ModeFlags == mode) return c;
        return null;
    }

    /// <summary>The first entry on IEEE channel <paramref name="ieee"/> whatever its mode, for
    /// requests like "channel 36" that name only a number; the table order makes that the most
    /// basic mode (11b before 11g, 11a before HT).</summary>
    public Ieee80211Channel? FindFirstByIeee(int ieee)
    {
        foreach (var c in _channels)
            if (c.Ieee == ieee) return c;
        return null;
    }

    /// <summary>The entry on the same frequency as <paramref name="channel"/> but of another kind,
    /// e.g. the ht/40+ entry for an 11a one, or null when the table has none.</summary>
    public Ieee80211Channel? FindVariant(Ieee80211Channel channel, ChannelFlags flags)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Find(channel.FrequencyMhz, flags);
    }

    /// <summary>All entries on <paramref name="frequencyMhz"/>, in table order.</summary>
    public IEnumerable<Ieee80211Channel> VariantsOf(int frequencyMhz)
    {
        foreach (var c in _channels)
            if (c.FrequencyMhz == frequencyMhz) yield return c;
    }

    /// <summary>For an HT40 entry, the entry for the other half of the pair (the ht/40- entry on
    /// the secondary channel for an ht/40+ primary, and the reverse); null otherwise.</summary>
    public Ieee80211Channel? FindHt40Partner(Ieee80211Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!channel.IsHt40) return null;
        ChannelFlags other = (channel.ModeFlags & ~ChannelFlags.Ht40) | (channel.IsHt40Up ? ChannelFlags.Ht40Down : ChannelFlags.Ht40Up);
        return Find(channel.ExtensionFrequencyMhz, other);
    }

    /// <summary>Position of this very instance in the table, or -1.</summary>
    public int IndexOf(Ieee80211Channel channel) => Array.IndexOf(_channels, channel);

    public bool Contains(Ieee80211Channel channel) => IndexOf(channel) >= 0;

    /// <summary>DFS state of an entry; <see cref="ChannelState.None"/> for channels not in the table.</summary>
    public ChannelState GetState(Ieee80211Channel channel)
    {
        int i = IndexOf(channel);
        return i < 0 ? ChannelState.None : _state[i];
    }

    /// <summary>Sets and clears state bits on every entry sharing the frequency of
    /// <paramref name="channel"/>: radar on 5260 MHz concerns the 11a, ht/20 and ht/40 entries alike.
    /// Returns false when the channel is not in this table.</summary>
    public bool UpdateState(Ieee80211Channel channel, ChannelState set, ChannelState clear = ChannelState.None)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (IndexOf(channel) < 0) return false;
        for (int i = 0; i < _channels.Length; i++)
            if (_channels[i].FrequencyMhz == channel.FrequencyMhz)
                _state[i] = (_state[i] & ~clear) | set;
        return true;
    }

    /// <summary>Forgets all DFS state, as after a regulatory change (ieee80211_dfs_reset).</summary>
    public void ResetState() => Array.Clear(_state);
}
