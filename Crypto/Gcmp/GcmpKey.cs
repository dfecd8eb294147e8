using System.Runtime.CompilerServices;
using Net80211.Crypto.Aes;
using Net80211.Crypto.Ccmp;
using Net80211.Security;

namespace Net80211.Crypto.Gcmp;

/// <summary>A GCMP-128 or GCMP-256 temporal key (IEEE 802.11-2020 12.5.5): AES-GCM with the 12-octet A2 | PN
/// nonce, the CCMP header layout and AAD, a 16-octet MIC.</summary>
[SkipLocalsInit]
public sealed class GcmpKey : PacketNumberKey
{
    private readonly GcmMode _gcm;

    internal GcmpKey(ICipherModule cipher, ReadOnlySpan<byte> temporalKey, int keyIndex, CipherKeyFlags flags, AesImplementation implementation)
        : base(cipher, temporalKey, keyIndex, flags, GcmMode.MaxTagLength)
        => _gcm = new GcmMode(temporalKey, implementation);

    private protected override void Seal(ReadOnlySpan<byte> header, ulong packetNumber, ReadOnlySpan<byte> aad, Span<byte> body, Span<byte> mic)
    {
        Span<byte> nonce = stackalloc byte[CcmpAad.GcmNonceLength];
        CcmpAad.BuildGcmNonce(header, packetNumber, nonce);
        _gcm.Encrypt(nonce, body, body, mic, aad);
    }

    private protected override bool Open(ReadOnlySpan<byte> header, ulong packetNumber, ReadOnlySpan<byte> aad, Span<byte> body, ReadOnlySpan<byte> mic)
    {
        Span<byte> nonce = stackalloc byte[CcmpAad.GcmNonceLength];
        CcmpAad.BuildGcmNonce(header, packetNumber, nonce);
        return _gcm.Decrypt(nonce, body, mic, body, aad);
    }
}
