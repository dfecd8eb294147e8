using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto.Bip;

/// <summary>BIP (IEEE 802.11-2020 12.5.4): integrity for group-addressed robust management frames with an
/// MMIE appended (no header). net80211 has no BIP; this is the MFP piece. The members differ in MAC and sizes.</summary>
public abstract class BipCipherModule(string name, CipherSuite suite, int keyLength, int micLength)
    : CipherModule(name, suite, keyLength, 0, Mmie.Length(micLength))   // MMIE: ID, length, key ID (2), IPN (6), MIC
{
    protected int MicLength { get; } = micLength;

    protected override bool IsValidKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, out string? error)
        => BipKeyValidation.Check(keyMaterial, KeyLength, keyIndex, Name, out error);
}

/// <summary>BIP-CMAC-128, suite 00-0F-AC:6: AES-128-CMAC, 8-octet MIC (18-octet MMIE).</summary>
public sealed class BipCipher() : BipCipherModule("BIP-CMAC-128", CipherSuite.BipCmac128, 16, 8)
{
    protected override ICipherKey CreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags)
        => new BipCmacKey(this, keyMaterial, keyIndex, flags, MicLength);
}

/// <summary>BIP-CMAC-256, suite 00-0F-AC:13: AES-256-CMAC, 16-octet MIC.</summary>
public sealed class BipCmac256Cipher() : BipCipherModule("BIP-CMAC-256", CipherSuite.BipCmac256, 32, 16)
{
    protected override ICipherKey CreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags)
        => new BipCmacKey(this, keyMaterial, keyIndex, flags, MicLength);
}

/// <summary>BIP-GMAC-128, suite 00-0F-AC:11: AES-128-GMAC, 16-octet MIC.</summary>
public sealed class BipGmac128Cipher() : BipCipherModule("BIP-GMAC-128", CipherSuite.BipGmac128, 16, 16)
{
    protected override ICipherKey CreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags)
        => new BipGmacKey(this, keyMaterial, keyIndex, flags);
}

/// <summary>BIP-GMAC-256, suite 00-0F-AC:12: AES-256-GMAC, 16-octet MIC.</summary>
public sealed class BipGmac256Cipher() : BipCipherModule("BIP-GMAC-256", CipherSuite.BipGmac256, 32, 16)
{
    protected override ICipherKey CreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags)
        => new BipGmacKey(this, keyMaterial, keyIndex, flags);
}

internal static class BipKeyValidation
{
    /// <summary>IGTK key IDs are 4 and 5, BIGTK 6 and 7 (12.7.1.5, 12.7.1.8).</summary>
    public static bool Check(ReadOnlySpan<byte> keyMaterial, int keyLength, int keyIndex, string name, out string? error)
    {
        if (keyMaterial.Length != keyLength)
        {
            error = $"{name} needs a {keyLength}-octet key, not {keyMaterial.Length}";
            return false;
        }
        if (keyIndex is < 4 or > 7)
        {
            error = $"{name} key index {keyIndex}: IGTK/BIGTK indices are 4..7";
            return false;
        }
        error = null;
        return true;
    }
}
