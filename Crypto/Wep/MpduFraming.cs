using Net80211.Frames;
using Net80211.Packets;

namespace Net80211.Crypto.Wep;

/// <summary>
/// Moving the cipher header in and out between the MAC header and the frame body, in place, and the
/// Protected bit (IEEE 802.11-2020 9.2.4.1.9). Shared by WEP and TKIP.
/// </summary>
internal static class MpduFraming
{
    /// <summary>Offset of the Frame Control flags octet (FC bits 8..15) in the MAC header.</summary>
    private const int FlagsOffset = 1;

    /// <summary>Opens <paramref name="count"/> octets right after the <paramref name="headerLength"/>-octet MAC
    /// header (header slides into the headroom) and returns them.</summary>
    public static Span<byte> InsertAfterHeader(Packet frame, int headerLength, int count)
    {
        frame.Prepend(count);
        Span<byte> data = frame.Data;
        data.Slice(count, headerLength).CopyTo(data);
        return data.Slice(headerLength, count);
    }

    /// <summary>Removes the <paramref name="count"/> octets right after the MAC header (header slides forward).</summary>
    public static void RemoveAfterHeader(Packet frame, int headerLength, int count)
    {
        Span<byte> data = frame.Data;
        data[..headerLength].CopyTo(data[count..]);
        frame.TrimFront(count);
    }

    public static bool IsProtected(ReadOnlySpan<byte> frame) => (frame[FlagsOffset] & (byte)FrameControlFlags.Protected) != 0;

    public static void SetProtected(Span<byte> frame) => frame[FlagsOffset] |= (byte)FrameControlFlags.Protected;

    public static void ClearProtected(Span<byte> frame) => frame[FlagsOffset] &= unchecked((byte)~FrameControlFlags.Protected);
}
