using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using Net80211.Crypto.Aes;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace Net80211.Crypto.Ccmp;

/// <summary>
/// AES-CCM (RFC 3610, NIST SP 800-38C): CBC-MAC over B0, the associated data and the payload, then CTR
/// encryption of payload and MAC. Nonce 7..13 bytes (L = 15 − nonce length), tag M = 4..16 bytes, even.
/// CCMP uses a 13-byte nonce (L = 2) with M = 8 (CCMP-128) or 16 (CCMP-256), IEEE 802.11-2020 12.5.3.3.
/// The key is expanded once; calls allocate nothing. Encrypting in place (same span) is allowed.
/// </summary>
/// <remarks>
/// On AES-NI each CBC-MAC step, which must wait for the previous one, runs interleaved with the CTR block of
/// the same position, so the keystream costs (almost) nothing beside the MAC chain.
/// <code>
///  B0 = Flags | Nonce | l(m)           Flags = 64·Adata + 8·(M−2)/2 + (L−1)
///  Ai = (L−1) | Nonce | i              (counter i in L octets, big-endian; A0 encrypts the MAC)
/// </code>
/// </remarks>
[SkipLocalsInit]
public sealed class CcmMode
{
    private const int BlockSize = AesEncryptor.BlockSize;
    private const int FlagsOffset = 0;
    private const int NonceOffset = 1;
    private const int AdataFlag = 0x40;

    private readonly AesEncryptor _aes;

    /// <summary>A CCM instance over a 16-, 24- or 32-byte AES key.</summary>
    public CcmMode(ReadOnlySpan<byte> key) : this(key, AesImplementation.Auto) { }

    internal CcmMode(ReadOnlySpan<byte> key, AesImplementation implementation) => _aes = new AesEncryptor(key, implementation);

    public AesEncryptor Aes => _aes;

