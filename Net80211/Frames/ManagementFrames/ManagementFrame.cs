namespace Net80211.Frames;

/// <summary>A Management frame split into header and body (IEEE 802.11-2020 9.3.3.2). Hand
/// <see cref="Body"/> to the reader for <see cref="Subtype"/>, e.g. <see cref="BeaconFrame.TryRead"/>.</summary>
/// <remarks>
/// <code>
///        +---------------------------------+--------------------------------+
///        | MAC header (24, or 28 with HTC) | Frame Body (fixed fields, IEs) |
///        +---------------------------------+--------------------------------+
/// </code>
/// When the Protected bit is set (robust action frames, shared-key auth frame 3) the body is ciphertext.
/// </remarks>
public readonly ref struct ManagementFrame
{
    private const byte ReservedSubtype7 = 7;
    private const byte ReservedSubtype15 = 15;

    public FrameHeader Header { get; init; }
    public ReadOnlySpan<byte> Body { get; init; }

    public ManagementSubtype Subtype => Header.FrameControl.ManagementSubtype;

    public static bool TryRead(ReadOnlySpan<byte> frame, out ManagementFrame management, out FrameParseError error)
    {
        management = default;
        if (!FrameHeader.TryRead(frame, out FrameHeader header, out error)) return false;
        if (!header.FrameControl.IsManagement || header.FrameControl.Subtype is ReservedSubtype7 or ReservedSubtype15)
        {
            error = FrameParseError.UnknownType;
            return false;
        }
        management = new ManagementFrame { Header = header, Body = frame[header.Length..] };
        return true;
    }

    /// <exception cref="InvalidOperationException">The header is not a Management header.</exception>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        if (!Header.FrameControl.IsManagement) throw new InvalidOperationException("A ManagementFrame needs a Management frame header.");
        bytesWritten = 0;
        int length = Header.Length + Body.Length;
        if (destination.Length < length) return false;
        Body.CopyTo(destination[Header.Length..]);
        Header.TryWrite(destination, out _);
        bytesWritten = length;
        return true;
    }
}
