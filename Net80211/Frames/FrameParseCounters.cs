namespace Net80211.Frames;

/// <summary>Per-reason drop counters. Receive paths call <see cref="Count"/> with whatever a
/// <c>TryRead</c> reported so that no malformed frame disappears silently. Thread-safe.</summary>
public sealed class FrameParseCounters
{
    // Indexed by the enum value; sized from the enum so a new member cannot index past the end.
    private readonly long[] _counts = new long[Enum.GetValues<FrameParseError>().Length];

    /// <summary>Records one occurrence of <paramref name="error"/>. <see cref="FrameParseError.None"/>
    /// and out-of-range values are ignored so callers can pass any reader result unconditionally.</summary>
    public void Count(FrameParseError error)
    {
        int i = (int)error;
        if (i <= 0 || i >= _counts.Length) return;
        Interlocked.Increment(ref _counts[i]);
    }

    /// <summary>Occurrences of <paramref name="error"/> so far.</summary>
    public long this[FrameParseError error]
    {
        get
        {
            int i = (int)error;
            return i > 0 && i < _counts.Length ? Volatile.Read(ref _counts[i]) : 0;
        }
    }

    /// <summary>All counted errors.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            for (int i = 1; i < _counts.Length; i++) total += Volatile.Read(ref _counts[i]);
            return total;
        }
    }

    public void Reset()
    {
        for (int i = 0; i < _counts.Length; i++) Interlocked.Exchange(ref _counts[i], 0);
    }
}
