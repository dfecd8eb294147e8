using System.Runtime.CompilerServices;
using Net80211.Crypto.Aes;
using Net80211.Security;

namespace Net80211.Crypto.Ccmp;

/// <summary>A CCMP-128 or CCMP-256 temporal key (IEEE 802.11-2020 12.5.3): AES-CCM with the 13-octet CCMP nonce.</summary>
[SkipLocalsInit]
public sealed class CcmpKey : PacketNumberKey
{
    private readonly CcmMode _ccm;

    internal CcmpKey(ICipherModule cipher, ReadOnlySpan<byte> temporalKey, int keyIndex, CipherKeyFlags flags, int micLength, AesImplementation implementation)
        : base(cipher, temporalKey, keyIndex, flags, micLength)
        => _ccm = new CcmMode(temporalKey, implementation);

    private protected override void Seal(ReadOnlySpan<byte> header, ulong packetNumber, ReadOnlySpan<byte> aad, Span<byte> body, Span<byte> mic)
    {
        Span<byte> nonce = stackalloc byte[CcmpAad.CcmNonceLength];
        CcmpAad.BuildCcmNonce(header, packetNumber, nonce);
        _ccm.Encrypt(nonce, body, body, mic, aad);
    }

    private protected override bool Open(ReadOnlySpan<byte> header, ulong packetNumber, ReadOnlySpan<byte> aad, Span<byte> body, ReadOnlySpan<byte> mic)
    {
        Span<byte> nonce = stackalloc byte[CcmpAad.CcmNonceLength];
        CcmpAad.BuildCcmNonce(header, packetNumber, nonce);
        return _ccm.Decrypt(nonce, body, mic, body, aad);
    }
}
