using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Net80211.Security;

namespace Net80211.Crypto.Bip;

/// <summary>BIP-GMAC-128 / BIP-GMAC-256 (12.5.4): GMAC = AES-GCM with no plaintext over AAD || body, nonce
/// A2 || IPN (IPN most significant octet first), 128-bit MIC.</summary>
internal sealed class BipGmacKey : BipKey
{
    private readonly AesGcm _gcm;

    public BipGmacKey(ICipherModule cipher, ReadOnlySpan<byte> key, int keyIndex, CipherKeyFlags flags)
        : base(cipher, keyIndex, flags, 16)
        => _gcm = new AesGcm(key, 16);

    private protected override void ComputeMic(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> body, ReadOnlySpan<byte> a2, ulong ipn, Span<byte> mic)
    {
        Span<byte> nonce = stackalloc byte[12];
        a2.CopyTo(nonce);
        BinaryPrimitives.WriteUInt16BigEndian(nonce[6..], (ushort)(ipn >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], (uint)ipn);
        int length = aad.Length + body.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            aad.CopyTo(rented);
            body.CopyTo(rented.AsSpan(aad.Length));
            _gcm.Encrypt(nonce, ReadOnlySpan<byte>.Empty, Span<byte>.Empty, mic, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gcm.Dispose();
        base.Dispose(disposing);
    }
}
