using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Net80211.Crypto.Aes;

/// <summary>
/// The AES forward cipher (FIPS-197) under one key — all CCM and GCM need. The key schedule is expanded once,
/// into a fixed buffer inside this object; encrypting allocates nothing. AES-NI is used when the CPU has it,
/// else a portable table implementation with identical results.
/// </summary>
[SkipLocalsInit]
public sealed class AesEncryptor
{
    public const int BlockSize = 16;

    private AesRoundKeys _roundKeys;

    /// <summary>Expands a 16-, 24- or 32-byte key (AES-128/192/256).</summary>
    /// <exception cref="ArgumentException">Any other key length.</exception>
    public AesEncryptor(ReadOnlySpan<byte> key) : this(key, AesImplementation.Auto) { }

    internal AesEncryptor(ReadOnlySpan<byte> key, AesImplementation implementation)
    {
        if (key.Length is not (16 or 24 or 32))
            throw new ArgumentException("AES keys are 16, 24 or 32 bytes.", nameof(key));
        KeySize = key.Length;
        Rounds = key.Length / 4 + 6;
        IsHardwareAccelerated = implementation == AesImplementation.Auto && AesNi.IsSupported;
        if (IsHardwareAccelerated && key.Length == 16)
            AesNi.ExpandKey128(key, ref _roundKeys);
        else if (IsHardwareAccelerated && key.Length == 32)
            AesNi.ExpandKey256(key, ref _roundKeys);
        else
            AesSoftware.ExpandKey(key, AesRoundKeys.AsBytes(ref _roundKeys), Rounds);
    }

    /// <summary>True when the machine supports AES-NI (and it is not switched off).</summary>
    public static bool IsHardwareSupported => AesNi.IsSupported;

    /// <summary>Key length in bytes.</summary>
    public int KeySize { get; }

    /// <summary>Nr: 10, 12 or 14.</summary>
    public int Rounds { get; }

    /// <summary>This key runs on AES-NI.</summary>
    public bool IsHardwareAccelerated { get; }

    internal ref readonly AesRoundKeys RoundKeys => ref _roundKeys;

    /// <summary>The expanded schedule, (Nr + 1) · 16 bytes (for tests comparing the two expansions).</summary>
    internal ReadOnlySpan<byte> ScheduleBytes => AesRoundKeys.AsReadOnlyBytes(in _roundKeys)[..((Rounds + 1) * BlockSize)];

    /// <summary>Encrypts one block; <paramref name="input"/> and <paramref name="output"/> may be the same.</summary>
    public void EncryptBlock(ReadOnlySpan<byte> input, Span<byte> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, BlockSize, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, BlockSize, nameof(output));
        if (IsHardwareAccelerated)
            AesNi.Encrypt(in _roundKeys, Rounds, Vector128.Create(input)).CopyTo(output);
        else
            AesSoftware.EncryptBlock(AesRoundKeys.AsReadOnlyBytes(in _roundKeys), Rounds, input, output);
    }

    /// <summary>One block held in a vector (either implementation).</summary>
    internal Vector128<byte> Encrypt(Vector128<byte> block)
    {
        if (IsHardwareAccelerated) return AesNi.Encrypt(in _roundKeys, Rounds, block);
        Span<byte> buffer = stackalloc byte[BlockSize];
        block.CopyTo(buffer);
        AesSoftware.EncryptBlock(AesRoundKeys.AsReadOnlyBytes(in _roundKeys), Rounds, buffer, buffer);
        return Vector128.Create((ReadOnlySpan<byte>)buffer);
    }
}
