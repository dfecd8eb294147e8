namespace Net80211.Frames;

/// <summary>The body-size rule every element reader applies first.</summary>
internal static class ElementLength
{
    internal static bool Check(ReadOnlySpan<byte> body, int min, int max, out FrameParseError error)
    {
        error = body.Length < min ? FrameParseError.IeTooShort
            : body.Length > max ? FrameParseError.IeTooLong
            : FrameParseError.None;
        return error == FrameParseError.None;
    }
}
