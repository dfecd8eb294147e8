namespace Net80211.Frames;

/// <summary>Challenge Text element (IEEE 802.11-2020 9.4.2.8), carried by Shared Key authentication frames
/// 2 (in the clear) and 3 (WEP-encapsulated).</summary>
/// <remarks>
/// <code>
///  octets:    1         1         1-253
///        +----------+--------+----------------+
///        |Element ID| Length | Challenge Text |
///        |   (16)   |        |                |
///        +----------+--------+----------------+
/// </code>
/// The responder's challenge is 128 octets (12.3.3.3.3); a reader accepts any length the element
/// format allows and leaves the 128 check to the exchange.
/// </remarks>
public readonly ref struct ChallengeTextElement
{
    public const int MinLength = 1;
    public const int MaxLength = 253;
    /// <summary>Length of the challenge an AP makes (12.3.3.3.3).</summary>
    public const int SharedKeyLength = 128;

    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or longer than 253 octets.</exception>
    public ChallengeTextElement(ReadOnlySpan<byte> text)
    {
        if (text.Length is < MinLength or > MaxLength) throw new ArgumentException("A challenge text is 1 to 253 octets.", nameof(text));
        Text = text;
    }

    public ReadOnlySpan<byte> Text { get; }

    /// <summary>Parses a Challenge Text element body.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, out ChallengeTextElement challenge, out FrameParseError error)
    {
        challenge = default;
        if (!ElementLength.Check(body, MinLength, MaxLength, out error)) return false;
        challenge = new ChallengeTextElement(body);
        return true;
    }

    /// <summary>Finds and parses the Challenge Text element in an element list (an authentication frame's
    /// <see cref="AuthenticationFrame.Elements"/>). False when it is absent (error <see cref="FrameParseError.None"/>)
    /// or malformed, or the list is (the error says which).</summary>
    public static bool TryFind(ReadOnlySpan<byte> elements, out ChallengeTextElement challenge, out FrameParseError error)
    {
        challenge = default;
        var reader = new IeReader(elements);
        while (reader.MoveNext())
        {
            if (reader.Current.Id == ElementId.ChallengeText) return TryRead(reader.Current.Body, out challenge, out error);
        }
        error = reader.Error;
        return false;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
        => InformationElement.TryWrite(destination, ElementId.ChallengeText, Text, out bytesWritten);
}
