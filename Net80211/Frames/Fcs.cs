using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>The 4-octet Frame Check Sequence that ends every MPDU (IEEE 802.11-2020 9.2.4.8).</summary>
/// <remarks>The CRC covers the MAC header and frame body and is sent least-significant octet first,
/// i.e. it is stored little-endian after the body.</remarks>
public static class Fcs
{
    public const int Length = 4;

    /// <summary>FCS value for <paramref name="frame"/> (header and body, no FCS).</summary>
    public static uint Compute(ReadOnlySpan<byte> frame) => Crc32.Compute(frame);

    /// <summary>Writes the FCS of <c>buffer[..frameLength]</c> right after it.</summary>
    public static bool TryAppend(Span<byte> buffer, int frameLength, out int totalLength)
    {
        totalLength = 0;
        if ((uint)frameLength > (uint)buffer.Length || buffer.Length - frameLength < Length) return false;
        uint fcs = Crc32.Compute(buffer[..frameLength]);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer[frameLength..], fcs);
        totalLength = frameLength + Length;
        return true;
    }

    /// <summary>True when the last four octets are the CRC of everything before them.</summary>
    public static bool Verify(ReadOnlySpan<byte> frameWithFcs)
        => TryStrip(frameWithFcs, out _, out _);

    /// <summary>Checks the FCS and returns the frame without it.</summary>
    public static bool TryStrip(ReadOnlySpan<byte> frameWithFcs, out ReadOnlySpan<byte> frame, out FrameParseError error)
    {
        frame = default;
        if (frameWithFcs.Length < Length)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        int bodyEnd = frameWithFcs.Length - Length;
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(frameWithFcs[bodyEnd..]);
        if (Crc32.Compute(frameWithFcs[..bodyEnd]) != expected)
        {
            error = FrameParseError.BadFcs;
            return false;
        }
        frame = frameWithFcs[..bodyEnd];
        error = FrameParseError.None;
        return true;
    }
}
