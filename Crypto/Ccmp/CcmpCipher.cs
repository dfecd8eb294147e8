using Net80211.Crypto.Aes;
using Net80211.Frames;
using Net80211.Security;

namespace Net80211.Crypto.Ccmp;

/// <summary>CCMP-128 (IEEE 802.11-2020 12.5.3): AES-128 CCM, 8-octet MIC, suite 00-0F-AC:4. net80211's ccmp cipher.</summary>
public sealed class CcmpCipher : ICipherModule
{
    private readonly AesImplementation _implementation;

    public CcmpCipher() : this(AesImplementation.Auto) { }

    internal CcmpCipher(AesImplementation implementation) => _implementation = implementation;

    public string Name => "AES-CCM";
    public uint SuiteSelector => (uint)CipherSuite.Ccmp128;
    public int KeyLength => 16;
    public int HeaderLength => CcmpHeader.Length;
    public int TrailerLength => 8;
    public int MsduMicLength => 0;

    public bool TryCreateKey(ReadOnlySpan<byte> keyMaterial, int keyIndex, CipherKeyFlags flags, out ICipherKey? key, out string? error)
    {
        key = TemporalKeyValidation.Check(keyMaterial, KeyLength, keyIndex, Name, out error)
            ? new CcmpKey(this, keyMaterial, keyIndex, flags, TrailerLength, _implementation)
            : null;
        return key is not null;
    }
}
