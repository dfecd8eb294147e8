namespace Net80211.Frames;

/// <summary>Element framing shared by the element writers.</summary>
internal static class ElementWriter
{
    /// <summary>Writes Element ID and Length and hands back the body slice, or returns false when the
    /// element does not fit. A body over 255 octets is a caller bug, not a lack of room.</summary>
    internal static bool TryBegin(Span<byte> destination, ElementId id, int bodyLength, out Span<byte> body)
    {
        if ((uint)bodyLength > InformationElement.MaxLength)
        {
            throw new ArgumentException($"Element {id} body of {bodyLength} octets exceeds {InformationElement.MaxLength}.", nameof(bodyLength));
        }
        int total = InformationElement.HeaderLength + bodyLength;
        if (destination.Length < total)
        {
            body = default;
            return false;
        }
        destination[0] = (byte)id;
        destination[1] = (byte)bodyLength;
        body = destination.Slice(InformationElement.HeaderLength, bodyLength);
        return true;
    }
}
