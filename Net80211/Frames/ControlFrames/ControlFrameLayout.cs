using System.Buffers.Binary;

namespace Net80211.Frames;

/// <summary>Checks and field writers shared by the fixed-size control frames (IEEE 802.11-2020 9.3.1).</summary>
/// <remarks>Control frames are parsed whole (header and fields, no FCS), so the reader insists on the
/// exact size: a longer buffer usually means the caller left the FCS on.</remarks>
internal static class ControlFrameLayout
{
    internal const int FrameControlOffset = 0;
    internal const int DurationOffset = 2;
    internal const int ReceiverAddressOffset = 4;
    internal const int TransmitterAddressOffset = 10;

    internal static bool TryCheck(ReadOnlySpan<byte> source, ControlSubtype expected, int length,
        out FrameControl frameControl, out FrameParseError error)
    {
        if (!FrameControl.TryRead(source, out frameControl))
        {
            error = FrameParseError.TooShort;
            return false;
        }
        if (frameControl.ProtocolVersion != 0)
        {
            error = FrameParseError.BadVersion;
            return false;
        }
        if (frameControl.Type != FrameType.Control || frameControl.ControlSubtype != expected)
        {
            error = FrameParseError.UnknownType;
            return false;
        }
        if (source.Length < length)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        if (source.Length > length)
        {
            error = FrameParseError.BadLength;
            return false;
        }
        error = FrameParseError.None;
        return true;
    }

    internal static ushort ReadDuration(ReadOnlySpan<byte> frame)
        => BinaryPrimitives.ReadUInt16LittleEndian(frame[DurationOffset..]);

    /// <summary>Writes FC and Duration/ID; the caller has already checked the length.</summary>
    internal static void WriteStart(Span<byte> frame, ControlSubtype subtype, FrameControlFlags flags, ushort durationOrAid)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(frame[FrameControlOffset..], FrameControl.Control(subtype, flags).Value);
        BinaryPrimitives.WriteUInt16LittleEndian(frame[DurationOffset..], durationOrAid);
    }

    /// <summary>The 10-byte frames that carry only FC, Duration and RA (ACK, CTS).</summary>
    internal const int ReceiverOnlyLength = FrameHeader.ControlShortLength;

    internal static bool TryReadReceiverOnly(ReadOnlySpan<byte> frame, ControlSubtype subtype,
        out FrameControlFlags flags, out DurationId duration, out MacAddress receiver, out FrameParseError error)
    {
        flags = default;
        duration = default;
        receiver = default;
        if (!TryCheck(frame, subtype, ReceiverOnlyLength, out FrameControl fc, out error)) return false;
        flags = fc.Flags;
        duration = new DurationId(ReadDuration(frame));
        receiver = MacAddress.Read(frame[ReceiverAddressOffset..]);
        return true;
    }

    internal static bool TryWriteReceiverOnly(Span<byte> destination, ControlSubtype subtype, FrameControlFlags flags,
        DurationId duration, MacAddress receiver, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < ReceiverOnlyLength) return false;
        WriteStart(destination, subtype, flags, duration.Value);
        receiver.WriteTo(destination[ReceiverAddressOffset..]);
        bytesWritten = ReceiverOnlyLength;
        return true;
    }
}
