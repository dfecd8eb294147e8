namespace Net80211.Capture;

/// <summary>One packet read from a capture file. <see cref="Data"/> points into the reader's buffer and
/// is valid until the reader's next call.</summary>
public readonly ref struct CaptureRecord
{
    /// <summary>1-based position among the packets of the file.</summary>
    public long Number { get; init; }
    /// <summary>Capture time in nanoseconds since 1970-01-01 UTC.</summary>
    public long TimestampNanoseconds { get; init; }
    public LinkType LinkType { get; init; }
    /// <summary>pcapng interface the packet was captured on; 0 for classic pcap.</summary>
    public int InterfaceIndex { get; init; }
    /// <summary>Length of the packet on the wire; more than <see cref="Data"/>.Length when the capture cut it short.</summary>
    public int OriginalLength { get; init; }
    /// <summary>The captured octets, link-layer header included.</summary>
    public ReadOnlySpan<byte> Data { get; init; }

    public bool IsTruncated => Data.Length < OriginalLength;

    public DateTimeOffset Timestamp => DateTimeOffset.UnixEpoch.AddTicks(TimestampNanoseconds / 100);
}
