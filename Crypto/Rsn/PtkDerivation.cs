using Net80211.Frames;

namespace Net80211.Crypto.Rsn;

/// <summary>PTK derivation (IEEE 802.11-2020 12.7.1.3): PTK = PRF-Length(PMK, "Pairwise key expansion",
/// Min(AA,SPA) || Max(AA,SPA) || Min(ANonce,SNonce) || Max(ANonce,SNonce)), with PRF-SHA1 (12.7.1.2) for
/// AKMs 1 and 2 (and WPA1) and KDF-SHA256 (12.7.1.6.2) for AKMs 5 and 6.</summary>
public static class PtkDerivation
{
    public const string Label = "Pairwise key expansion";
    public const int NonceLength = 32;
    /// <summary>KCK and KEK of AKMs 1, 2, 5 and 6 (Table 12-11): 128 bits each.</summary>
    public const int KckLength = 16;
    public const int KekLength = 16;

    /// <exception cref="ArgumentException">An AKM or cipher this derivation does not cover, or nonces that are not 32 octets.</exception>
    public static Ptk Derive(ReadOnlySpan<byte> pmk, MacAddress aa, MacAddress spa, ReadOnlySpan<byte> anonce, ReadOnlySpan<byte> snonce,
        AkmSuite akm, CipherSuite pairwiseCipher)
    {
        if (anonce.Length != NonceLength || snonce.Length != NonceLength) throw new ArgumentException("Nonces are 32 octets.");
        int tkLength = CipherKeyLengths.Of(pairwiseCipher);
        if (tkLength == 0) throw new ArgumentException($"No pairwise temporal key for {pairwiseCipher}.", nameof(pairwiseCipher));

        Span<byte> context = stackalloc byte[2 * MacAddress.Length + 2 * NonceLength];
        (MacAddress low, MacAddress high) = aa < spa ? (aa, spa) : (spa, aa);
        low.WriteTo(context);
        high.WriteTo(context[MacAddress.Length..]);
        bool anonceFirst = anonce.SequenceCompareTo(snonce) < 0;
        (anonceFirst ? anonce : snonce).CopyTo(context[(2 * MacAddress.Length)..]);
        (anonceFirst ? snonce : anonce).CopyTo(context[(2 * MacAddress.Length + NonceLength)..]);

        Span<byte> ptk = stackalloc byte[KckLength + KekLength + tkLength];
        switch (CipherKeyLengths.Normalize(akm))
        {
            case AkmSuite.Psk or AkmSuite.Ieee8021X:
                Prf.Sha1(pmk, Label, context, ptk);
                break;
            case AkmSuite.PskSha256 or AkmSuite.Ieee8021XSha256:
                Kdf.Sha256(pmk, Label, context, ptk);
                break;
            default:
                throw new ArgumentException($"PTK derivation for AKM {akm} is not built.", nameof(akm));
        }
        var result = new Ptk(ptk, KckLength, KekLength, tkLength);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(ptk);
        return result;
    }
}
