namespace Net80211.RadioDrivers.Air;

/// <summary>
/// A multi-rate retry chain like the ath/iwn hardware rate series: up to four stages, each a rate
/// (500 kb/s units) and how many attempts to make at it before falling to the next stage.
/// A stage with zero tries is skipped; the chain is exhausted when every stage's tries are used.
/// </summary>
public readonly struct RateChain : IEquatable<RateChain>
{
    public const int MaxStages = 4;

    private readonly byte _rate0, _tries0, _rate1, _tries1, _rate2, _tries2, _rate3, _tries3;

    public RateChain(byte rate0, byte tries0, byte rate1 = 0, byte tries1 = 0, byte rate2 = 0, byte tries2 = 0, byte rate3 = 0, byte tries3 = 0)
    {
        _rate0 = rate0; _tries0 = tries0;
        _rate1 = rate1; _tries1 = tries1;
        _rate2 = rate2; _tries2 = tries2;
        _rate3 = rate3; _tries3 = tries3;
    }

    /// <summary>A chain from up to <see cref="MaxStages"/> (rate, tries) pairs.</summary>
    public static RateChain Create(ReadOnlySpan<(byte Rate, byte Tries)> stages)
    {
        if (stages.Length > MaxStages) throw new ArgumentException($"at most {MaxStages} stages", nameof(stages));
        Span<(byte Rate, byte Tries)> s = stackalloc (byte, byte)[MaxStages];
        stages.CopyTo(s);
        return new RateChain(s[0].Rate, s[0].Tries, s[1].Rate, s[1].Tries, s[2].Rate, s[2].Tries, s[3].Rate, s[3].Tries);
    }

    /// <summary>One rate, <paramref name="tries"/> attempts (the first plus retries).</summary>
    public static RateChain Single(byte rate, byte tries = 1) => new(rate, tries);

    public byte Rate(int stage) => stage switch
    {
        0 => _rate0, 1 => _rate1, 2 => _rate2, 3 => _rate3,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public byte Tries(int stage) => stage switch
    {
        0 => _tries0, 1 => _tries1, 2 => _tries2, 3 => _tries3,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>Sum of the tries of all stages: the most attempts a unicast frame can take.</summary>
    public int TotalTries => _tries0 + _tries1 + _tries2 + _tries3;

    /// <summary>First stage at or after <paramref name="from"/> that has tries left to give, or -1.</summary>
    public int NextStage(int from)
    {
        for (int s = Math.Max(0, from); s < MaxStages; s++)
            if (Tries(s) > 0) return s;
        return -1;
    }

    public bool Equals(RateChain other)
        => _rate0 == other._rate0 && _tries0 == other._tries0 && _rate1 == other._rate1 && _tries1 == other._tries1
        && _rate2 == other._rate2 && _tries2 == other._tries2 && _rate3 == other._rate3 && _tries3 == other._tries3;

    public override bool Equals(object? obj) => obj is RateChain c && Equals(c);
    public override int GetHashCode() => HashCode.Combine(_rate0, _tries0, _rate1, _tries1, _rate2, _tries2, _rate3, _tries3);
    public static bool operator ==(RateChain a, RateChain b) => a.Equals(b);
    public static bool operator !=(RateChain a, RateChain b) => !a.Equals(b);

    public override string ToString()
    {
        var parts = new List<string>(MaxStages);
        for (int s = 0; s < MaxStages; s++)
            if (Tries(s) > 0) parts.Add(FormattableString.Invariant($"{Rate(s) / 2.0}x{Tries(s)}"));
        return string.Join(',', parts);
    }
}
