using Net80211.Crypto.Rsn;
using Net80211.Security;

namespace Net80211.Crypto.Bip;

/// <summary>BIP-CMAC-128 / BIP-CMAC-256 (12.5.4): AES-CMAC, truncated to 64 bits for BIP-CMAC-128.</summary>
internal sealed class BipCmacKey : BipKey
{
    private readonly AesCmac _cmac;

    public BipCmacKey(ICipherModule cipher, ReadOnlySpan<byte> key, int keyIndex, CipherKeyFlags flags, int micLength)
        : base(cipher, keyIndex, flags, micLength)
        => _cmac = new AesCmac(key);

    private protected override void ComputeMic(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> body, ReadOnlySpan<byte> a2, ulong ipn, Span<byte> mic)
        => _cmac.ComputeOver(aad, body, mic);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _cmac.Dispose();
        base.Dispose(disposing);
    }
}
