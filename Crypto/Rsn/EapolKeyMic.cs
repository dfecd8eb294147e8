using System.Buffers;
using System.Security.Cryptography;

namespace Net80211.Crypto.Rsn;

/// <summary>The Key MIC of an EAPOL-Key frame (IEEE 802.11-2020 12.7.2 b.1 and h): computed with the KCK over
/// the whole EAPOL PDU with the MIC field zeroed. Version 1: HMAC-MD5; 2: HMAC-SHA1 truncated to 128 bits;
/// 3: AES-128-CMAC.</summary>
public static class EapolKeyMic
{
    public const int Length = EapolKeyFrame.DefaultMicLength;

    /// <summary>Computes the 16-octet MIC of <paramref name="pdu"/> (whatever its MIC field holds) into
    /// <paramref name="mic"/>. False for a version without a MIC built here or a PDU too short to hold one.</summary>
    public static bool TryCompute(KeyDescriptorVersion version, ReadOnlySpan<byte> kck, ReadOnlySpan<byte> pdu, Span<byte> mic)
    {
        if (mic.Length < Length || pdu.Length < EapolKeyFrame.MicOffset + Length) return false;
        if (version is not (KeyDescriptorVersion.HmacMd5Rc4 or KeyDescriptorVersion.HmacSha1Aes or KeyDescriptorVersion.AesCmac)) return false;
        if (version == KeyDescriptorVersion.AesCmac && kck.Length != 16) return false;
        byte[] rented = ArrayPool<byte>.Shared.Rent(pdu.Length);
        try
        {
            Span<byte> copy = rented.AsSpan(0, pdu.Length);
            pdu.CopyTo(copy);
            copy.Slice(EapolKeyFrame.MicOffset, Length).Clear();
            Span<byte> digest = stackalloc byte[20];
            switch (version)
            {
                case KeyDescriptorVersion.HmacMd5Rc4:
                    HMACMD5.HashData(kck, copy, digest);
                    break;
                case KeyDescriptorVersion.HmacSha1Aes:
                    HMACSHA1.HashData(kck, copy, digest);
                    break;
                default:
                    AesCmac.Compute(kck, copy, digest[..Length]);
                    break;
            }
            digest[..Length].CopyTo(mic);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>As <see cref="TryCompute"/>, for callers that already know the version and lengths are right.</summary>
    /// <exception cref="ArgumentException">A version without a MIC here (0), a short PDU or MIC buffer, or a CMAC KCK that is not 16 octets.</exception>
    public static void Compute(KeyDescriptorVersion version, ReadOnlySpan<byte> kck, ReadOnlySpan<byte> pdu, Span<byte> mic)
    {
        if (!TryCompute(version, kck, pdu, mic)) throw new ArgumentException($"Cannot compute an EAPOL-Key MIC of version {version} over this PDU.");
    }

    /// <summary>Writes the MIC into the MIC field of <paramref name="pdu"/> (a frame written with a zero MIC).</summary>
    public static bool TrySign(KeyDescriptorVersion version, ReadOnlySpan<byte> kck, Span<byte> pdu)
    {
        Span<byte> mic = stackalloc byte[Length];
        if (!TryCompute(version, kck, pdu, mic)) return false;
        mic.CopyTo(pdu[EapolKeyFrame.MicOffset..]);
        return true;
    }

    /// <summary>True when the MIC field of <paramref name="pdu"/> matches (constant-time compare).</summary>
    public static bool Verify(KeyDescriptorVersion version, ReadOnlySpan<byte> kck, ReadOnlySpan<byte> pdu)
    {
        Span<byte> mic = stackalloc byte[Length];
        return TryCompute(version, kck, pdu, mic)
            && CryptographicOperations.FixedTimeEquals(mic, pdu.Slice(EapolKeyFrame.MicOffset, Length));
    }

    /// <summary>Verifies a parsed frame with the version its Key Information names.</summary>
    public static bool Verify(ReadOnlySpan<byte> kck, EapolKeyFrame frame)
        => frame.Mic.Length == Length && Verify(frame.Version, kck, frame.Pdu);
}
