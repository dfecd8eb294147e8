using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using Net80211.Crypto.Aes;

namespace Net80211.Crypto.Gcmp;

/// <summary>
/// AES-GCM (NIST SP 800-38D) with a 96-bit IV: CTR encryption from inc32(J0) and GHASH over the associated
/// data and the ciphertext. GCMP uses it with the 12-octet A2 | PN nonce and a 16-octet MIC (IEEE 802.11-2020
/// 12.5.5.3). The key schedule and the hash key powers are computed once; calls allocate nothing. Encrypting
/// in place (same span) is allowed.
/// </summary>
/// <remarks>
/// <code>
///  H  = E(K, 0^128)          J0 = IV | 00 00 00 01
///  C  = GCTR(inc32(J0), P)   S  = GHASH(A | pad | C | pad | [len(A)]64 | [len(C)]64)
///  T  = MSB_t(E(K, J0) ^ S)
/// </code>
/// With AES-NI the keystream is produced eight blocks at a time; with PCLMULQDQ GHASH takes four blocks per
/// reduction.
/// </remarks>
[SkipLocalsInit]
public sealed class GcmMode
{
    public const int NonceLength = 12;
    public const int MaxTagLength = 16;
    public const int MinTagLength = 12;

    private const int BlockSize = AesEncryptor.BlockSize;

    private readonly AesEncryptor _aes;
    private readonly bool _clmul;
    private HashKeyPowers _powers;
    private readonly ulong _hHi;
    private readonly ulong _hLo;

    /// <summary>A GCM instance over a 16-, 24- or 32-byte AES key.</summary>
    public GcmMode(ReadOnlySpan<byte> key) : this(key, AesImplementation.Auto) { }

    internal GcmMode(ReadOnlySpan<byte> key, AesImplementation implementation)
    {
        _aes = new AesEncryptor(key, implementation);
        _clmul = _aes.IsHardwareAccelerated && GHashClmul.IsSupported;
        Vector128<byte> h = _aes.Encrypt(Vector128<byte>.Zero);
        if (_clmul) GHashClmul.ComputePowers(h, ref _powers);
        _hHi = BinaryPrimitives.ReverseEndianness(h.AsUInt64()[0]);
        _hLo = BinaryPrimitives.ReverseEndianness(h.AsUInt64()[1]);
    }

    public AesEncryptor Aes => _aes;

    /// <summary>GHASH runs on PCLMULQDQ.</summary>
    public bool IsHashHardwareAccelerated => _clmul;

