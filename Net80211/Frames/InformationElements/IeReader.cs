namespace Net80211.Frames;

/// <summary>Walks a list of elements (IEEE 802.11-2020 9.4.2.1) without allocating.</summary>
/// <remarks>
/// <code>
/// var reader = new IeReader(body);
/// while (reader.MoveNext()) { var ie = reader.Current; ... }
/// if (reader.Error != FrameParseError.None) counters.Count(reader.Error);
/// </code>
/// Enumeration stops at the first element whose Length runs past the end
/// (<see cref="FrameParseError.IeTruncated"/>), or at an Extension element with no room for its
/// Element ID Extension octet (<see cref="FrameParseError.IeTooShort"/>). A dangling single octet
/// at the end is reported as truncated too: it cannot be an element header.
/// <c>foreach</c> also works, but it enumerates a copy, so read <see cref="Error"/> through the
/// <c>while</c> form (or call <see cref="Validate"/>) when the outcome matters.
/// </remarks>
public ref struct IeReader
{
    private ReadOnlySpan<byte> _remaining;
    private InformationElement _current;

    public IeReader(ReadOnlySpan<byte> elements)
    {
        _remaining = elements;
        _current = default;
        Error = FrameParseError.None;
    }

    public readonly InformationElement Current => _current;

    /// <summary><see cref="FrameParseError.None"/> unless enumeration stopped on malformed input.</summary>
    public FrameParseError Error { get; private set; }

    /// <summary>Octets not yet consumed (after an error: from the offending element on).</summary>
    public readonly ReadOnlySpan<byte> Remaining => _remaining;

    public readonly IeReader GetEnumerator() => this;

    public bool MoveNext()
    {
        _current = default;
        if (_remaining.IsEmpty || Error != FrameParseError.None) return false;
        if (_remaining.Length < InformationElement.HeaderLength)
        {
            Error = FrameParseError.IeTruncated;
            return false;
        }
        var id = (ElementId)_remaining[0];
        int length = _remaining[1];
        if (_remaining.Length - InformationElement.HeaderLength < length)
        {
            Error = FrameParseError.IeTruncated;
            return false;
        }
        ReadOnlySpan<byte> body = _remaining.Slice(InformationElement.HeaderLength, length);
        byte extensionId = 0;
        if (id == ElementId.Extension)
        {
            if (body.IsEmpty)
            {
                Error = FrameParseError.IeTooShort;
                return false;
            }
            extensionId = body[0];
            body = body[1..];
        }
        _current = new InformationElement(id, extensionId, body);
        _remaining = _remaining[(InformationElement.HeaderLength + length)..];
        return true;
    }

    /// <summary>Checks element framing only (lengths), not element contents.</summary>
    public static FrameParseError Validate(ReadOnlySpan<byte> elements)
    {
        var reader = new IeReader(elements);
        while (reader.MoveNext())
        {
        }
        return reader.Error;
    }

    /// <summary>Finds the first element with <paramref name="id"/>; false if absent or the list is malformed before it.</summary>
    public static bool TryFind(ReadOnlySpan<byte> elements, ElementId id, out InformationElement element)
    {
        var reader = new IeReader(elements);
        while (reader.MoveNext())
        {
            if (reader.Current.Id == id)
            {
                element = reader.Current;
                return true;
            }
        }
        element = default;
        return false;
    }
}
