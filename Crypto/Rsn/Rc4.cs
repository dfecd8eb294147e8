using System.Security.Cryptography;

namespace Net80211.Crypto.Rsn;

/// <summary>ARC4, only for the Key Data of EAPOL-Key descriptor version 1 (IEEE 802.11-2020 12.7.2: key
/// EAPOL-Key IV || KEK, the first 256 keystream octets discarded). Not a data-path cipher.</summary>
internal static class Rc4
{
    /// <summary>XORs <paramref name="data"/> in place with the keystream of <paramref name="key"/> after
    /// discarding <paramref name="skip"/> octets.</summary>
    public static void Apply(ReadOnlySpan<byte> key, int skip, Span<byte> data)
    {
        if (key.IsEmpty || key.Length > 256) throw new ArgumentException("RC4 keys are 1..256 octets.", nameof(key));
        Span<byte> s = stackalloc byte[256];
        for (int i = 0; i < 256; i++) s[i] = (byte)i;
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }
        int x = 0, y = 0;
        for (int k = 0; k < skip + data.Length; k++)
        {
            x = (x + 1) & 0xFF;
            y = (y + s[x]) & 0xFF;
            (s[x], s[y]) = (s[y], s[x]);
            if (k >= skip) data[k - skip] ^= s[(s[x] + s[y]) & 0xFF];
        }
        CryptographicOperations.ZeroMemory(s);
    }
}
