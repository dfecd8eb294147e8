namespace Net80211.Frames;

/// <summary>Checks shared by the management frame body readers.</summary>
internal static class ManagementBody
{
    /// <summary>Fixed fields present, then the element list framed correctly (contents are checked
    /// later by <see cref="ParsedIes"/>, which knows which elements matter).</summary>
    internal static bool TryCheck(ReadOnlySpan<byte> body, int fixedLength, out FrameParseError error)
    {
        if (body.Length < fixedLength)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        error = IeReader.Validate(body[fixedLength..]);
        return error == FrameParseError.None;
    }

    /// <summary>Room check plus element copy for writers; the caller fills the fixed fields.</summary>
    internal static bool TryReserve(Span<byte> destination, int fixedLength, ReadOnlySpan<byte> elements, out int totalLength)
    {
        totalLength = fixedLength + elements.Length;
        if (destination.Length < totalLength)
        {
            totalLength = 0;
            return false;
        }
        // CopyTo has memmove semantics, so elements already built in place are fine.
        elements.CopyTo(destination[fixedLength..]);
        return true;
    }
}
