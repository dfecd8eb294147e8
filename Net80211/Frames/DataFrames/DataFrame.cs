namespace Net80211.Frames;

/// <summary>A Data frame: MAC header plus frame body (IEEE 802.11-2020 9.3.2.1).</summary>
/// <remarks>
/// <code>
///        +------------------------------------+------------------------------+
///        | MAC header (24/26/28/30/32/36 oct.) | Frame Body (0-7951 octets)  |
///        +------------------------------------+------------------------------+
/// </code>
/// Covers 3- and 4-address, QoS and +HTC forms (see <see cref="FrameHeader"/>). The payload of a
/// protected frame is ciphertext including the security header and MIC. Null, QoS Null and the
/// CF-Ack/CF-Poll-only subtypes carry no body, so a payload on them is
/// <see cref="FrameParseError.BadLength"/>. The FCS is not part of <paramref name="frame"/>.
/// </remarks>
public readonly ref struct DataFrame
{
    public FrameHeader Header { get; init; }

    /// <summary>The frame body: an MSDU (usually LLC/SNAP), an A-MSDU, or ciphertext.</summary>
    public ReadOnlySpan<byte> Payload { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> frame, out DataFrame data, out FrameParseError error)
    {
        data = default;
        if (!FrameHeader.TryRead(frame, out FrameHeader header, out error)) return false;
        if (!header.FrameControl.IsData)
        {
            error = FrameParseError.UnknownType;
            return false;
        }
        ReadOnlySpan<byte> payload = frame[header.Length..];
        if (header.FrameControl.IsDataWithoutBody && !payload.IsEmpty)
        {
            error = FrameParseError.BadLength;
            return false;
        }
        data = new DataFrame { Header = header, Payload = payload };
        return true;
    }

    /// <exception cref="InvalidOperationException">The header is not a Data header, or a body-less subtype has a payload.</exception>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        FrameControl fc = Header.FrameControl;
        if (!fc.IsData) throw new InvalidOperationException("A DataFrame needs a Data frame header.");
        if (fc.IsDataWithoutBody && !Payload.IsEmpty) throw new InvalidOperationException($"Data subtype {fc.DataSubtype} carries no body.");
        bytesWritten = 0;
        int length = Header.Length + Payload.Length;
        if (destination.Length < length) return false;
        // Body first: if the payload already sits in place after the header, the header write must not clobber it.
        Payload.CopyTo(destination[Header.Length..]);
        Header.TryWrite(destination, out _);
        bytesWritten = length;
        return true;
    }
}
