using System.Security.Cryptography;

namespace Net80211.Crypto.Rsn;

/// <summary>The pre-shared key of the PSK AKMs (IEEE 802.11-2020 J.4.1): a 256-bit PMK given directly
/// as 64 hex digits, or derived from an ASCII passphrase and the SSID.</summary>
public static class Psk
{
    /// <summary>PMK length for the PSK AKMs (12.7.1.3).</summary>
    public const int Length = 32;
    public const int MinPassphraseLength = 8;
    public const int MaxPassphraseLength = 63;
    public const int MaxSsidLength = 32;
    /// <summary>J.4.1: PSK = PBKDF2(passphrase, ssid, 4096, 256).</summary>
    public const int Iterations = 4096;

    /// <summary>PSK = PBKDF2-HMAC-SHA1(passphrase, SSID, 4096, 256 bits) (J.4.1).</summary>
    /// <exception cref="ArgumentException">The passphrase is not 8..63 printable ASCII characters or the SSID is longer than 32 octets.</exception>
    public static byte[] FromPassphrase(string passphrase, ReadOnlySpan<byte> ssid)
    {
        if (!TryFromPassphrase(passphrase, ssid, out byte[]? pmk, out string? error)) throw new ArgumentException(error, nameof(passphrase));
        return pmk;
    }

    /// <summary>As <see cref="FromPassphrase"/>, with a reason instead of an exception for a bad passphrase or SSID.</summary>
    public static bool TryFromPassphrase(string? passphrase, ReadOnlySpan<byte> ssid,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? pmk,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        pmk = null;
        if (!IsValidPassphrase(passphrase, out error)) return false;
        if (ssid.Length > MaxSsidLength)
        {
            error = $"SSID of {ssid.Length} octets: at most {MaxSsidLength}";
            return false;
        }
        Span<byte> ascii = stackalloc byte[MaxPassphraseLength];
        for (int i = 0; i < passphrase.Length; i++) ascii[i] = (byte)passphrase[i];
        pmk = new byte[Length];
        Pbkdf2Sha1(ascii[..passphrase.Length], ssid, Iterations, pmk);
        CryptographicOperations.ZeroMemory(ascii);
        return true;
    }

    /// <summary>J.4.1: "a sequence of between 8 and 63 ASCII-encoded characters", each 32..126.</summary>
    public static bool IsValidPassphrase([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? passphrase,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        if (passphrase is null)
        {
            error = "no passphrase";
            return false;
        }
        if (passphrase.Length is < MinPassphraseLength or > MaxPassphraseLength)
        {
            error = $"passphrase of {passphrase.Length} characters: it must have {MinPassphraseLength} to {MaxPassphraseLength}";
            return false;
        }
        foreach (char c in passphrase)
        {
            if (c is < ' ' or > '~')
            {
                error = "passphrase characters must be printable ASCII (32..126)";
                return false;
            }
        }
        error = null;
        return true;
    }

    /// <summary>A PSK given as 64 hexadecimal digits (wpa_supplicant's psk=...).</summary>
    public static bool TryParseHex(string? hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? pmk)
    {
        pmk = null;
        if (hex is null || hex.Length != Length * 2) return false;
        var bytes = new byte[Length];
        if (Convert.FromHexString(hex, bytes, out _, out int written) != System.Buffers.OperationStatus.Done || written != Length) return false;
        pmk = bytes;
        return true;
    }

    /// <summary>PBKDF2 with HMAC-SHA1 (RFC 8018 5.2) for any password, salt, count and output length; the
    /// passphrase rules are not applied (binary passphrases of old tools, RFC 6070 vectors).</summary>
    public static void Pbkdf2Sha1(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, Span<byte> output)
        => Rfc2898DeriveBytes.Pbkdf2(password, salt, output, iterations, HashAlgorithmName.SHA1);
}
