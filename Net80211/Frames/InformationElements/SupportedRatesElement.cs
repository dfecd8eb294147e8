namespace Net80211.Frames;

/// <summary>Supported Rates and BSS Membership Selectors element (IEEE 802.11-2020 9.4.2.3) and
/// Extended Supported Rates and BSS Membership Selectors element (9.4.2.13).</summary>
/// <remarks>
/// <code>
///  octets:    1         1        1-8 (Supported) / 1-255 (Extended)
///        +----------+--------+------------------------------------+
///        |Element ID| Length | rate codes, see <see cref="RateCode"/> |
///        +----------+--------+------------------------------------+
/// </code>
/// A rate set with more than eight entries puts the first eight in Supported Rates and the rest in
/// Extended Supported Rates; <see cref="TryWriteRateSet"/> does that split.
/// </remarks>
public readonly ref struct SupportedRatesElement
{
    public const int MaxSupportedRates = 8;
    public const int MaxExtendedRates = 255;

    /// <exception cref="ArgumentException">Empty, or more entries than the element allows.</exception>
    public SupportedRatesElement(ReadOnlySpan<byte> rates, bool extended = false)
    {
        int max = extended ? MaxExtendedRates : MaxSupportedRates;
        if (rates.IsEmpty || rates.Length > max)
        {
            throw new ArgumentException($"A rates element holds 1..{max} entries.", nameof(rates));
        }
        Rates = rates;
        IsExtended = extended;
    }

    /// <summary>Rate codes in the order sent.</summary>
    public ReadOnlySpan<byte> Rates { get; }

    /// <summary>True for Extended Supported Rates (ID 50).</summary>
    public bool IsExtended { get; }

    public ElementId Id => IsExtended ? ElementId.ExtendedSupportedRates : ElementId.SupportedRates;

    /// <summary>Parses a Supported Rates (ID 1) body: 1..8 octets.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, out SupportedRatesElement rates, out FrameParseError error)
        => TryRead(body, extended: false, out rates, out error);

    /// <summary>Parses an Extended Supported Rates (ID 50) body: 1..255 octets.</summary>
    public static bool TryReadExtended(ReadOnlySpan<byte> body, out SupportedRatesElement rates, out FrameParseError error)
        => TryRead(body, extended: true, out rates, out error);

    private static bool TryRead(ReadOnlySpan<byte> body, bool extended, out SupportedRatesElement rates, out FrameParseError error)
    {
        rates = default;
        if (!ElementLength.Check(body, 1, extended ? MaxExtendedRates : MaxSupportedRates, out error)) return false;
        rates = new SupportedRatesElement(body, extended);
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
        => InformationElement.TryWrite(destination, Id, Rates, out bytesWritten);

    /// <summary>Writes Supported Rates with the first eight codes and, if needed, Extended Supported Rates with the rest.</summary>
    /// <exception cref="ArgumentException"><paramref name="rates"/> is empty or longer than 8 + 255.</exception>
    public static bool TryWriteRateSet(Span<byte> destination, ReadOnlySpan<byte> rates, out int bytesWritten)
    {
        bytesWritten = 0;
        int first = Math.Min(rates.Length, MaxSupportedRates);
        if (!new SupportedRatesElement(rates[..first]).TryWrite(destination, out int written)) return false;
        if (rates.Length > first)
        {
            if (!new SupportedRatesElement(rates[first..], extended: true).TryWrite(destination[written..], out int more)) return false;
            written += more;
        }
        bytesWritten = written;
        return true;
    }
}
