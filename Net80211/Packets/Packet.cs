using System.Runtime.CompilerServices;

namespace Net80211.Packets;

/// <summary>
/// One frame in flight, like an mbuf: a pooled buffer with headroom in front (so the 802.11 header, LLC/SNAP
/// and the cipher header are prepended without copying), tailroom behind (MIC, FCS), and metadata.
/// Ownership is explicit: whoever holds a packet hands it on or calls <see cref="Free"/>. The pool counts
/// what is outstanding.
/// </summary>
public sealed class Packet
{
    private byte[] _buffer;
    private int _offset;
    private int _length;
    internal bool InPool;

    internal Packet(PacketPool pool, byte[] buffer)
    {
        Pool = pool;
        _buffer = buffer;
    }

    public PacketPool Pool { get; }

    /// <summary>The frame bytes.</summary>
    public Span<byte> Data
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _buffer.AsSpan(_offset, _length);
    }

    public Memory<byte> Memory => _buffer.AsMemory(_offset, _length);
    public int Length => _length;
    public int Headroom => _offset;
    public int Tailroom => _buffer.Length - _offset - _length;
    public int Capacity => _buffer.Length;

    /// <summary>Metadata carried with the frame. Reset to defaults on every rent.</summary>
    public PacketMetadata Meta;

    /// <summary>Node the frame is to or from (net80211's m_pkthdr.rcvif node reference).</summary>
    public object? Node { get; set; }

    /// <summary>Opaque per-packet context owned by whoever holds the packet (e.g. the VAP that sent it).</summary>
    public object? Context { get; set; }

    /// <summary>Grows the frame at the front by <paramref name="count"/> bytes and returns them (M_PREPEND).
    /// Moves the data into a larger buffer only when the headroom is exhausted.</summary>
    public Span<byte> Prepend(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _offset) Regrow(count, 0);
        _offset -= count;
        _length += count;
        return _buffer.AsSpan(_offset, count);
    }

    /// <summary>Grows the frame at the end by <paramref name="count"/> bytes and returns them.</summary>
    public Span<byte> Append(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > Tailroom) Regrow(0, count);
        int at = _offset + _length;
        _length += count;
        return _buffer.AsSpan(at, count);
    }

    /// <summary>Appends a copy of <paramref name="bytes"/>.</summary>
    public void Append(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Append(bytes.Length));

    /// <summary>Removes <paramref name="count"/> bytes from the front (m_adj with a positive count).</summary>
    public void TrimFront(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _length);
        _offset += count;
        _length -= count;
    }

    /// <summary>Removes <paramref name="count"/> bytes from the end (m_adj with a negative count).</summary>
    public void TrimBack(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _length);
        _length -= count;
    }

    /// <summary>Sets the frame to empty with the given headroom in front.</summary>
    public void Reset(int headroom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(headroom);
        if (headroom > _buffer.Length) Regrow(headroom, 0);
        _offset = headroom;
        _length = 0;
    }

    /// <summary>Returns the packet to its pool. The caller must not touch it afterwards.</summary>
    public void Free() => Pool.Return(this);

    /// <summary>Copies this packet, data and metadata, into a new one from the same pool (m_dup).</summary>
    public Packet Clone()
    {
        var copy = Pool.Rent(_length, _offset);
        Data.CopyTo(copy.Append(_length));
        copy.Meta = Meta;
        copy.Node = Node;
        copy.Context = Context;
        return copy;
    }

    internal void ResetForRent(int headroom)
    {
        InPool = false;
        _offset = Math.Min(headroom, _buffer.Length);
        _length = 0;
        Meta = default;
        Node = null;
        Context = null;
    }

    internal byte[] Buffer => _buffer;

    private void Regrow(int front, int back)
    {
        // Rare path (a header larger than the headroom): move to a private, larger buffer. Such a
        // buffer is not pooled again; the pool only keeps buffers of its own size.
        int newOffset = Math.Max(_offset, front) + PacketPool.DefaultHeadroom;
        int size = Math.Max(_buffer.Length * 2, newOffset + _length + Math.Max(Tailroom, back) + PacketPool.DefaultHeadroom);
        var next = new byte[size];
        _buffer.AsSpan(_offset, _length).CopyTo(next.AsSpan(newOffset));
        _buffer = next;
        _offset = newOffset;
    }
}

/// <summary>Metadata of a packet: what net80211 keeps in the mbuf packet header and its tags.</summary>
public struct PacketMetadata
{
    public PacketFlags Flags;
    /// <summary>Traffic identifier 0..15, or -1 for none (non-QoS).</summary>
    public sbyte Tid;
    /// <summary>Key ID the frame was decrypted with (when <see cref="PacketFlags.Encrypted"/>).</summary>
    public byte KeyIndex;
    /// <summary>WMM access category 0..3 (BE, BK, VI, VO).</summary>
    public byte AccessCategory;
    /// <summary>Rate in 500 kb/s units (IEEE rate code without the basic bit); 0 = let rate control choose.</summary>
    public byte Rate;
    /// <summary>Retry limit for this frame; 0 = the VAP's default.</summary>
    public byte MaxRetries;
    /// <summary>TX: retries the frame took; RX: unused.</summary>
    public byte Retries;
    /// <summary>Received signal in dBm.</summary>
    public sbyte RssiDbm;
    /// <summary>Noise floor in dBm at reception.</summary>
    public sbyte NoiseDbm;
    /// <summary>Center frequency in MHz the frame was received or is to be sent on.</summary>
    public ushort FrequencyMhz;
    /// <summary>Final TX status, set by the driver before TxComplete.</summary>
    public TxStatus Status;
    /// <summary>Time the frame was received or queued, in TimeProvider timestamp ticks.</summary>
    public long Timestamp;
    /// <summary>Receive details the driver reported (radiotap fields).</summary>
    public Radio.RxInfo Rx;
}
