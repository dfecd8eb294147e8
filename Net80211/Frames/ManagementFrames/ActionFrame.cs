namespace Net80211.Frames;

/// <summary>Body of an Action (IEEE 802.11-2020 9.3.3.14) or Action No Ack (9.3.3.16) frame.</summary>
/// <remarks>
/// <code>
///  octets:     1            variable
///        +----------+-------------------------------------+
///        | Category | Action Details (action code, ...)   |
///        +----------+-------------------------------------+
/// </code>
/// The details are category-specific and returned raw. A category with bit 7 set is an Action
/// frame the peer bounced back as not understood (11.20 / 9.4.1.11).
/// </remarks>
public readonly ref struct ActionFrame
{
    public const int FixedLength = 1;

    private const int CategoryOffset = 0;
    private const byte ErrorBit = 0x80;

    /// <summary>The raw category octet, error bit included.</summary>
    public byte RawCategory { get; init; }
    public ReadOnlySpan<byte> Details { get; init; }

    public ActionCategory Category => (ActionCategory)(RawCategory & ~ErrorBit);
    public bool IsReturnedAsError => (RawCategory & ErrorBit) != 0;

    /// <summary>The first octet of the details, which every category uses as its Action field; -1 if absent.</summary>
    public int ActionCode => Details.IsEmpty ? -1 : Details[0];

    public static bool TryRead(ReadOnlySpan<byte> body, out ActionFrame action, out FrameParseError error)
    {
        action = default;
        if (body.Length < FixedLength)
        {
            error = FrameParseError.TooShort;
            return false;
        }
        action = new ActionFrame { RawCategory = body[CategoryOffset], Details = body[FixedLength..] };
        error = FrameParseError.None;
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = FixedLength + Details.Length;
        if (destination.Length < bytesWritten)
        {
            bytesWritten = 0;
            return false;
        }
        Details.CopyTo(destination[FixedLength..]);
        destination[CategoryOffset] = RawCategory;
        return true;
    }
}
