using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Net80211.Crypto.Rsn;

/// <summary>The PRF of IEEE 802.11-2020 12.7.1.2 (PRF-128 ... PRF-512) on HMAC-SHA1.</summary>
public static class Prf
{
    private const int DigestLength = 20;

    /// <summary>PRF(K, A, B, Len): the first <c>output.Length</c> octets of
    /// HMAC-SHA1(K, A || 0 || B || 0) || HMAC-SHA1(K, A || 0 || B || 1) || ...</summary>
    /// <param name="label">A, as ASCII without a terminating NUL (the 0 octet Y is added here).</param>
    /// <exception cref="ArgumentException">The output is longer than 255 digests.</exception>
    public static void Sha1(ReadOnlySpan<byte> key, string label, ReadOnlySpan<byte> data, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(label);
        int blocks = (output.Length + DigestLength - 1) / DigestLength;
        if (blocks > byte.MaxValue + 1) throw new ArgumentException("PRF output too long.", nameof(output));
        int labelLength = Encoding.ASCII.GetByteCount(label);
        int inputLength = labelLength + 1 + data.Length + 1;
        byte[] rented = ArrayPool<byte>.Shared.Rent(inputLength);
        try
        {
            Span<byte> input = rented.AsSpan(0, inputLength);
            Encoding.ASCII.GetBytes(label, input);
            input[labelLength] = 0;
            data.CopyTo(input[(labelLength + 1)..]);
            Span<byte> digest = stackalloc byte[DigestLength];
            for (int i = 0; i < blocks; i++)
            {
                input[^1] = (byte)i;
                HMACSHA1.HashData(key, input, digest);
                int offset = i * DigestLength;
                digest[..Math.Min(DigestLength, output.Length - offset)].CopyTo(output[offset..]);
            }
            CryptographicOperations.ZeroMemory(digest);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, inputLength));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