    /// <summary>Generation-encryption: <paramref name="ciphertext"/> = CTR(<paramref name="plaintext"/>), <paramref name="tag"/> = the encrypted MAC (its length is M).</summary>
    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData = default)
    {
        Validate(nonce, plaintext.Length, ciphertext.Length, tag.Length);
        Vector128<byte> b0 = FirstBlock(nonce, associatedData.Length, plaintext.Length, tag.Length);
        Vector128<byte> a0 = CounterBase(nonce);
        Vector128<byte> mac = _aes.IsHardwareAccelerated
            ? EncryptHardware(b0, a0, associatedData, plaintext, ciphertext)
            : EncryptSoftware(b0, a0, associatedData, plaintext, ciphertext);
        WriteTag(mac, tag);
    }

    /// <summary>Decryption-verification. False when the tag does not match; then <paramref name="plaintext"/>
    /// holds the ciphertext again (nothing unauthenticated is released, and a frame decrypted in place is left as it was).</summary>
    public bool Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        Validate(nonce, ciphertext.Length, plaintext.Length, tag.Length);
        Vector128<byte> b0 = FirstBlock(nonce, associatedData.Length, ciphertext.Length, tag.Length);
        Vector128<byte> a0 = CounterBase(nonce);
        Vector128<byte> mac = _aes.IsHardwareAccelerated
            ? DecryptHardware(b0, a0, associatedData, ciphertext, plaintext)
            : DecryptSoftware(b0, a0, associatedData, ciphertext, plaintext);

        Span<byte> expected = stackalloc byte[BlockSize];
        mac.CopyTo(expected);
        if (CryptographicOperations.FixedTimeEquals(expected[..tag.Length], tag)) return true;

        // Undo the decryption: XOR the same keystream again.
        Ctr(a0, plaintext, plaintext);
        return false;
    }

    private static void Validate(ReadOnlySpan<byte> nonce, int inputLength, int outputLength, int tagLength)
    {
        if (nonce.Length is < 7 or > 13) throw new ArgumentException("CCM nonces are 7 to 13 bytes.", nameof(nonce));
        if (tagLength is < 4 or > 16 || (tagLength & 1) != 0) throw new ArgumentException("CCM tags are 4, 6, ..., 16 bytes.", "tag");
        if (outputLength != inputLength) throw new ArgumentException("Input and output lengths differ.", "output");
        int l = 15 - nonce.Length;
        if (l < 4 && inputLength >= 1 << (8 * l)) throw new ArgumentException("Payload too long for the nonce length.", "input");
    }

    /// <summary>B0 (RFC 3610 2.2).</summary>
    private static Vector128<byte> FirstBlock(ReadOnlySpan<byte> nonce, int aadLength, int length, int tagLength)
    {
        int l = 15 - nonce.Length;
        Span<byte> b = stackalloc byte[BlockSize];
        b.Clear();
        b[FlagsOffset] = (byte)((aadLength > 0 ? AdataFlag : 0) | (((tagLength - 2) / 2) << 3) | (l - 1));
        nonce.CopyTo(b[NonceOffset..]);
        for (int k = 0; k < l && k < 4; k++)
            b[BlockSize - 1 - k] = (byte)(length >> (8 * k));   // l(m), big-endian in the last L octets
        return Vector128.Create((ReadOnlySpan<byte>)b);
    }

    /// <summary>A0: flags L−1, the nonce, counter 0.</summary>
    private static Vector128<byte> CounterBase(ReadOnlySpan<byte> nonce)
    {
        Span<byte> a = stackalloc byte[BlockSize];
        a.Clear();
        a[FlagsOffset] = (byte)(15 - nonce.Length - 1);
        nonce.CopyTo(a[NonceOffset..]);
        return Vector128.Create((ReadOnlySpan<byte>)a);
    }

    /// <summary>Ai = A0 with the counter i in its last octets (i &lt; 2^(8L) by <see cref="Validate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Counter(Vector128<byte> a0, int i)
        => a0 | Vector128.Create(0UL, BinaryPrimitives.ReverseEndianness((ulong)(uint)i)).AsByte();

    private static void WriteTag(Vector128<byte> mac, Span<byte> tag)
    {
        Span<byte> t = stackalloc byte[BlockSize];
        mac.CopyTo(t);
        t[..tag.Length].CopyTo(tag);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Load(ReadOnlySpan<byte> source, int offset)
        => Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector128<byte> value, Span<byte> destination, int offset)
        => value.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);

    /// <summary>The last partial block, zero padded (CBC-MAC pads with zeros, RFC 3610 2.2).</summary>
    private static Vector128<byte> LoadPartial(ReadOnlySpan<byte> source)
    {
        Span<byte> b = stackalloc byte[BlockSize];
        b.Clear();
        source.CopyTo(b);
        return Vector128.Create((ReadOnlySpan<byte>)b);
    }

    private static void StorePartial(Vector128<byte> value, Span<byte> destination)
    {
        Span<byte> b = stackalloc byte[BlockSize];
        value.CopyTo(b);
        b[..destination.Length].CopyTo(destination);
    }

    /// <summary>CBC-MAC over the encoded associated data: l(a) in 2 octets (a &lt; 2^16 − 2^8) or 0xFFFE and
    /// 4 octets, then a, zero padded to a block boundary (RFC 3610 2.2).</summary>
    private Vector128<byte> MacAssociatedData(Vector128<byte> x, ReadOnlySpan<byte> aad)
    {
        if (aad.IsEmpty) return x;
        if (aad.Length <= 2 * BlockSize - 2)
        {
            // The 802.11 case (22..30 octets): l(a) and a fit two blocks.
            Span<byte> encoded = stackalloc byte[2 * BlockSize];
            encoded.Clear();
            BinaryPrimitives.WriteUInt16BigEndian(encoded, (ushort)aad.Length);
            aad.CopyTo(encoded[2..]);
            x = EncryptBlock(x ^ Load(encoded, 0));
            return aad.Length > BlockSize - 2 ? EncryptBlock(x ^ Load(encoded, BlockSize)) : x;
        }

        Span<byte> first = stackalloc byte[BlockSize];
        first.Clear();
        int prefix;
        if (aad.Length < 0xFF00)
        {
            BinaryPrimitives.WriteUInt16BigEndian(first, (ushort)aad.Length);
            prefix = 2;
        }
        else
        {
            first[0] = 0xFF;
            first[1] = 0xFE;
            BinaryPrimitives.WriteUInt32BigEndian(first[2..], (uint)aad.Length);
            prefix = 6;
        }
        int take = Math.Min(aad.Length, BlockSize - prefix);
        aad[..take].CopyTo(first[prefix..]);
        x = EncryptBlock(x ^ Vector128.Create((ReadOnlySpan<byte>)first));
        aad = aad[take..];
        while (aad.Length >= BlockSize)
        {
            x = EncryptBlock(x ^ Load(aad, 0));
            aad = aad[BlockSize..];
        }
        if (!aad.IsEmpty) x = EncryptBlock(x ^ LoadPartial(aad));
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector128<byte> EncryptBlock(Vector128<byte> block)
        => _aes.IsHardwareAccelerated ? AesNi.Encrypt(in _aes.RoundKeys, _aes.Rounds, block) : _aes.Encrypt(block);

    // ---- AES-NI: MAC step i beside CTR block i (encrypt) or i + 1 (decrypt) ----

    private Vector128<byte> EncryptHardware(Vector128<byte> b0, Vector128<byte> a0, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ref readonly AesRoundKeys keys = ref _aes.RoundKeys;
        int rounds = _aes.Rounds;
        Vector128<byte> x = b0, s0 = a0;
        AesNi.Encrypt2(in keys, rounds, ref x, ref s0);
        x = MacAssociatedData(x, aad);

        int blocks = input.Length / BlockSize, offset = blocks * BlockSize;
        x = SealBlocks(ref Unsafe.AsRef(in keys[0]), rounds, x, a0,
            ref MemoryMarshal.GetReference(input), ref MemoryMarshal.GetReference(output), blocks);
        if (offset < input.Length)
        {
            Vector128<byte> p = LoadPartial(input[offset..]);
            x = AesNi.Encrypt(in keys, rounds, x ^ p);
            StorePartial(p ^ AesNi.Encrypt(in keys, rounds, Counter(a0, blocks + 1)), output[offset..]);
        }
        return x ^ s0;
    }

    private Vector128<byte> DecryptHardware(Vector128<byte> b0, Vector128<byte> a0, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ref readonly AesRoundKeys keys = ref _aes.RoundKeys;
        int rounds = _aes.Rounds;
        Vector128<byte> x = b0, s0 = a0, ks = Counter(a0, 1), unused = default;
        AesNi.Encrypt4(in keys, rounds, ref x, ref s0, ref ks, ref unused);
        x = MacAssociatedData(x, aad);

        int blocks = input.Length / BlockSize, offset = blocks * BlockSize;
        x = OpenBlocks(ref Unsafe.AsRef(in keys[0]), rounds, x, a0, ref ks,
            ref MemoryMarshal.GetReference(input), ref MemoryMarshal.GetReference(output), blocks);
        if (offset < input.Length)
        {
            Span<byte> tail = output[offset..];
            StorePartial(LoadPartial(input[offset..]) ^ ks, tail);
            x = AesNi.Encrypt(in keys, rounds, x ^ LoadPartial(tail));
        }
        return x ^ s0;
    }

    // The per-block loops are kept free of calls so that the MAC state stays in a register (every XMM
    // register is caller-saved): the CBC-MAC chain, one AESENC latency per round, is the cost of a frame,
    // and the CTR block beside it runs in the shadow of that latency.

    /// <summary>Full blocks 1..<paramref name="blocks"/>: X ← E(X ^ P), C = P ^ E(Ai).</summary>
    private static Vector128<byte> SealBlocks(ref Vector128<byte> rk, int rounds, Vector128<byte> x, Vector128<byte> a0,
        ref byte src, ref byte dst, int blocks)
    {
        for (int i = 1; i <= blocks; i++)
        {
            nuint offset = (nuint)(i - 1) * BlockSize;
            Vector128<byte> p = Vector128.LoadUnsafe(ref src, offset);
            Vector128<byte> key = rk;
            Vector128<byte> m = x ^ p ^ key;
            Vector128<byte> c = Counter(a0, i) ^ key;
            for (int r = 1; r < rounds; r++)
            {
                key = Unsafe.Add(ref rk, r);
                m = X86Aes.Encrypt(m, key);
                c = X86Aes.Encrypt(c, key);
            }
            key = Unsafe.Add(ref rk, rounds);
            x = X86Aes.EncryptLast(m, key);
            (p ^ X86Aes.EncryptLast(c, key)).StoreUnsafe(ref dst, offset);
        }
        return x;
    }

    /// <summary>Full blocks 1..<paramref name="blocks"/>: P = C ^ E(Ai) with E(Ai) from the step before, then
    /// X ← E(X ^ P) beside E(Ai+1), which is left in <paramref name="keystream"/>.</summary>
    private static Vector128<byte> OpenBlocks(ref Vector128<byte> rk, int rounds, Vector128<byte> x, Vector128<byte> a0,
        ref Vector128<byte> keystream, ref byte src, ref byte dst, int blocks)
    {
        Vector128<byte> ks = keystream;
        for (int i = 1; i <= blocks; i++)
        {
            nuint offset = (nuint)(i - 1) * BlockSize;
            Vector128<byte> p = Vector128.LoadUnsafe(ref src, offset) ^ ks;
            p.StoreUnsafe(ref dst, offset);
            Vector128<byte> key = rk;
            Vector128<byte> m = x ^ p ^ key;
            Vector128<byte> c = Counter(a0, i + 1) ^ key;
            for (int r = 1; r < rounds; r++)
            {
                key = Unsafe.Add(ref rk, r);
                m = X86Aes.Encrypt(m, key);
                c = X86Aes.Encrypt(c, key);
            }
            key = Unsafe.Add(ref rk, rounds);
            x = X86Aes.EncryptLast(m, key);
            ks = X86Aes.EncryptLast(c, key);
        }
        keystream = ks;
        return x;
    }

    // ---- portable ----

    private Vector128<byte> EncryptSoftware(Vector128<byte> b0, Vector128<byte> a0, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Vector128<byte> x = MacAssociatedData(_aes.Encrypt(b0), aad);
        int length = input.Length, offset = 0, i = 1;
        for (; offset + BlockSize <= length; offset += BlockSize, i++)
        {
            Vector128<byte> p = Load(input, offset);
            x = _aes.Encrypt(x ^ p);
            Store(p ^ _aes.Encrypt(Counter(a0, i)), output, offset);
        }
        if (offset < length)
        {
            Vector128<byte> p = LoadPartial(input[offset..]);
            x = _aes.Encrypt(x ^ p);
            StorePartial(p ^ _aes.Encrypt(Counter(a0, i)), output[offset..]);
        }
        return x ^ _aes.Encrypt(a0);
    }

    private Vector128<byte> DecryptSoftware(Vector128<byte> b0, Vector128<byte> a0, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Vector128<byte> x = MacAssociatedData(_aes.Encrypt(b0), aad);
        int length = input.Length, offset = 0, i = 1;
        for (; offset + BlockSize <= length; offset += BlockSize, i++)
        {
            Vector128<byte> p = Load(input, offset) ^ _aes.Encrypt(Counter(a0, i));
            Store(p, output, offset);
            x = _aes.Encrypt(x ^ p);
        }
        if (offset < length)
        {
            Span<byte> tail = output[offset..];
            StorePartial(LoadPartial(input[offset..]) ^ _aes.Encrypt(Counter(a0, i)), tail);
            x = _aes.Encrypt(x ^ LoadPartial(tail));
        }
        return x ^ _aes.Encrypt(a0);
    }

    /// <summary>XOR with the keystream A1, A2, ... (used to undo a failed decryption).</summary>
    private void Ctr(Vector128<byte> a0, ReadOnlySpan<byte> input, Span<byte> output)
    {
        int length = input.Length, offset = 0, i = 1;
        for (; offset + BlockSize <= length; offset += BlockSize, i++)
            Store(Load(input, offset) ^ EncryptBlock(Counter(a0, i)), output, offset);
        if (offset < length)
            StorePartial(LoadPartial(input[offset..]) ^ EncryptBlock(Counter(a0, i)), output[offset..]);
    }
}
