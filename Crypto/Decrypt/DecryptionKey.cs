using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Net80211.Crypto.Rsn;
using Net80211.Crypto.Wep;

namespace Net80211.Crypto.Decrypt;

/// <summary>What the key of a capture is given as.</summary>
public enum DecryptionKeyKind
{
    /// <summary>A WPA/WPA2 passphrase (8..63 printable ASCII); the PMK is derived with the SSID (J.4.1).</summary>
    Passphrase,
    /// <summary>The 256-bit PSK (PMK) itself, 64 hex digits.</summary>
    Psk,
    /// <summary>A static WEP-40 or WEP-104 key (12.3.2).</summary>
    Wep,
}

/// <summary>The key a capture is decrypted with: a passphrase, a PSK or a WEP key. Built only through the
/// <c>Try*</c> factories, which check the text and say what is wrong with it.</summary>
public sealed class DecryptionKey
{
    private readonly byte[] _material;

    private DecryptionKey(DecryptionKeyKind kind, byte[] material)
    {
        Kind = kind;
        _material = material;
    }

    public DecryptionKeyKind Kind { get; }

    /// <summary>WEP key octets (5 or 13); empty for the other kinds.</summary>
    public ReadOnlySpan<byte> WepKey => Kind == DecryptionKeyKind.Wep ? _material : default;

    /// <summary>A passphrase of 8..63 printable ASCII characters (J.4.1).</summary>
    public static bool TryFromPassphrase(string? passphrase, [NotNullWhen(true)] out DecryptionKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!Psk.IsValidPassphrase(passphrase, out error)) return false;
        var ascii = new byte[passphrase.Length];
        for (int i = 0; i < ascii.Length; i++) ascii[i] = (byte)passphrase[i];
        key = new DecryptionKey(DecryptionKeyKind.Passphrase, ascii);
        return true;
    }

    /// <summary>A PSK of 64 hexadecimal digits.</summary>
    public static bool TryFromPskHex(string? hex, [NotNullWhen(true)] out DecryptionKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!Psk.TryParseHex(hex, out byte[]? pmk))
        {
            error = $"a PSK is {2 * Psk.Length} hexadecimal digits";
            return false;
        }
        key = new DecryptionKey(DecryptionKeyKind.Psk, pmk);
        error = null;
        return true;
    }

    /// <summary>A WEP key of 5 or 13 octets, as hex digits either run together ("1F1F1F1F1F") or with every
    /// octet separated by colons ("1F:1F:1F:1F:1F").</summary>
    public static bool TryFromWepHex(string? text, [NotNullWhen(true)] out DecryptionKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        error = $"a WEP key is {WepCipher.Wep40KeyLength} or {WepCipher.Wep104KeyLength} octets in hex, e.g. 1F:1F:1F:1F:1F or 1F1F1F1F1F";
        if (string.IsNullOrEmpty(text)) return false;
        byte[]? octets = text.Contains(':', StringComparison.Ordinal) ? ParseColonHex(text) : ParsePlainHex(text);
        if (octets is null || !WepCipher.IsValidKeyLength(octets.Length)) return false;
        key = new DecryptionKey(DecryptionKeyKind.Wep, octets);
        error = null;
        return true;
    }

    /// <summary>The PMK for <paramref name="ssid"/>: the PSK as given, or PBKDF2 of the passphrase; null for WEP.</summary>
    internal byte[]? PmkFor(ReadOnlySpan<byte> ssid)
    {
        switch (Kind)
        {
            case DecryptionKeyKind.Psk:
                return _material;
            case DecryptionKeyKind.Passphrase:
                var pmk = new byte[Psk.Length];
                Psk.Pbkdf2Sha1(_material, ssid, Psk.Iterations, pmk);
                return pmk;
            default:
                return null;
        }
    }

    private static byte[]? ParsePlainHex(string text)
    {
        if (text.Length % 2 != 0) return null;
        var octets = new byte[text.Length / 2];
        return Convert.FromHexString(text, octets, out _, out int written) == System.Buffers.OperationStatus.Done && written == octets.Length
            ? octets
            : null;
    }

    private static byte[]? ParseColonHex(string text)
    {
        string[] parts = text.Split(':');
        var octets = new byte[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != 2
                || !byte.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out octets[i]))
            {
                return null;
            }
        }
        return octets;
    }
}
