using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Net80211.Crypto.Rsn;

/// <summary>AES Key Wrap (RFC 3394 2.2.1 / 2.2.2, default IV A6A6A6A6A6A6A6A6), as used for the Key Data of
/// EAPOL-Key frames with descriptor versions 2 and 3 (IEEE 802.11-2020 12.7.2).</summary>
public static class AesKeyWrap
{
    public const int BlockLength = 8;
    /// <summary>The wrapped output is the input plus this integrity block.</summary>
    public const int Overhead = BlockLength;
    private const ulong DefaultIv = 0xA6A6A6A6A6A6A6A6UL;

    /// <summary>Wraps <paramref name="plaintext"/> (at least 16 octets, a multiple of 8) under <paramref name="kek"/>
    /// (16, 24 or 32 octets). False for other lengths or a destination shorter than plaintext + 8.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> plaintext, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!ValidKek(kek) || plaintext.Length < 2 * BlockLength || plaintext.Length % BlockLength != 0
            || destination.Length < plaintext.Length + Overhead)
        {
            return false;
        }
        int n = plaintext.Length / BlockLength;
        Span<byte> output = destination[..(plaintext.Length + Overhead)];
        plaintext.CopyTo(output[BlockLength..]);
        ulong a = DefaultIv;
        Span<byte> block = stackalloc byte[16];
        using (var aes = global::System.Security.Cryptography.Aes.Create())
        {
            aes.SetKey(kek);
            for (int j = 0; j <= 5; j++)
            {
                for (int i = 1; i <= n; i++)
                {
                    // B = AES(K, A | R[i]); A = MSB(64, B) ^ t; R[i] = LSB(64, B)
                    Span<byte> r = output.Slice(i * BlockLength, BlockLength);
                    BinaryPrimitives.WriteUInt64BigEndian(block, a);
                    r.CopyTo(block[BlockLength..]);
                    aes.EncryptEcb(block, block, PaddingMode.None);
                    a = BinaryPrimitives.ReadUInt64BigEndian(block) ^ (ulong)((n * j) + i);
                    block[BlockLength..].CopyTo(r);
                }
            }
        }
        BinaryPrimitives.WriteUInt64BigEndian(output, a);
        CryptographicOperations.ZeroMemory(block);
        bytesWritten = output.Length;
        return true;
    }

    /// <summary>Unwraps <paramref name="ciphertext"/> (at least 24 octets, a multiple of 8). False for bad
    /// lengths, a short destination or a failed integrity check (the destination is then cleared).</summary>
    public static bool TryUnwrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> ciphertext, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!ValidKek(kek) || ciphertext.Length < 3 * BlockLength || ciphertext.Length % BlockLength != 0
            || destination.Length < ciphertext.Length - Overhead)
        {
            return false;
        }
        int n = ciphertext.Length / BlockLength - 1;
        Span<byte> output = destination[..(ciphertext.Length - Overhead)];
        ciphertext[BlockLength..].CopyTo(output);
        ulong a = BinaryPrimitives.ReadUInt64BigEndian(ciphertext);
        Span<byte> block = stackalloc byte[16];
        using (var aes = global::System.Security.Cryptography.Aes.Create())
        {
            aes.SetKey(kek);
            for (int j = 5; j >= 0; j--)
            {
                for (int i = n; i >= 1; i--)
                {
                    // B = AES-1(K, (A ^ t) | R[i]); A = MSB(64, B); R[i] = LSB(64, B)
                    Span<byte> r = output.Slice((i - 1) * BlockLength, BlockLength);
                    BinaryPrimitives.WriteUInt64BigEndian(block, a ^ (ulong)((n * j) + i));
                    r.CopyTo(block[BlockLength..]);
                    aes.DecryptEcb(block, block, PaddingMode.None);
                    a = BinaryPrimitives.ReadUInt64BigEndian(block);
                    block[BlockLength..].CopyTo(r);
                }
            }
        }
        CryptographicOperations.ZeroMemory(block);
        if (a != DefaultIv)
        {
            CryptographicOperations.ZeroMemory(output);
            return false;
        }
        bytesWritten = output.Length;
        return true;
    }

    private static bool ValidKek(ReadOnlySpan<byte> kek) => kek.Length is 16 or 24 or 32;
}
