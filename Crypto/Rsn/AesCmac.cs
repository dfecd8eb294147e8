using System.Security.Cryptography;

namespace Net80211.Crypto.Rsn;

/// <summary>AES-CMAC (RFC 4493; NIST SP 800-38B), used by BIP-CMAC (IEEE 802.11-2020 12.5.4) and by the
/// EAPOL-Key MIC of descriptor version 3 (12.7.2). One instance holds one key and its subkeys.</summary>
public sealed class AesCmac : IDisposable
{
    public const int TagLength = 16;
    private const int BlockLength = 16;
    private const byte Rb = 0x87;

    private readonly global::System.Security.Cryptography.Aes _aes;
    private readonly byte[] _k1 = new byte[BlockLength];
    private readonly byte[] _k2 = new byte[BlockLength];

    /// <exception cref="ArgumentException">The key is not 16, 24 or 32 octets.</exception>
    public AesCmac(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32)) throw new ArgumentException("AES keys are 16, 24 or 32 octets.", nameof(key));
        _aes = global::System.Security.Cryptography.Aes.Create();
        _aes.SetKey(key);
        // RFC 4493 2.3: L = AES-128(K, 0^128); K1 = L << 1 (^ Rb); K2 = K1 << 1 (^ Rb).
        Span<byte> l = stackalloc byte[BlockLength];
        l.Clear();
        _aes.EncryptEcb(l, l, PaddingMode.None);
        ShiftLeftXor(l, _k1);
        ShiftLeftXor(_k1, _k2);
        CryptographicOperations.ZeroMemory(l);
    }

    /// <summary>The CMAC of <paramref name="key"/> over <paramref name="message"/>, truncated to
    /// <paramref name="tag"/>.Length (at most 16) octets.</summary>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> tag)
    {
        using var cmac = new AesCmac(key);
        cmac.ComputeOver(message, default, tag);
    }

    /// <summary>The CMAC over <paramref name="first"/> || <paramref name="second"/> (no copy of the two
    /// parts), truncated to <paramref name="tag"/>.Length (at most 16) octets (RFC 4493 2.4).</summary>
    public void ComputeOver(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> tag)
    {
        if (tag.Length > TagLength) throw new ArgumentException("A CMAC tag is at most 16 octets.", nameof(tag));
        Span<byte> x = stackalloc byte[BlockLength];
        Span<byte> block = stackalloc byte[BlockLength];
        x.Clear();
        int total = first.Length + second.Length;
        // The last block (complete or not) is kept for the subkey step; every earlier one is chained.
        int fullBeforeLast = total == 0 ? 0 : (total - 1) / BlockLength;
        int position = 0;
        for (int b = 0; b < fullBeforeLast; b++)
        {
            Gather(first, second, position, block);
            Xor(x, block);
            _aes.EncryptEcb(x, block, PaddingMode.None);
            block.CopyTo(x);
            position += BlockLength;
        }
        int lastLength = total - position;
        block.Clear();
        Gather(first, second, position, block[..lastLength]);
        if (lastLength == BlockLength)
        {
            Xor(block, _k1);
        }
        else
        {
            block[lastLength] = 0x80;
            Xor(block, _k2);
        }
        Xor(x, block);
        _aes.EncryptEcb(x, block, PaddingMode.None);
        block[..tag.Length].CopyTo(tag);
        CryptographicOperations.ZeroMemory(x);
        CryptographicOperations.ZeroMemory(block);
    }

    public void Compute(ReadOnlySpan<byte> message, Span<byte> tag) => ComputeOver(message, default, tag);

    public void Dispose()
    {
        _aes.Dispose();
        CryptographicOperations.ZeroMemory(_k1);
        CryptographicOperations.ZeroMemory(_k2);
    }

    /// <summary>Copies destination.Length octets of first||second starting at <paramref name="offset"/>.</summary>
    private static void Gather(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, int offset, Span<byte> destination)
    {
        int fromFirst = Math.Clamp(first.Length - offset, 0, destination.Length);
        if (fromFirst > 0) first.Slice(offset, fromFirst).CopyTo(destination);
        int remaining = destination.Length - fromFirst;
        if (remaining > 0) second.Slice(offset + fromFirst - first.Length, remaining).CopyTo(destination[fromFirst..]);
    }

    private static void Xor(Span<byte> target, ReadOnlySpan<byte> other)
    {
        for (int i = 0; i < BlockLength; i++) target[i] ^= other[i];
    }

    private static void ShiftLeftXor(ReadOnlySpan<byte> input, Span<byte> output)
    {
        byte carry = 0;
        for (int i = BlockLength - 1; i >= 0; i--)
        {
            output[i] = (byte)((input[i] << 1) | carry);
            carry = (byte)(input[i] >> 7);
        }
        if ((input[0] & 0x80) != 0) output[BlockLength - 1] ^= Rb;
    }
}
