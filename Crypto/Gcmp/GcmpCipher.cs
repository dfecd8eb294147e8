using Net80211.Crypto.Aes;
using Net80211.Crypto.Ccmp;
using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto.Gcmp;

/// <summary>GCMP (IEEE 802.11-2020 12.5.5): AES-GCM with CCMP's header layout and a 16-octet MIC.</summary>
public abstract class GcmpCipherModule : CipherModule
{
    private readonly AesImplementation _implementation;

    private protected GcmpCipherModule(string name, CipherSuite suite, int keyLength, AesImplementation implementation)
        : base(name, suite, keyLength, CcmpHeader.Length, GcmMode.MaxTagLength) => _implementation = implementation;

    protected override bool IsValidKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, out string? error)
        => TemporalKeyValidation.Check(keyMaterial, KeyLength, keyIndex, Name, out error);

    protected override ICipherKey CreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags)
        => new GcmpKey(this, keyMaterial, keyIndex, flags, _implementation);
}

/// <summary>GCMP-128: AES-128 GCM, suite 00-0F-AC:8.</summary>
public sealed class GcmpCipher : GcmpCipherModule
{
    public GcmpCipher() : this(AesImplementation.Auto) { }
    internal GcmpCipher(AesImplementation implementation) : base("AES-GCM", CipherSuite.Gcmp128, 16, implementation) { }
}

/// <summary>GCMP-256: AES-256 GCM, suite 00-0F-AC:9.</summary>
public sealed class Gcmp256Cipher : GcmpCipherModule
{
    public Gcmp256Cipher() : this(AesImplementation.Auto) { }
    internal Gcmp256Cipher(AesImplementation implementation) : base("AES-GCM-256", CipherSuite.Gcmp256, 32, implementation) { }
}
