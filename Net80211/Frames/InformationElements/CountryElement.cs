namespace Net80211.Frames;

/// <summary>Country element (IEEE 802.11-2020 9.4.2.8).</summary>
/// <remarks>
/// <code>
///  octets:    1        1         3           3          3*(n-1)        0 or 1
///        +---------+------+-----------+-----------+---------------+-----+
///        |Element  |Length| Country   | Triplet 1 | Triplets 2..n | Pad |
///        |ID       |      | String    |           |               |     |
///        +---------+------+-----------+-----------+---------------+-----+
/// </code>
/// Country String is two ISO 3166 letters plus an environment octet (' ', 'O', 'I', 'X', or an
/// operating-class table number). Pad is one zero octet making Length even. At least one triplet is
/// required, so Length is at least 6.
/// </remarks>
public readonly ref struct CountryElement
{
    public const int CountryStringLength = 3;
    public const int MinBodyLength = CountryStringLength + CountryTriplet.Length;
    /// <summary>84 triplets would need 256 octets once padded.</summary>
    public const int MaxTriplets = 83;

    private readonly ReadOnlySpan<byte> _tripletBytes;
    private readonly ReadOnlySpan<CountryTriplet> _triplets;
    private readonly bool _fromWire;

    private CountryElement(ReadOnlySpan<byte> countryString, ReadOnlySpan<byte> tripletBytes)
    {
        CountryString = countryString;
        _tripletBytes = tripletBytes;
        _fromWire = true;
    }

    /// <exception cref="ArgumentException">Country string not 3 octets, no triplets, or too many to fit an element.</exception>
    public CountryElement(ReadOnlySpan<byte> countryString, ReadOnlySpan<CountryTriplet> triplets)
    {
        if (countryString.Length != CountryStringLength) throw new ArgumentException("The country string is 3 octets.", nameof(countryString));
        if (triplets.IsEmpty || triplets.Length > MaxTriplets)
        {
            throw new ArgumentException($"A Country element holds 1..{MaxTriplets} triplets.", nameof(triplets));
        }
        CountryString = countryString;
        _triplets = triplets;
    }

    /// <summary>Two letters and the environment octet.</summary>
    public ReadOnlySpan<byte> CountryString { get; }

    public int TripletCount => _fromWire ? _tripletBytes.Length / CountryTriplet.Length : _triplets.Length;

    public CountryTriplet GetTriplet(int index)
    {
        if ((uint)index >= (uint)TripletCount) throw new ArgumentOutOfRangeException(nameof(index));
        if (!_fromWire) return _triplets[index];
        ReadOnlySpan<byte> t = _tripletBytes.Slice(index * CountryTriplet.Length, CountryTriplet.Length);
        return new CountryTriplet(t[0], t[1], t[2]);
    }

    public static bool TryRead(ReadOnlySpan<byte> body, out CountryElement country, out FrameParseError error)
    {
        country = default;
        if (!ElementLength.Check(body, MinBodyLength, InformationElement.MaxLength, out error)) return false;
        ReadOnlySpan<byte> rest = body[CountryStringLength..];
        int leftover = rest.Length % CountryTriplet.Length;
        // One spare octet is the pad; two cannot be explained by the layout.
        if (leftover > 1)
        {
            error = FrameParseError.BadLength;
            return false;
        }
        country = new CountryElement(body[..CountryStringLength], rest[..(rest.Length - leftover)]);
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        int count = TripletCount;
        int unpadded = CountryStringLength + count * CountryTriplet.Length;
        int bodyLength = unpadded + (unpadded & 1);
        if (!ElementWriter.TryBegin(destination, ElementId.Country, bodyLength, out Span<byte> body)) return false;
        CountryString.CopyTo(body);
        for (int i = 0; i < count; i++)
        {
            CountryTriplet t = GetTriplet(i);
            Span<byte> slot = body.Slice(CountryStringLength + i * CountryTriplet.Length, CountryTriplet.Length);
            slot[0] = t.First;
            slot[1] = t.Second;
            slot[2] = t.Third;
        }
        if (bodyLength != unpadded) body[^1] = 0;
        bytesWritten = InformationElement.HeaderLength + bodyLength;
        return true;
    }
}
