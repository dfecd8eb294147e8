namespace Net80211.Frames;

/// <summary>Traffic Indication Map element (IEEE 802.11-2020 9.4.2.5).</summary>
/// <remarks>
/// <code>
///  octets:    1        1        1          1           1             1-251
///        +---------+------+-----------+-----------+-----------+-----------------+
///        |Element  |Length| DTIM      | DTIM      | Bitmap    | Partial Virtual |
///        |ID       |      | Count     | Period    | Control   | Bitmap          |
///        +---------+------+-----------+-----------+-----------+-----------------+
///
///  Bitmap Control:  B0 Traffic Indicator (group-addressed frames buffered)  B1-B7 Bitmap Offset
/// </code>
/// The traffic indication virtual bitmap has one bit per AID (bit <c>aid % 8</c> of octet
/// <c>aid / 8</c>, 2008 bits). Only octets N1..N2 are sent, where N1 is even and N1/2 is the
/// Bitmap Offset; an all-zero bitmap is sent as one zero octet with offset 0.
/// </remarks>
public readonly ref struct TimElement
{
    public const int MinBodyLength = 4;
    public const int MaxBodyLength = 3 + MaxPartialBitmapLength;
    public const int MaxPartialBitmapLength = 251;
    public const int MaxAid = 2007;

    private const int DtimCountOffset = 0;
    private const int DtimPeriodOffset = 1;
    private const int BitmapControlOffset = 2;
    private const int PartialBitmapOffset = 3;
    private const byte TrafficIndicatorBit = 0x01;
    private const byte BitmapOffsetMask = 0xFE;

    /// <exception cref="ArgumentException"><paramref name="partialVirtualBitmap"/> is not 1..251 octets.</exception>
    public TimElement(byte dtimCount, byte dtimPeriod, byte bitmapControl, ReadOnlySpan<byte> partialVirtualBitmap)
    {
        if (partialVirtualBitmap.IsEmpty || partialVirtualBitmap.Length > MaxPartialBitmapLength)
        {
            throw new ArgumentException("The partial virtual bitmap is 1..251 octets.", nameof(partialVirtualBitmap));
        }
        DtimCount = dtimCount;
        DtimPeriod = dtimPeriod;
        BitmapControl = bitmapControl;
        PartialVirtualBitmap = partialVirtualBitmap;
    }

    /// <summary>Beacons until the next DTIM; 0 means this beacon is a DTIM.</summary>
    public byte DtimCount { get; }
    public byte DtimPeriod { get; }
    public byte BitmapControl { get; }
    public ReadOnlySpan<byte> PartialVirtualBitmap { get; }

    /// <summary>Group-addressed frames are buffered at the AP (meaningful when <see cref="DtimCount"/> is 0).</summary>
    public bool GroupTrafficBuffered => (BitmapControl & TrafficIndicatorBit) != 0;

    /// <summary>N1: index in the full virtual bitmap of the first octet sent.</summary>
    public int BitmapOffsetOctets => BitmapControl & BitmapOffsetMask;

    /// <summary>True when the AP has individually addressed frames buffered for <paramref name="aid"/>.</summary>
    public bool IsTrafficBuffered(int aid)
    {
        if ((uint)aid > MaxAid) return false;
        int index = aid / 8 - BitmapOffsetOctets;
        ReadOnlySpan<byte> pvb = PartialVirtualBitmap;
        return (uint)index < (uint)pvb.Length && (pvb[index] & (1 << (aid % 8))) != 0;
    }

    public static bool TryRead(ReadOnlySpan<byte> body, out TimElement tim, out FrameParseError error)
    {
        tim = default;
        if (!ElementLength.Check(body, MinBodyLength, MaxBodyLength, out error)) return false;
        tim = new TimElement(body[DtimCountOffset], body[DtimPeriodOffset], body[BitmapControlOffset], body[PartialBitmapOffset..]);
        return true;
    }

    public bool TryWrite(Span<byte> destination, out int bytesWritten)
        => TryWriteCore(destination, DtimCount, DtimPeriod, BitmapControl, PartialVirtualBitmap, out bytesWritten);

    /// <summary>Builds the element for the stations in <paramref name="aidsWithTraffic"/>, choosing
    /// the shortest partial virtual bitmap the offset rule allows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An AID is outside 1..2007.</exception>
    public static bool TryWrite(Span<byte> destination, byte dtimCount, byte dtimPeriod, bool groupTrafficBuffered,
        ReadOnlySpan<ushort> aidsWithTraffic, out int bytesWritten)
    {
        Span<byte> virtualBitmap = stackalloc byte[MaxPartialBitmapLength];
        virtualBitmap.Clear();
        foreach (ushort aid in aidsWithTraffic)
        {
            if (aid is 0 or > MaxAid) throw new ArgumentOutOfRangeException(nameof(aidsWithTraffic), aid, "AIDs are 1..2007.");
            virtualBitmap[aid / 8] |= (byte)(1 << (aid % 8));
        }
        return TryWriteBitmap(destination, dtimCount, dtimPeriod, groupTrafficBuffered, virtualBitmap, out bytesWritten);
    }

    /// <summary>Builds the element by asking <paramref name="hasTraffic"/> about each AID from 1 to
    /// <paramref name="maxAid"/> (typically the highest AID handed out), e.g. a per-station power-save queue test.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAid"/> is above 2007.</exception>
    public static bool TryWrite(Span<byte> destination, byte dtimCount, byte dtimPeriod, bool groupTrafficBuffered,
        int maxAid, Func<int, bool> hasTraffic, out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxAid, MaxAid);
        ArgumentNullException.ThrowIfNull(hasTraffic);
        Span<byte> virtualBitmap = stackalloc byte[MaxPartialBitmapLength];
        virtualBitmap.Clear();
        for (int aid = 1; aid <= maxAid; aid++)
        {
            if (hasTraffic(aid)) virtualBitmap[aid / 8] |= (byte)(1 << (aid % 8));
        }
        return TryWriteBitmap(destination, dtimCount, dtimPeriod, groupTrafficBuffered, virtualBitmap, out bytesWritten);
    }

    /// <summary>Trims a full 251-octet virtual bitmap to octets N1..N2 (N1 even) and writes the element.</summary>
    private static bool TryWriteBitmap(Span<byte> destination, byte dtimCount, byte dtimPeriod, bool groupTrafficBuffered,
        ReadOnlySpan<byte> virtualBitmap, out int bytesWritten)
    {
        int first = virtualBitmap.IndexOfAnyExcept((byte)0);
        int n1 = 0, n2 = 0;
        if (first >= 0)
        {
            n1 = first & ~1; // the offset field counts pairs of octets
            n2 = virtualBitmap.LastIndexOfAnyExcept((byte)0);
        }
        byte control = (byte)(n1 | (groupTrafficBuffered ? TrafficIndicatorBit : 0));
        return TryWriteCore(destination, dtimCount, dtimPeriod, control, virtualBitmap[n1..(n2 + 1)], out bytesWritten);
    }

    private static bool TryWriteCore(Span<byte> destination, byte dtimCount, byte dtimPeriod, byte control,
        ReadOnlySpan<byte> partialBitmap, out int bytesWritten)
    {
        bytesWritten = 0;
        int bodyLength = PartialBitmapOffset + partialBitmap.Length;
        if (!ElementWriter.TryBegin(destination, ElementId.Tim, bodyLength, out Span<byte> body)) return false;
        body[DtimCountOffset] = dtimCount;
        body[DtimPeriodOffset] = dtimPeriod;
        body[BitmapControlOffset] = control;
        partialBitmap.CopyTo(body[PartialBitmapOffset..]);
        bytesWritten = InformationElement.HeaderLength + bodyLength;
        return true;
    }
}
