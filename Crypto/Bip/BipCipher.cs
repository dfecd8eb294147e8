using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto.Bip;

/// <summary>BIP-CMAC-128 (IEEE 802.11-2020 12.5.4), suite 00-0F-AC:6: integrity for group-addressed robust
/// management frames with an 18-octet MMIE (8-octet MIC). net80211 has no BIP; this is the MFP piece.</summary>
public sealed class BipCipher : ICipherModule
{
    public string Name => "BIP-CMAC-128";
    public uint SuiteSelector => (uint)CipherSuite.BipCmac128;
    public int KeyLength => 16;
    public int HeaderLength => 0;
    public int TrailerLength => 18;
    public int MsduMicLength => 0;

    public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error)
    {
        key = BipKeyValidation.Check(keyMaterial, KeyLength, keyIndex, Name, out error)
            ? new BipCmacKey(this, keyMaterial, keyIndex, flags, 8)
            : null;
        return key is not null;
    }
}

/// <summary>BIP-CMAC-256, suite 00-0F-AC:13: AES-256-CMAC, 16-octet MIC.</summary>
public sealed class BipCmac256Cipher : ICipherModule
{
    public string Name => "BIP-CMAC-256";
    public uint SuiteSelector => (uint)CipherSuite.BipCmac256;
    public int KeyLength => 32;
    public int HeaderLength => 0;
    public int TrailerLength => 26;
    public int MsduMicLength => 0;

    public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error)
    {
        key = BipKeyValidation.Check(keyMaterial, KeyLength, keyIndex, Name, out error)
            ? new BipCmacKey(this, keyMaterial, keyIndex, flags, 16)
            : null;
        return key is not null;
    }
}

/// <summary>BIP-GMAC-128, suite 00-0F-AC:11: AES-128-GMAC, 16-octet MIC.</summary>
public sealed class BipGmac128Cipher : ICipherModule
{
    public string Name => "BIP-GMAC-128";
    public uint SuiteSelector => (uint)CipherSuite.BipGmac128;
    public int KeyLength => 16;
    public int HeaderLength => 0;
    public int TrailerLength => 26;
    public int MsduMicLength => 0;

    public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error)
    {
        key = BipKeyValidation.Check(keyMaterial, KeyLength, keyIndex, Name, out error) ? new BipGmacKey(this, keyMaterial, keyIndex, flags) : null;
        return key is not null;
    }
}

/// <summary>BIP-GMAC-256, suite 00-0F-AC:12: AES-256-GMAC, 16-octet MIC.</summary>
public sealed class BipGmac256Cipher : ICipherModule
{
    public string Name => "BIP-GMAC-256";
    public uint SuiteSelector => (uint)CipherSuite.BipGmac256;
    public int KeyLength => 32;
    public int HeaderLength => 0;
    public int TrailerLength => 26;
    public int MsduMicLength => 0;

    public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error)
    {
        key = BipKeyValidation.Check(keyMaterial, KeyLength, keyIndex, Name, out error) ? new BipGmacKey(this, keyMaterial, keyIndex, flags) : null;
        return key is not null;
    }
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
