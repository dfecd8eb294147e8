using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Net80211.Crypto.Rsn;

/// <summary>The key derivation function of IEEE 802.11-2020 12.7.1.6.2 (KDF-Hash-Length) with SHA-256,
/// used by the SHA-256 AKMs (PSK-SHA256, 802.1X-SHA256).</summary>
public static class Kdf
{
    private const int DigestLength = 32;

    /// <summary>KDF-SHA256-Length(K, label, Context) with Length = <c>output.Length</c> × 8 bits:
    /// result = HMAC-SHA256(K, i || label || Context || Length) for i = 1, 2, ..., where i and Length are
    /// 16-bit little-endian and the label has no terminating NUL.</summary>
    /// <exception cref="ArgumentException">The output is longer than 65535 bits.</exception>
    public static void Sha256(ReadOnlySpan<byte> key, string label, ReadOnlySpan<byte> context, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(label);
        int lengthBits = output.Length * 8;
        if (lengthBits > ushort.MaxValue) throw new ArgumentException("KDF output too long.", nameof(output));
        int labelLength = Encoding.ASCII.GetByteCount(label);
        int inputLength = 2 + labelLength + context.Length + 2;
        byte[] rented = ArrayPool<byte>.Shared.Rent(inputLength);
        try
        {
            Span<byte> input = rented.AsSpan(0, inputLength);
            Encoding.ASCII.GetBytes(label, input[2..]);
            context.CopyTo(input[(2 + labelLength)..]);
            BinaryPrimitives.WriteUInt16LittleEndian(input[^2..], (ushort)lengthBits);
            Span<byte> digest = stackalloc byte[DigestLength];
            int blocks = (output.Length + DigestLength - 1) / DigestLength;
            for (int i = 1; i <= blocks; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(input, (ushort)i);
                HMACSHA256.HashData(key, input, digest);
                int offset = (i - 1) * DigestLength;
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
