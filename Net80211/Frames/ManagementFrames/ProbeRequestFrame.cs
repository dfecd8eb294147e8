namespace Net80211.Frames;

/// <summary>Body of a Probe Request frame (IEEE 802.11-2020 9.3.3.10): elements only (SSID, rates, ...).</summary>
/// <remarks>
/// <code>
///        +------------------------------------------+
///        | Elements (SSID, Supported Rates, ...)    |
///        +------------------------------------------+
/// </code>
/// </remarks>
public readonly ref struct ProbeRequestFrame
{
    public ReadOnlySpan<byte> Elements { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> body, out ProbeRequestFrame probe, out FrameParseError error)
    {
        probe = default;
        if (!ManagementBody.TryCheck(body, 0, out error)) return false;
        probe = new ProbeRequestFrame { Elements = body };
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
        => ManagementBody.TryReserve(destination, 0, Elements, out bytesWritten);
}
