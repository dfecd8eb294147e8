namespace Net80211.Frames;

/// <summary>Body of an ATIM frame (IEEE 802.11-2020 9.3.3.4): empty. An ATIM with a body is malformed.</summary>
public readonly ref struct AtimFrame
{
    public static bool TryRead(ReadOnlySpan<byte> body, out AtimFrame atim, out FrameParseError error)
    {
        atim = default;
        error = body.IsEmpty ? FrameParseError.None : FrameParseError.BadLength;
        return body.IsEmpty;
    }

    /// <summary>Writes nothing; present for symmetry with the other frame bodies.</summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        return true;
    }
}
