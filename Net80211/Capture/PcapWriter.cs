using Net80211.Radiotap;

namespace Net80211.Capture;

/// <summary>Writes a classic pcap file (little-endian, microsecond time stamps) to a stream: the
/// global header at construction, then one record per call, nothing allocated per record.</summary>
/// <remarks>Not thread-safe. Records longer than the snap length are cut to it, with their original
/// length kept, as libpcap does.</remarks>
public sealed class PcapWriter : IDisposable
{
    /// <summary>libpcap's default snap length.</summary>
    public const int DefaultSnapLength = 262_144;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private bool _disposed;

    /// <summary>Writes the global header to <paramref name="stream"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="snapLength"/> is not positive.</exception>
    public PcapWriter(Stream stream, LinkType linkType, int snapLength = DefaultSnapLength, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(snapLength);
        _stream = stream;
        _leaveOpen = leaveOpen;
        LinkType = linkType;
        SnapLength = snapLength;
        Span<byte> header = stackalloc byte[PcapFileHeader.Length];
        new PcapFileHeader { LinkType = linkType, SnapLength = snapLength }.TryWrite(header);
        _stream.Write(header);
    }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>.</summary>
    public static PcapWriter Create(string path, LinkType linkType, int snapLength = DefaultSnapLength)
        => new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024), linkType, snapLength);

    public LinkType LinkType { get; }
    public int SnapLength { get; }
    public long RecordsWritten { get; private set; }

    /// <summary>Writes one record.</summary>
    /// <param name="timestampMicroseconds">Capture time in µs since 1970-01-01 UTC (negative is taken as 0).</param>
    /// <param name="packet">The packet with its link-layer header.</param>
    /// <param name="originalLength">Length on the wire if more than <paramref name="packet"/> holds; -1 = its length.</param>
    public void WriteRecord(long timestampMicroseconds, ReadOnlySpan<byte> packet, int originalLength = -1)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int captured = Math.Min(packet.Length, SnapLength);
        WriteRecordHeader(timestampMicroseconds, captured, Math.Max(originalLength, packet.Length));
        _stream.Write(packet[..captured]);
        RecordsWritten++;
    }

    /// <summary>Writes one record.</summary>
    public void WriteRecord(DateTimeOffset timestamp, ReadOnlySpan<byte> packet, int originalLength = -1)
        => WriteRecord((timestamp - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond, packet, originalLength);

    /// <summary>Writes <paramref name="radiotap"/> and then <paramref name="frame"/> as one record
    /// (a radiotap capture, <see cref="LinkType.Ieee80211Radiotap"/>).</summary>
    /// <exception cref="InvalidOperationException">The file is not a radiotap capture, or the header has unwritable fields.</exception>
    public void WriteRadiotap(long timestampMicroseconds, in RadiotapHeader radiotap, ReadOnlySpan<byte> frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (LinkType != LinkType.Ieee80211Radiotap) throw new InvalidOperationException($"This file's link type is {LinkType}, not radiotap.");
        Span<byte> header = stackalloc byte[RadiotapHeader.MaxEncodedLength];
        radiotap.TryWrite(header, out int headerLength);
        int total = headerLength + frame.Length;
        int captured = Math.Min(total, SnapLength);
        WriteRecordHeader(timestampMicroseconds, captured, total);
        int headerPart = Math.Min(headerLength, captured);
        _stream.Write(header[..headerPart]);
        _stream.Write(frame[..(captured - headerPart)]);
        RecordsWritten++;
    }

    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _stream.Flush();
    }

    /// <summary>Flushes, and closes the stream unless it was to be left open.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stream.Flush();
        if (!_leaveOpen) _stream.Dispose();
    }

    private void WriteRecordHeader(long timestampMicroseconds, int captured, int original)
    {
        long us = Math.Max(0, timestampMicroseconds);
        var record = new PcapRecordHeader(
            (uint)Math.Min(us / 1_000_000, uint.MaxValue), (uint)(us % 1_000_000), (uint)captured, (uint)original);
        Span<byte> header = stackalloc byte[PcapRecordHeader.Length];
        record.TryWrite(header);
        _stream.Write(header);
    }
}
