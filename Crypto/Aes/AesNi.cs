using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace Net80211.Crypto.Aes;

/// <summary>
/// AES on the x86 AES-NI instructions: key expansion with AESKEYGENASSIST and encryption of 1, 2, 4 or 8
/// blocks with their rounds interleaved, so independent blocks (CTR keystream, a CBC-MAC next to a CTR block)
/// fill the AESENC pipeline instead of waiting on its latency.
/// </summary>
internal static class AesNi
{
    /// <summary>AppContext switch that turns the intrinsics off (both AES-NI and PCLMULQDQ).</summary>
    public const string DisableSwitch = "Net80211.Crypto.DisableAesNi";

    public static bool IsSupported { get; } =
        X86Aes.IsSupported && Sse2.IsSupported && Ssse3.IsSupported
        && !(AppContext.TryGetSwitch(DisableSwitch, out bool disabled) && disabled);

    // ---- key expansion (FIPS-197 5.2, Intel AES-NI white paper 4.2) ----

    public static void ExpandKey128(ReadOnlySpan<byte> key, ref AesRoundKeys rk)
    {
        Vector128<byte> k = Vector128.Create(key);
        rk[0] = k;
        k = Expand(k, X86Aes.KeygenAssist(k, 0x01)); rk[1] = k;
        k = Expand(k, X86Aes.KeygenAssist(k, 0x02)); rk[2] = k;
        k = Expand(k, X86Aes.KeygenAssist(k, 0x04)); rk[3] = k;
        k = Expand(k, X86Aes.KeygenAssist(k, 0x08)); rk[4] = k;
        k = Expand(k, X86Aes.KeygenAssist(k, 0x10)); rk[5] = k;
        k = Expand(k, X86Aes.KeygenAssist(k, 0x20)); rk[6] = k;
        k = Expand(k, X86Aes.KeygenAssist(k, 0x40)); rk[7] = k;
        k = Expand(k, X86Aes.KeygenAssist(k, 0x80)); rk[8] = k;
        k = Expand(k, X86Aes.KeygenAssist(k, 0x1B)); rk[9] = k;
        k = Expand(k, X86Aes.KeygenAssist(k, 0x36)); rk[10] = k;
    }

    public static void ExpandKey256(ReadOnlySpan<byte> key, ref AesRoundKeys rk)
    {
        Vector128<byte> a = Vector128.Create(key);
        Vector128<byte> b = Vector128.Create(key[16..]);
        rk[0] = a;
        rk[1] = b;
        a = Expand(a, X86Aes.KeygenAssist(b, 0x01)); rk[2] = a;
        b = ExpandOdd(b, a); rk[3] = b;
        a = Expand(a, X86Aes.KeygenAssist(b, 0x02)); rk[4] = a;
        b = ExpandOdd(b, a); rk[5] = b;
        a = Expand(a, X86Aes.KeygenAssist(b, 0x04)); rk[6] = a;
        b = ExpandOdd(b, a); rk[7] = b;
        a = Expand(a, X86Aes.KeygenAssist(b, 0x08)); rk[8] = a;
        b = ExpandOdd(b, a); rk[9] = b;
        a = Expand(a, X86Aes.KeygenAssist(b, 0x10)); rk[10] = a;
        b = ExpandOdd(b, a); rk[11] = b;
        a = Expand(a, X86Aes.KeygenAssist(b, 0x20)); rk[12] = a;
        b = ExpandOdd(b, a); rk[13] = b;
        a = Expand(a, X86Aes.KeygenAssist(b, 0x40)); rk[14] = a;
    }

    /// <summary>w[i] = w[i-Nk] ^ SubWord(RotWord(w[i-1])) ^ Rcon, then the running XOR along the four words.</summary>
    private static Vector128<byte> Expand(Vector128<byte> previous, Vector128<byte> assist)
    {
        Vector128<byte> t = Sse2.Shuffle(assist.AsUInt32(), 0xFF).AsByte();
        previous ^= Sse2.ShiftLeftLogical128BitLane(previous, 4);
        previous ^= Sse2.ShiftLeftLogical128BitLane(previous, 4);
        previous ^= Sse2.ShiftLeftLogical128BitLane(previous, 4);
        return previous ^ t;
    }

    /// <summary>AES-256's odd round keys: SubWord without RotWord or Rcon (i mod Nk = 4).</summary>
    private static Vector128<byte> ExpandOdd(Vector128<byte> previous, Vector128<byte> even)
    {
        Vector128<byte> t = Sse2.Shuffle(X86Aes.KeygenAssist(even, 0x00).AsUInt32(), 0xAA).AsByte();
        previous ^= Sse2.ShiftLeftLogical128BitLane(previous, 4);
        previous ^= Sse2.ShiftLeftLogical128BitLane(previous, 4);
        previous ^= Sse2.ShiftLeftLogical128BitLane(previous, 4);
        return previous ^ t;
    }

