using Net80211.Crypto.Aes;
using Net80211.Crypto.Ccmp;
using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto.Gcmp;

/// <summary>GCMP-256 (IEEE 802.11-2020 12.5.5): AES-256 GCM, 16-octet MIC, suite 00-0F-AC:9.</summary>
public sealed class Gcmp256Cipher : ICipherModule
{
    private readonly AesImplementation _implementation;

    public Gcmp256Cipher() : this(AesImplementation.Auto) { }

    internal Gcmp256Cipher(AesImplementation implementation) => _implementation = implementation;

    public string Name => "AES-GCM-256";
    public uint SuiteSelector => (uint)CipherSuite.Gcmp256;
    public int KeyLength => 32;
    public int HeaderLength => CcmpHeader.Length;
    public int TrailerLength => GcmMode.MaxTagLength;
    public int MsduMicLength => 0;

    public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error)
    {
        key = TemporalKeyValidation.Check(keyMaterial, KeyLength, keyIndex, Name, out error)
            ? new GcmpKey(this, keyMaterial, keyIndex, flags, _implementation)
            : null;
        return key is not null;
    }
}
