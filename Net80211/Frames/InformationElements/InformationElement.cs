namespace Net80211.Frames;

/// <summary>One element as found in a frame body (IEEE 802.11-2020 9.4.2.1).</summary>
/// <remarks>
/// <code>
///  octets:    1         1           0 or 1            variable
///        +----------+--------+----------------------+-------------+
///        |Element ID| Length | Element ID Extension | Information |
///        +----------+--------+----------------------+-------------+
/// </code>
/// Length counts everything after itself, including the Element ID Extension octet that only
/// elements with ID 255 carry. <see cref="Body"/> is the Information part, i.e. without that octet.
/// </remarks>
public readonly ref struct InformationElement
{
    public const int HeaderLength = 2;
    public const int MaxLength = 255;

    internal InformationElement(ElementId id, byte extensionId, ReadOnlySpan<byte> body)
    {
        Id = id;
        ExtensionId = extensionId;
        Body = body;
    }

    public ElementId Id { get; }

    /// <summary>Element ID Extension when <see cref="Id"/> is <see cref="ElementId.Extension"/>, otherwise 0.</summary>
    public byte ExtensionId { get; }

    public ReadOnlySpan<byte> Body { get; }

    public bool IsExtension => Id == ElementId.Extension;

    /// <summary>Octets the element occupies on the air, header included.</summary>
    public int TotalLength => HeaderLength + (IsExtension ? 1 : 0) + Body.Length;

    /// <summary>Writes Element ID, Length and <paramref name="body"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="body"/> exceeds 255 octets.</exception>
    public static bool TryWrite(Span<byte> destination, ElementId id, ReadOnlySpan<byte> body, out int bytesWritten)
    {
        if (!ElementWriter.TryBegin(destination, id, body.Length, out Span<byte> target))
        {
            bytesWritten = 0;
            return false;
        }
        body.CopyTo(target);
        bytesWritten = HeaderLength + body.Length;
        return true;
    }

    /// <summary>Writes an element with ID 255, its extension ID and <paramref name="body"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="body"/> exceeds 254 octets.</exception>
    public static bool TryWriteExtension(Span<byte> destination, byte extensionId, ReadOnlySpan<byte> body, out int bytesWritten)
    {
        if (!ElementWriter.TryBegin(destination, ElementId.Extension, 1 + body.Length, out Span<byte> target))
        {
            bytesWritten = 0;
            return false;
        }
        target[0] = extensionId;
        body.CopyTo(target[1..]);
        bytesWritten = HeaderLength + 1 + body.Length;
        return true;
    }

    /// <summary>Writes this element back out.</summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
        => IsExtension
            ? TryWriteExtension(destination, ExtensionId, Body, out bytesWritten)
            : TryWrite(destination, Id, Body, out bytesWritten);
}
