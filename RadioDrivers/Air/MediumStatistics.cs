namespace Net80211.RadioDrivers.Air;

/// <summary>Counters of a <see cref="Medium"/>, for tests and reports.</summary>
public sealed class MediumStatistics
{
    private readonly Func<long> _now;
    private readonly Dictionary<int, FrequencyBusy> _busy = [];

    internal MediumStatistics(Func<long> now) => _now = now;

    /// <summary>Frames put on the air by ports (every attempt), ACKs excluded.</summary>
    public long Transmissions { get; internal set; }

    /// <summary>ACKs put on the air.</summary>
    public long Acks { get; internal set; }

    /// <summary>Frames decoded by their addressed receiver (each copy counts once per receiver).</summary>
    public long Delivered { get; internal set; }

    /// <summary>Decoded copies handed to clients, addressed to them or not.</summary>
    public long Receptions { get; internal set; }

    /// <summary>Frames an addressed receiver lost while another transmission interfered with it (SINR
    /// degraded by at least a tenth of the noise power, or the receiver was busy with another frame or
    /// transmitting itself).</summary>
    public long Collisions { get; internal set; }

    /// <summary>Frames an addressed receiver lost to noise alone (too weak, or an unlucky draw).</summary>
    public long LostToNoise { get; internal set; }

    /// <summary>Receptions failed on purpose by <see cref="Medium.LossFilter"/>.</summary>
    public long InjectedLosses { get; internal set; }

    /// <summary>Time some transmission was on the air on <paramref name="frequencyMhz"/> (overlaps counted once).</summary>
    public TimeSpan BusyTime(int frequencyMhz)
    {
        if (!_busy.TryGetValue(frequencyMhz, out var b)) return TimeSpan.Zero;
        long ticks = b.Total + (b.Active > 0 ? _now() - b.Since : 0);
        return TimeSpan.FromTicks(ticks);
    }

    /// <summary>Frequencies that have carried anything.</summary>
    public IEnumerable<int> Frequencies => _busy.Keys;

    internal void BusyStart(int frequencyMhz, long now)
    {
        if (!_busy.TryGetValue(frequencyMhz, out var b)) _busy[frequencyMhz] = b = new FrequencyBusy();
        if (b.Active++ == 0) b.Since = now;
    }

    internal void BusyEnd(int frequencyMhz, long now)
    {
        var b = _busy[frequencyMhz];
        if (--b.Active == 0) b.Total += now - b.Since;
    }

    private sealed class FrequencyBusy
    {
        public int Active;
        public long Since;
        public long Total;
    }
}
