using System.Collections.Concurrent;

namespace Net80211.Crypto.Rsn;

/// <summary>PMKs derived from (SSID, passphrase), kept so that a re-association or a second VAP does not
/// run 4096 PBKDF2 iterations again (wpa_supplicant keeps the derived PSK in its network block).</summary>
/// <remarks>Safe to share between radios. The cache is bounded: past <see cref="Capacity"/> entries it starts over.</remarks>
public sealed class PskCache
{
    private readonly ConcurrentDictionary<string, byte[]> _entries = new(StringComparer.Ordinal);

    public PskCache(int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count => _entries.Count;

    /// <summary>Derivations done (cache misses), for tests and statistics.</summary>
    public long Derivations => Interlocked.Read(ref _derivations);
    private long _derivations;

    /// <summary>The PMK for <paramref name="passphrase"/> on <paramref name="ssid"/>, derived once. The array is a
    /// copy the caller may keep.</summary>
    public bool TryGet(string? passphrase, ReadOnlySpan<byte> ssid,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? pmk,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        pmk = null;
        if (!Psk.IsValidPassphrase(passphrase, out error)) return false;
        string key = Convert.ToHexString(ssid) + "/" + passphrase;
        if (!_entries.TryGetValue(key, out byte[]? cached))
        {
            if (!Psk.TryFromPassphrase(passphrase, ssid, out cached, out error)) return false;
            Interlocked.Increment(ref _derivations);
            if (_entries.Count >= Capacity) _entries.Clear();
            cached = _entries.GetOrAdd(key, cached);
        }
        pmk = (byte[])cached.Clone();
        return true;
    }

    public void Clear() => _entries.Clear();
}
