using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Net80211.Crypto.Aes;

/// <summary>
/// The expanded encryption key schedule (FIPS-197 5.2) in a fixed buffer: Nr + 1 round keys of 16 bytes,
/// at most 15 (AES-256). Both the AES-NI and the table implementation read the same bytes: round key
/// <c>r</c> is <c>w[4r] .. w[4r+3]</c>, each word most significant byte first.
/// </summary>
[InlineArray(MaxRoundKeys)]
internal struct AesRoundKeys
{
    public const int MaxRoundKeys = 15;
    public const int MaxBytes = MaxRoundKeys * 16;

    private Vector128<byte> _element0;

    /// <summary>The schedule as bytes (the words of FIPS-197 in order).</summary>
    public static Span<byte> AsBytes(ref AesRoundKeys keys)
        => MemoryMarshal.CreateSpan(ref Unsafe.As<AesRoundKeys, byte>(ref keys), MaxBytes);

    public static ReadOnlySpan<byte> AsReadOnlyBytes(ref readonly AesRoundKeys keys)
        => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<AesRoundKeys, byte>(ref Unsafe.AsRef(in keys)), MaxBytes);
}
