using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Net80211.Crypto.Gcmp;

/// <summary>
/// Portable GHASH: the bit-serial multiplication of NIST SP 800-38D Algorithm 1 on two 64-bit halves (bytes
/// 0–7 and 8–15 read big-endian), with masks instead of branches. Slow but exact; used without PCLMULQDQ.
/// </summary>
[SkipLocalsInit]
internal static class GHashSoftware
{
    /// <summary>R = 11100001 || 0^120.</summary>
    private const ulong R = 0xE1UL << 56;

    /// <summary>X·H.</summary>
    public static void Multiply(ref ulong xHi, ref ulong xLo, ulong hHi, ulong hLo)
    {
        ulong zHi = 0, zLo = 0, vHi = hHi, vLo = hLo;
        for (int i = 0; i < 128; i++)
        {
            ulong bit = i < 64 ? (xHi >> (63 - i)) & 1 : (xLo >> (127 - i)) & 1;
            ulong mask = 0 - bit;
            zHi ^= vHi & mask;
            zLo ^= vLo & mask;
            ulong lsb = 0 - (vLo & 1);
            vLo = (vLo >> 1) | (vHi << 63);
            vHi = (vHi >> 1) ^ (R & lsb);
        }
        xHi = zHi;
        xLo = zLo;
    }

    /// <summary>X ← GHASH update over <paramref name="data"/>, the last partial block zero padded.</summary>
    public static void Update(ref ulong xHi, ref ulong xLo, ulong hHi, ulong hLo, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 16)
        {
            xHi ^= BinaryPrimitives.ReadUInt64BigEndian(data);
            xLo ^= BinaryPrimitives.ReadUInt64BigEndian(data[8..]);
            Multiply(ref xHi, ref xLo, hHi, hLo);
            data = data[16..];
        }
        if (!data.IsEmpty)
        {
            Span<byte> pad = stackalloc byte[16];
            pad.Clear();
            data.CopyTo(pad);
            xHi ^= BinaryPrimitives.ReadUInt64BigEndian(pad);
            xLo ^= BinaryPrimitives.ReadUInt64BigEndian(pad[8..]);
            Multiply(ref xHi, ref xLo, hHi, hLo);
        }
    }
}
