using System.Security.Cryptography;

namespace Net80211.Crypto.Rsn;

/// <summary>A pairwise transient key (IEEE 802.11-2020 12.7.1.3): KCK || KEK || TK. For TKIP the TK is
/// 32 octets: the 16-octet temporal key, then the Authenticator→Supplicant and Supplicant→Authenticator
/// Michael keys (12.7.1.3, 12.5.2.1).</summary>
public sealed class Ptk
{
    private readonly byte[] _bytes;

    /// <exception cref="ArgumentException">The lengths do not add up to <paramref name="bytes"/>.</exception>
    public Ptk(ReadOnlySpan<byte> bytes, int kckLength, int kekLength, int tkLength)
    {
        if (kckLength < 0 || kekLength < 0 || tkLength < 0 || kckLength + kekLength + tkLength != bytes.Length)
        {
            throw new ArgumentException("KCK + KEK + TK lengths must equal the PTK length.", nameof(bytes));
        }
        _bytes = bytes.ToArray();
        KckLength = kckLength;
        KekLength = kekLength;
        TkLength = tkLength;
    }

    public int KckLength { get; }
    public int KekLength { get; }
    public int TkLength { get; }

    /// <summary>EAPOL-Key confirmation key: the MIC key.</summary>
    public ReadOnlySpan<byte> Kck => _bytes.AsSpan(0, KckLength);
    /// <summary>EAPOL-Key encryption key: wraps the Key Data.</summary>
    public ReadOnlySpan<byte> Kek => _bytes.AsSpan(KckLength, KekLength);
    /// <summary>Temporal key for the pairwise cipher.</summary>
    public ReadOnlySpan<byte> Tk => _bytes.AsSpan(KckLength + KekLength, TkLength);
    /// <summary>The whole PTK as derived.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>True when both hold the same temporal key (used to refuse reinstalling a key, 12.7.6.4 NOTE / KRACK).</summary>
    public bool HasSameTemporalKey(Ptk? other) => other is not null && CryptographicOperations.FixedTimeEquals(Tk, other.Tk);
}
