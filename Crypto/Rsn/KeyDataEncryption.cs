using System.Security.Cryptography;

namespace Net80211.Crypto.Rsn;

/// <summary>Encryption of the Key Data field (IEEE 802.11-2020 12.7.2 j): version 1 uses ARC4 keyed with
/// EAPOL-Key IV || KEK, discarding 256 keystream octets; versions 2 and 3 use AES Key Wrap (RFC 3394) with the
/// KEK, after padding to a multiple of 8 octets (at least 16) with 0xDD and zeros.</summary>
public static class KeyDataEncryption
{
    private const int Rc4Skip = 256;

    /// <summary>The encrypted Key Data. False for a version without Key Data encryption here or a bad KEK.</summary>
    public static bool TryEncrypt(KeyDescriptorVersion version, ReadOnlySpan<byte> kek, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? ciphertext)
    {
        ciphertext = null;
        switch (version)
        {
            case KeyDescriptorVersion.HmacMd5Rc4:
            {
                if (iv.Length != EapolKeyFrame.IvLength || kek.IsEmpty) return false;
                ciphertext = plaintext.ToArray();
                ApplyRc4(kek, iv, ciphertext);
                return true;
            }
            case KeyDescriptorVersion.HmacSha1Aes or KeyDescriptorVersion.AesCmac:
            {
                int padded = Math.Max(16, (plaintext.Length + 7) / 8 * 8);
                byte[] input = new byte[padded];
                plaintext.CopyTo(input);
                if (padded > plaintext.Length) input[plaintext.Length] = Kde.Type;
                var output = new byte[padded + AesKeyWrap.Overhead];
                bool ok = AesKeyWrap.TryWrap(kek, input, output, out _);
                CryptographicOperations.ZeroMemory(input);
                if (!ok) return false;
                ciphertext = output;
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary>The plaintext Key Data (with any padding, which <see cref="KeyDataElements"/> skips). False when
    /// the AES Key Wrap integrity check fails or the lengths are wrong.</summary>
    public static bool TryDecrypt(KeyDescriptorVersion version, ReadOnlySpan<byte> kek, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? plaintext)
    {
        plaintext = null;
        switch (version)
        {
            case KeyDescriptorVersion.HmacMd5Rc4:
            {
                if (iv.Length != EapolKeyFrame.IvLength || kek.IsEmpty) return false;
                plaintext = ciphertext.ToArray();
                ApplyRc4(kek, iv, plaintext);
                return true;
            }
            case KeyDescriptorVersion.HmacSha1Aes or KeyDescriptorVersion.AesCmac:
            {
                if (ciphertext.Length < 24 || ciphertext.Length % 8 != 0) return false;
                var output = new byte[ciphertext.Length - AesKeyWrap.Overhead];
                if (!AesKeyWrap.TryUnwrap(kek, ciphertext, output, out _)) return false;
                plaintext = output;
                return true;
            }
            default:
                return false;
        }
    }

    private static void ApplyRc4(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> iv, Span<byte> data)
    {
        Span<byte> key = stackalloc byte[iv.Length + kek.Length];
        iv.CopyTo(key);
        kek.CopyTo(key[iv.Length..]);
        var rc4 = new Net80211.Crypto.Wep.Rc4(key);
        rc4.Discard(Rc4Skip);
        rc4.Transform(data);
        CryptographicOperations.ZeroMemory(key);
    }
}
