using System.Buffers.Binary;
using Net80211.Frames;

namespace Net80211.Crypto.Wep;

/// <summary>
/// The WEP encryption step shared by WEP and TKIP (IEEE 802.11-2020 12.3.2.2, 12.5.2.1): the ICV is the
/// CRC-32 of the plaintext body, sent least-significant octet first, and ARC4 seeded with the per-frame
/// seed encrypts body || ICV.
/// </summary>
internal static class WepEncryption
{
    public const int IcvLength = 4;

    /// <summary>Writes the ICV of <c>bodyAndIcv[..^4]</c> into its last four octets and encrypts the whole span.</summary>
    public static void Seal(ReadOnlySpan<byte> seed, Span<byte> bodyAndIcv)
    {
        int bodyLength = bodyAndIcv.Length - IcvLength;
        BinaryPrimitives.WriteUInt32LittleEndian(bodyAndIcv[bodyLength..], Crc32.Compute(bodyAndIcv[..bodyLength]));
        Rc4.Apply(seed, bodyAndIcv);
    }

    /// <summary>Decrypts body || ICV and checks the ICV. On a mismatch the span is encrypted again, so a
    /// refused frame is left as it came.</summary>
    public static bool Open(ReadOnlySpan<byte> seed, Span<byte> bodyAndIcv)
    {
        var rc4 = new Rc4(seed);
        Rc4 restore = rc4;
        rc4.Transform(bodyAndIcv);
        int bodyLength = bodyAndIcv.Length - IcvLength;
        uint icv = BinaryPrimitives.ReadUInt32LittleEndian(bodyAndIcv[bodyLength..]);
        if (Crc32.Compute(bodyAndIcv[..bodyLength]) == icv) return true;
        restore.Transform(bodyAndIcv);
        return false;
    }
}
