using Net80211.Crypto.Aes;
using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto.Ccmp;

/// <summary>CCMP-256 (IEEE 802.11-2020 12.5.3): AES-256 CCM, 16-octet MIC, suite 00-0F-AC:10.</summary>
public sealed class Ccmp256Cipher : ICipherModule
{
    private readonly AesImplementation _implementation;

    public Ccmp256Cipher() : this(AesImplementation.Auto) { }

    internal Ccmp256Cipher(AesImplementation implementation) => _implementation = implementation;

    public string Name => "AES-CCM-256";
    public uint SuiteSelector => (uint)CipherSuite.Ccmp256;
    public int KeyLength => 32;
    public int HeaderLength => CcmpHeader.Length;
    public int TrailerLength => 16;
    public int MsduMicLength => 0;

    public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error)
    {
        key = TemporalKeyValidation.Check(keyMaterial, KeyLength, keyIndex, Name, out error)
            ? new CcmpKey(this, keyMaterial, keyIndex, flags, TrailerLength, _implementation)
            : null;
        return key is not null;
    }
}
