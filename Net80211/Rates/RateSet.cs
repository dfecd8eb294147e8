namespace Net80211.Rates;

/// <summary>
/// A legacy rate set as carried in the Supported Rates / Extended Supported Rates elements: rate codes in
/// 500 kb/s units, the top bit (0x80) marking a basic (BSS-mandatory) rate. Kept sorted by rate.
/// Up to 15 rates (IEEE80211_RATE_MAXSIZE), a fixed inline buffer so node state allocates nothing.
/// </summary>
public struct RateSet : IEquatable<RateSet>
{
    public const int MaxSize = 15;
    public const byte BasicBit = 0x80;
    public const byte ValueMask = 0x7F;

    [System.Runtime.CompilerServices.InlineArray(MaxSize)]
    private struct Buffer { private byte _e0; }

    private Buffer _rates;
    private int _count;

    public readonly int Count => _count;
    public readonly byte this[int index] => (uint)index < (uint)_count ? _rates[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public static RateSet From(ReadOnlySpan<byte> codes)
    {
        var rs = new RateSet();
        foreach (byte c in codes) rs.TryAdd(c);
        return rs;
    }

    /// <summary>Adds a rate code, merging the basic bit if the rate is already present. False when full or 0.</summary>
    public bool TryAdd(byte code)
    {
        byte value = (byte)(code & ValueMask);
        if (value == 0) return false;
        for (int i = 0; i < _count; i++)
        {
            if ((_rates[i] & ValueMask) == value) { _rates[i] |= (byte)(code & BasicBit); return true; }
        }
        if (_count == MaxSize) return false;
        int at = _count;
        while (at > 0 && (_rates[at - 1] & ValueMask) > value) { _rates[at] = _rates[at - 1]; at--; }
        _rates[at] = code;
        _count++;
        return true;
    }

    public readonly bool Contains(byte rate)
    {
        for (int i = 0; i < _count; i++) if ((_rates[i] & ValueMask) == (rate & ValueMask)) return true;
        return false;
    }

    public readonly bool IsBasic(byte rate)
    {
        for (int i = 0; i < _count; i++) if ((_rates[i] & ValueMask) == (rate & ValueMask)) return (_rates[i] & BasicBit) != 0;
        return false;
    }

    /// <summary>Highest rate value (500 kb/s units), 0 when empty.</summary>
    public readonly byte MaxRate => _count == 0 ? (byte)0 : (byte)(_rates[_count - 1] & ValueMask);

    /// <summary>Lowest rate value, 0 when empty.</summary>
    public readonly byte MinRate => _count == 0 ? (byte)0 : (byte)(_rates[0] & ValueMask);

    /// <summary>The rates both sets have, with our basic bits (ieee80211_fix_rate's intersection).</summary>
    public readonly RateSet Intersect(in RateSet other)
    {
        var r = new RateSet();
        for (int i = 0; i < _count; i++) if (other.Contains(_rates[i])) r.TryAdd(_rates[i]);
        return r;
    }

    /// <summary>True when every basic rate of this set is in <paramref name="peer"/> (a BSS's basic rates must
    /// all be supported by a joining station, IEEE 802.11-2020 11.1.4.3).</summary>
    public readonly bool BasicRatesSupportedBy(in RateSet peer)
    {
        for (int i = 0; i < _count; i++)
            if ((_rates[i] & BasicBit) != 0 && !peer.Contains(_rates[i])) return false;
        return true;
    }

    public readonly void CopyTo(Span<byte> destination)
    {
        for (int i = 0; i < _count; i++) destination[i] = _rates[i];
    }

    public readonly bool Equals(RateSet other)
    {
        if (_count != other._count) return false;
        for (int i = 0; i < _count; i++) if (_rates[i] != other._rates[i]) return false;
        return true;
    }

    public override readonly bool Equals(object? obj) => obj is RateSet r && Equals(r);
    public override readonly int GetHashCode()
    {
        var h = new HashCode();
        for (int i = 0; i < _count; i++) h.Add(_rates[i]);
        return h.ToHashCode();
    }

    public static bool operator ==(RateSet a, RateSet b) => a.Equals(b);
    public static bool operator !=(RateSet a, RateSet b) => !a.Equals(b);

    /// <summary>FreeBSD style: "1 2 5.5 11" with a '*' after basic rates.</summary>
    public override readonly string ToString()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < _count; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(RateCodes.Format((byte)(_rates[i] & ValueMask)));
            if ((_rates[i] & BasicBit) != 0) sb.Append('*');
        }
        return sb.ToString();
    }
}

/// <summary>Rate codes (500 kb/s units) and the standard rate sets per PHY.</summary>
public static class RateCodes
{
    public static ReadOnlySpan<byte> Dsss => [2, 4, 11, 22];
    public static ReadOnlySpan<byte> Ofdm => [12, 18, 24, 36, 48, 72, 96, 108];

    /// <summary>True for the OFDM rate codes (6..54 Mb/s), false for DSSS/CCK.</summary>
    public static bool IsOfdm(byte rate) => (rate & RateSet.ValueMask) switch
    {
        12 or 18 or 24 or 36 or 48 or 72 or 96 or 108 => true,
        _ => false,
    };

    /// <summary>The default rate sets FreeBSD advertises: 11a (6, 12, 24 basic), 11b (1, 2 basic),
    /// 11g (1, 2, 5.5, 11 basic; OFDM extended).</summary>
    public static RateSet Default11a => RateSet.From([12 | 0x80, 18, 24 | 0x80, 36, 48 | 0x80, 72, 96, 108]);
    public static RateSet Default11b => RateSet.From([2 | 0x80, 4 | 0x80, 11, 22]);
    public static RateSet Default11g => RateSet.From([2 | 0x80, 4 | 0x80, 11 | 0x80, 22 | 0x80, 12, 18, 24, 36, 48, 72, 96, 108]);

    /// <summary>"5.5", "54": the rate in Mb/s as ifconfig prints it.</summary>
    public static string Format(byte rate) => (rate & 1) == 0
        ? (rate / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : (rate / 2).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".5";
}