    // ---- encryption ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Encrypt(ref readonly AesRoundKeys rk, int rounds, Vector128<byte> block)
    {
        ref Vector128<byte> k = ref Unsafe.AsRef(in rk[0]);
        block ^= k;
        for (int r = 1; r < rounds; r++)
            block = X86Aes.Encrypt(block, Unsafe.Add(ref k, r));
        return X86Aes.EncryptLast(block, Unsafe.Add(ref k, rounds));
    }

    /// <summary>Two independent blocks, round by round (a CBC-MAC step beside a CTR block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Encrypt2(ref readonly AesRoundKeys rk, int rounds, ref Vector128<byte> a, ref Vector128<byte> b)
    {
        ref Vector128<byte> k = ref Unsafe.AsRef(in rk[0]);
        Vector128<byte> key = k;
        Vector128<byte> x = a ^ key, y = b ^ key;
        for (int r = 1; r < rounds; r++)
        {
            key = Unsafe.Add(ref k, r);
            x = X86Aes.Encrypt(x, key);
            y = X86Aes.Encrypt(y, key);
        }
        key = Unsafe.Add(ref k, rounds);
        a = X86Aes.EncryptLast(x, key);
        b = X86Aes.EncryptLast(y, key);
    }

    /// <summary>Four independent blocks, round by round.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Encrypt4(ref readonly AesRoundKeys rk, int rounds,
        ref Vector128<byte> b0, ref Vector128<byte> b1, ref Vector128<byte> b2, ref Vector128<byte> b3)
    {
        ref Vector128<byte> k = ref Unsafe.AsRef(in rk[0]);
        Vector128<byte> key = k;
        Vector128<byte> x0 = b0 ^ key, x1 = b1 ^ key, x2 = b2 ^ key, x3 = b3 ^ key;
        for (int r = 1; r < rounds; r++)
        {
            key = Unsafe.Add(ref k, r);
            x0 = X86Aes.Encrypt(x0, key);
            x1 = X86Aes.Encrypt(x1, key);
            x2 = X86Aes.Encrypt(x2, key);
            x3 = X86Aes.Encrypt(x3, key);
        }
        key = Unsafe.Add(ref k, rounds);
        b0 = X86Aes.EncryptLast(x0, key);
        b1 = X86Aes.EncryptLast(x1, key);
        b2 = X86Aes.EncryptLast(x2, key);
        b3 = X86Aes.EncryptLast(x3, key);
    }

    /// <summary>Eight independent blocks, round by round: the CTR bulk path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Encrypt8(ref readonly AesRoundKeys rk, int rounds,
        ref Vector128<byte> b0, ref Vector128<byte> b1, ref Vector128<byte> b2, ref Vector128<byte> b3,
        ref Vector128<byte> b4, ref Vector128<byte> b5, ref Vector128<byte> b6, ref Vector128<byte> b7)
    {
        ref Vector128<byte> k = ref Unsafe.AsRef(in rk[0]);
        Vector128<byte> key = k;
        Vector128<byte> x0 = b0 ^ key, x1 = b1 ^ key, x2 = b2 ^ key, x3 = b3 ^ key;
        Vector128<byte> x4 = b4 ^ key, x5 = b5 ^ key, x6 = b6 ^ key, x7 = b7 ^ key;
        for (int r = 1; r < rounds; r++)
        {
            key = Unsafe.Add(ref k, r);
            x0 = X86Aes.Encrypt(x0, key);
            x1 = X86Aes.Encrypt(x1, key);
            x2 = X86Aes.Encrypt(x2, key);
            x3 = X86Aes.Encrypt(x3, key);
            x4 = X86Aes.Encrypt(x4, key);
            x5 = X86Aes.Encrypt(x5, key);
            x6 = X86Aes.Encrypt(x6, key);
            x7 = X86Aes.Encrypt(x7, key);
        }
        key = Unsafe.Add(ref k, rounds);
        b0 = X86Aes.EncryptLast(x0, key);
        b1 = X86Aes.EncryptLast(x1, key);
        b2 = X86Aes.EncryptLast(x2, key);
        b3 = X86Aes.EncryptLast(x3, key);
        b4 = X86Aes.EncryptLast(x4, key);
        b5 = X86Aes.EncryptLast(x5, key);
        b6 = X86Aes.EncryptLast(x6, key);
        b7 = X86Aes.EncryptLast(x7, key);
    }
}