    /// <summary>Authenticated encryption; the tag length is 12..16 octets (GCMP: 16).</summary>
    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData = default)
    {
        Validate(nonce, plaintext.Length, ciphertext.Length, tag.Length);
        Vector128<byte> j0 = CounterBase(nonce);
        Ctr(j0, plaintext, ciphertext);
        Vector128<byte> full = ComputeTag(j0, associatedData, ciphertext);
        Span<byte> t = stackalloc byte[BlockSize];
        full.CopyTo(t);
        t[..tag.Length].CopyTo(tag);
    }

    /// <summary>Authenticated decryption. The tag is checked before anything is decrypted: on a mismatch it
    /// returns false and <paramref name="plaintext"/> is not written.</summary>
    public bool Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        Validate(nonce, ciphertext.Length, plaintext.Length, tag.Length);
        Vector128<byte> j0 = CounterBase(nonce);
        Span<byte> expected = stackalloc byte[BlockSize];
        ComputeTag(j0, associatedData, ciphertext).CopyTo(expected);
        if (!CryptographicOperations.FixedTimeEquals(expected[..tag.Length], tag)) return false;
        Ctr(j0, ciphertext, plaintext);
        return true;
    }

    private static void Validate(ReadOnlySpan<byte> nonce, int inputLength, int outputLength, int tagLength)
    {
        if (nonce.Length != NonceLength) throw new ArgumentException("GCM nonces here are 12 bytes.", nameof(nonce));
        if (tagLength is < MinTagLength or > MaxTagLength) throw new ArgumentException("GCM tags are 12 to 16 bytes.", "tag");
        if (outputLength != inputLength) throw new ArgumentException("Input and output lengths differ.", "output");
    }

    /// <summary>IV | 0^32: J0 without its counter, which <see cref="Counter"/> ORs in.</summary>
    private static Vector128<byte> CounterBase(ReadOnlySpan<byte> nonce)
    {
        Span<byte> j = stackalloc byte[BlockSize];
        j.Clear();
        nonce.CopyTo(j);
        return Vector128.Create((ReadOnlySpan<byte>)j);
    }

    /// <summary>The block with the 32-bit big-endian counter <paramref name="i"/> (J0 is i = 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Counter(Vector128<byte> j, uint i)
        => j | Vector128.Create(0UL, (ulong)BinaryPrimitives.ReverseEndianness(i) << 32).AsByte();

    /// <summary>E(J0) ^ GHASH(A, C).</summary>
    private Vector128<byte> ComputeTag(Vector128<byte> j, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext)
    {
        ulong aadBits = (ulong)aad.Length * 8, textBits = (ulong)ciphertext.Length * 8;
        Vector128<byte> lengths = Vector128.Create(BinaryPrimitives.ReverseEndianness(aadBits), BinaryPrimitives.ReverseEndianness(textBits)).AsByte();
        Vector128<byte> s;
        if (_clmul)
        {
            Vector128<ulong> x = GHashClmul.Update(Vector128<ulong>.Zero, in _powers, aad);
            x = GHashClmul.Update(x, in _powers, ciphertext);
            x = GHashClmul.Multiply(x ^ GHashClmul.Reverse(lengths), _powers[0]);
            s = GHashClmul.Unreverse(x);
        }
        else
        {
            ulong xHi = 0, xLo = 0;
            GHashSoftware.Update(ref xHi, ref xLo, _hHi, _hLo, aad);
            GHashSoftware.Update(ref xHi, ref xLo, _hHi, _hLo, ciphertext);
            xHi ^= aadBits;
            xLo ^= textBits;
            GHashSoftware.Multiply(ref xHi, ref xLo, _hHi, _hLo);
            s = Vector128.Create(BinaryPrimitives.ReverseEndianness(xHi), BinaryPrimitives.ReverseEndianness(xLo)).AsByte();
        }
        return s ^ _aes.Encrypt(Counter(j, 1));
    }

    /// <summary>GCTR from inc32(J0): counters 2, 3, ...</summary>
    private void Ctr(Vector128<byte> j, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ref byte src = ref MemoryMarshal.GetReference(input);
        ref byte dst = ref MemoryMarshal.GetReference(output);
        int length = input.Length, offset = 0;
        uint i = 2;
        if (_aes.IsHardwareAccelerated)
        {
            ref readonly AesRoundKeys rk = ref _aes.RoundKeys;
            int rounds = _aes.Rounds;
            for (; offset + 8 * BlockSize <= length; offset += 8 * BlockSize, i += 8)
            {
                Vector128<byte> k0 = Counter(j, i), k1 = Counter(j, i + 1), k2 = Counter(j, i + 2), k3 = Counter(j, i + 3);
                Vector128<byte> k4 = Counter(j, i + 4), k5 = Counter(j, i + 5), k6 = Counter(j, i + 6), k7 = Counter(j, i + 7);
                AesNi.Encrypt8(in rk, rounds, ref k0, ref k1, ref k2, ref k3, ref k4, ref k5, ref k6, ref k7);
                nuint o = (nuint)offset;
                (Vector128.LoadUnsafe(ref src, o) ^ k0).StoreUnsafe(ref dst, o);
                (Vector128.LoadUnsafe(ref src, o + 16) ^ k1).StoreUnsafe(ref dst, o + 16);
                (Vector128.LoadUnsafe(ref src, o + 32) ^ k2).StoreUnsafe(ref dst, o + 32);
                (Vector128.LoadUnsafe(ref src, o + 48) ^ k3).StoreUnsafe(ref dst, o + 48);
                (Vector128.LoadUnsafe(ref src, o + 64) ^ k4).StoreUnsafe(ref dst, o + 64);
                (Vector128.LoadUnsafe(ref src, o + 80) ^ k5).StoreUnsafe(ref dst, o + 80);
                (Vector128.LoadUnsafe(ref src, o + 96) ^ k6).StoreUnsafe(ref dst, o + 96);
                (Vector128.LoadUnsafe(ref src, o + 112) ^ k7).StoreUnsafe(ref dst, o + 112);
            }
            for (; offset + 4 * BlockSize <= length; offset += 4 * BlockSize, i += 4)
            {
                Vector128<byte> k0 = Counter(j, i), k1 = Counter(j, i + 1), k2 = Counter(j, i + 2), k3 = Counter(j, i + 3);
                AesNi.Encrypt4(in rk, rounds, ref k0, ref k1, ref k2, ref k3);
                nuint o = (nuint)offset;
                (Vector128.LoadUnsafe(ref src, o) ^ k0).StoreUnsafe(ref dst, o);
                (Vector128.LoadUnsafe(ref src, o + 16) ^ k1).StoreUnsafe(ref dst, o + 16);
                (Vector128.LoadUnsafe(ref src, o + 32) ^ k2).StoreUnsafe(ref dst, o + 32);
                (Vector128.LoadUnsafe(ref src, o + 48) ^ k3).StoreUnsafe(ref dst, o + 48);
            }
        }
        for (; offset + BlockSize <= length; offset += BlockSize, i++)
            (Vector128.LoadUnsafe(ref src, (nuint)offset) ^ _aes.Encrypt(Counter(j, i))).StoreUnsafe(ref dst, (nuint)offset);
        if (offset < length)
        {
            Span<byte> block = stackalloc byte[BlockSize];
            _aes.Encrypt(Counter(j, i)).CopyTo(block);
            ReadOnlySpan<byte> tail = input[offset..];
            for (int n = 0; n < tail.Length; n++) output[offset + n] = (byte)(tail[n] ^ block[n]);
        }
    }
}
