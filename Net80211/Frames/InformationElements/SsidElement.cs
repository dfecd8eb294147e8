namespace Net80211.Frames;

/// <summary>SSID element (IEEE 802.11-2020 9.4.2.2).</summary>
/// <remarks>
/// <code>
///  octets:    1         1        0-32
///        +----------+--------+----------+
///        |Element ID| Length |   SSID   |
///        +----------+--------+----------+
/// </code>
/// The SSID is an octet string: it need not be UTF-8 and may contain NULs (hidden networks often
/// send zeros of the real length). Length 0 is the wildcard SSID of probe requests.
/// </remarks>
public readonly ref struct SsidElement
{
    public const int MaxLength = 32;

    /// <exception cref="ArgumentException"><paramref name="ssid"/> is longer than 32 octets.</exception>
    public SsidElement(ReadOnlySpan<byte> ssid)
    {
        if (ssid.Length > MaxLength) throw new ArgumentException("An SSID is at most 32 octets.", nameof(ssid));
        Ssid = ssid;
    }

    public ReadOnlySpan<byte> Ssid { get; }

    public bool IsWildcard => Ssid.IsEmpty;

    /// <summary>Parses an SSID element body.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, out SsidElement ssid, out FrameParseError error)
    {
        ssid = default;
        if (!ElementLength.Check(body, 0, MaxLength, out error)) return false;
        ssid = new SsidElement(body);
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
        => InformationElement.TryWrite(destination, ElementId.Ssid, Ssid, out bytesWritten);
}
