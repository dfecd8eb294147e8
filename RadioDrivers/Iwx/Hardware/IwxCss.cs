using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>(emulator) The stand-in for Intel's CSS header and RSA signature (§3): the first SEC_RT section
/// (load offset 0) holds it, and the boot ROM refuses to start firmware whose hash does not match.</summary>
/// <remarks>
/// <code>
///  0x00 u32 magic           0x53534343 ("CCSS")
///  0x04 u32 section_count   number of SEC_RT sections that follow
///  0x08 u8  sha256[32]      over the concatenated data of those sections (without their offsets)
/// </code>
/// </remarks>
public static class IwxCss
{
    public const uint Magic = 0x53534343;
    public const int Size = 40;
    public const int HashLength = 32;
    /// <summary>The CSS section loads at offset 0; code sections elsewhere.</summary>
    public const uint LoadOffset = 0;

    /// <summary>The SHA-256 over the sections' data in order.</summary>
    public static byte[] ComputeHash(IEnumerable<ReadOnlyMemory<byte>> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in sections) hash.AppendData(s.Span);
        return hash.GetHashAndReset();
    }

    /// <summary>The CSS section data for <paramref name="sections"/>.</summary>
    public static byte[] Create(IReadOnlyList<ReadOnlyMemory<byte>> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var css = new byte[Size];
        BinaryPrimitives.WriteUInt32LittleEndian(css, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(css.AsSpan(4), (uint)sections.Count);
        ComputeHash(sections).CopyTo(css, 8);
        return css;
    }

    /// <summary>False unless <paramref name="css"/> starts with a CSS header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> css, out uint sectionCount, out ReadOnlySpan<byte> hash)
    {
        sectionCount = 0;
        hash = default;
        if (css.Length < Size || BinaryPrimitives.ReadUInt32LittleEndian(css) != Magic) return false;
        sectionCount = BinaryPrimitives.ReadUInt32LittleEndian(css[4..]);
        hash = css.Slice(8, HashLength);
        return true;
    }

    /// <summary>True when <paramref name="css"/> is a CSS header whose count and hash match the first
    /// section_count entries of <paramref name="following"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> css, IReadOnlyList<ReadOnlyMemory<byte>> following)
    {
        ArgumentNullException.ThrowIfNull(following);
        if (!TryRead(css, out uint count, out var expected) || count > following.Count) return false;
        return expected.SequenceEqual(ComputeHash(following.Take((int)count)));
    }
}
