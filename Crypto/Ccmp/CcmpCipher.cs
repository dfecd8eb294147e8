using Net80211.Crypto.Aes;
using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto.Ccmp;

/// <summary>CCMP (IEEE 802.11-2020 12.5.3): AES-CCM with an 8-byte PN header; the members differ in key and
/// MIC length. net80211's ccmp cipher.</summary>
public abstract class CcmpCipherModule : CipherModule
{
    private readonly AesImplementation _implementation;

    private protected CcmpCipherModule(string name, CipherSuite suite, int keyLength, int micLength, AesImplementation implementation)
        : base(name, suite, keyLength, CcmpHeader.Length, micLength) => _implementation = implementation;

    protected override bool IsValidKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, out string? error)
        => TemporalKeyValidation.Check(keyMaterial, KeyLength, keyIndex, Name, out error);

    protected override ICipherKey CreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags)
        => new CcmpKey(this, keyMaterial, keyIndex, flags, TrailerLength, _implementation);
}

/// <summary>CCMP-128: AES-128 CCM, 8-octet MIC, suite 00-0F-AC:4.</summary>
public sealed class CcmpCipher : CcmpCipherModule
{
    public CcmpCipher() : this(AesImplementation.Auto) { }
    internal CcmpCipher(AesImplementation implementation) : base("AES-CCM", CipherSuite.Ccmp128, 16, 8, implementation) { }
}

/// <summary>CCMP-256: AES-256 CCM, 16-octet MIC, suite 00-0F-AC:10.</summary>
public sealed class Ccmp256Cipher : CcmpCipherModule
{
    public Ccmp256Cipher() : this(AesImplementation.Auto) { }
    internal Ccmp256Cipher(AesImplementation implementation) : base("AES-CCM-256", CipherSuite.Ccmp256, 32, 16, implementation) { }
}
