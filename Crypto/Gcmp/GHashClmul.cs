using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Net80211.Crypto.Gcmp;

/// <summary>H, H², H³, H⁴ in the byte-reflected form <see cref="GHashClmul"/> multiplies, computed once per key.</summary>
[InlineArray(Count)]
internal struct HashKeyPowers
{
    public const int Count = 4;
    private Vector128<ulong> _element0;
}

/// <summary>
/// GHASH (NIST SP 800-38D 6.4) on PCLMULQDQ, after Gueron and Kounavis, "Intel Carry-Less Multiplication
/// Instruction and its Usage for Computing the GCM Mode" (2010): blocks are byte-reversed so the field's
/// bit-reflected order becomes an integer order; the 256-bit carry-less product is shifted left by one and
/// reduced modulo x^128 + x^7 + x^2 + x + 1. Four blocks are multiplied by H⁴..H¹ and reduced once.
/// </summary>
[SkipLocalsInit]
internal static class GHashClmul
{
    public static bool IsSupported => Pclmulqdq.IsSupported && Ssse3.IsSupported && Aes.AesNi.IsSupported;

    private static Vector128<byte> ReverseMask => Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);

    /// <summary>A block in GCM's byte order to the reflected form, and back (the same shuffle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ulong> Reverse(Vector128<byte> block) => Ssse3.Shuffle(block, ReverseMask).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Unreverse(Vector128<ulong> value) => Ssse3.Shuffle(value.AsByte(), ReverseMask);

    public static void ComputePowers(Vector128<byte> hashKey, ref HashKeyPowers powers)
    {
        Vector128<ulong> h = Reverse(hashKey);
        powers[0] = h;
        powers[1] = Multiply(h, h);
        powers[2] = Multiply(powers[1], h);
        powers[3] = Multiply(powers[2], h);
    }

    /// <summary>a·b in GF(2^128), both reflected.</summary>
    public static Vector128<ulong> Multiply(Vector128<ulong> a, Vector128<ulong> b)
    {
        Vector128<ulong> lo = Pclmulqdq.CarrylessMultiply(a, b, 0x00);
        Vector128<ulong> hi = Pclmulqdq.CarrylessMultiply(a, b, 0x11);
        Vector128<ulong> mid = Pclmulqdq.CarrylessMultiply(a, b, 0x01) ^ Pclmulqdq.CarrylessMultiply(a, b, 0x10);
        return Reduce(lo, mid, hi);
    }

    /// <summary>Folds the middle product in, shifts the 256-bit product left by one (the reflection) and
    /// reduces it modulo the GCM polynomial.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Reduce(Vector128<ulong> lo, Vector128<ulong> mid, Vector128<ulong> hi)
    {
        lo ^= Sse2.ShiftLeftLogical128BitLane(mid, 8);
        hi ^= Sse2.ShiftRightLogical128BitLane(mid, 8);

        // [hi:lo] <<= 1
        Vector128<uint> l = lo.AsUInt32(), h = hi.AsUInt32();
        Vector128<uint> carryLo = Sse2.ShiftRightLogical(l, 31);
        Vector128<uint> carryHi = Sse2.ShiftRightLogical(h, 31);
        l = Sse2.ShiftLeftLogical(l, 1);
        h = Sse2.ShiftLeftLogical(h, 1);
        Vector128<uint> across = Sse2.ShiftRightLogical128BitLane(carryLo, 12);
        l |= Sse2.ShiftLeftLogical128BitLane(carryLo, 4);
        h |= Sse2.ShiftLeftLogical128BitLane(carryHi, 4) | across;

        // Reduction, first phase: fold the low 128 bits by the shifts that x^7 + x^2 + x take in reflected order.
        Vector128<uint> t = Sse2.ShiftLeftLogical(l, 31) ^ Sse2.ShiftLeftLogical(l, 30) ^ Sse2.ShiftLeftLogical(l, 25);
        Vector128<uint> spill = Sse2.ShiftRightLogical128BitLane(t, 4);
        l ^= Sse2.ShiftLeftLogical128BitLane(t, 12);

        // Second phase.
        Vector128<uint> u = Sse2.ShiftRightLogical(l, 1) ^ Sse2.ShiftRightLogical(l, 2) ^ Sse2.ShiftRightLogical(l, 7) ^ spill;
        l ^= u;
        return (h ^ l).AsUInt64();
    }

    /// <summary>X ← GHASH update over <paramref name="data"/>, the last partial block zero padded.</summary>
    public static Vector128<ulong> Update(Vector128<ulong> x, ref readonly HashKeyPowers h, ReadOnlySpan<byte> data)
    {
        ref byte start = ref MemoryMarshal.GetReference(data);
        int length = data.Length, offset = 0;
        if (length >= 64)
        {
            Vector128<ulong> h1 = h[0], h2 = h[1], h3 = h[2], h4 = h[3];
            for (; offset + 64 <= length; offset += 64)
            {
                Vector128<ulong> c0 = x ^ Reverse(Vector128.LoadUnsafe(ref start, (nuint)offset));
                Vector128<ulong> c1 = Reverse(Vector128.LoadUnsafe(ref start, (nuint)offset + 16));
                Vector128<ulong> c2 = Reverse(Vector128.LoadUnsafe(ref start, (nuint)offset + 32));
                Vector128<ulong> c3 = Reverse(Vector128.LoadUnsafe(ref start, (nuint)offset + 48));

                Vector128<ulong> lo = Pclmulqdq.CarrylessMultiply(c0, h4, 0x00)
                    ^ Pclmulqdq.CarrylessMultiply(c1, h3, 0x00)
                    ^ Pclmulqdq.CarrylessMultiply(c2, h2, 0x00)
                    ^ Pclmulqdq.CarrylessMultiply(c3, h1, 0x00);
                Vector128<ulong> hi = Pclmulqdq.CarrylessMultiply(c0, h4, 0x11)
                    ^ Pclmulqdq.CarrylessMultiply(c1, h3, 0x11)
                    ^ Pclmulqdq.CarrylessMultiply(c2, h2, 0x11)
                    ^ Pclmulqdq.CarrylessMultiply(c3, h1, 0x11);
                Vector128<ulong> mid = Pclmulqdq.CarrylessMultiply(c0, h4, 0x01) ^ Pclmulqdq.CarrylessMultiply(c0, h4, 0x10)
                    ^ Pclmulqdq.CarrylessMultiply(c1, h3, 0x01) ^ Pclmulqdq.CarrylessMultiply(c1, h3, 0x10)
                    ^ Pclmulqdq.CarrylessMultiply(c2, h2, 0x01) ^ Pclmulqdq.CarrylessMultiply(c2, h2, 0x10)
                    ^ Pclmulqdq.CarrylessMultiply(c3, h1, 0x01) ^ Pclmulqdq.CarrylessMultiply(c3, h1, 0x10);
                x = Reduce(lo, mid, hi);
            }
        }
        Vector128<ulong> hk = h[0];
        for (; offset + 16 <= length; offset += 16)
            x = Multiply(x ^ Reverse(Vector128.LoadUnsafe(ref start, (nuint)offset)), hk);
        if (offset < length)
        {
            Span<byte> pad = stackalloc byte[16];
            pad.Clear();
            data[offset..].CopyTo(pad);
            x = Multiply(x ^ Reverse(Vector128.Create((ReadOnlySpan<byte>)pad)), hk);
        }
        return x;
    }
}
