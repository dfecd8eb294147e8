using System.Buffers.Binary;
using Net80211.Capture;

namespace Net80211.Tests.Capture;

/// <summary>Builds pcap and pcapng files octet by octet, in either byte order, independently of the writer under test.</summary>
internal sealed class CaptureBytes(bool bigEndian = false)
{
    private readonly List<byte> _bytes = [];

    public bool BigEndian { get; } = bigEndian;

    public byte[] ToArray() => [.. _bytes];

    public CaptureBytes U8(byte value)
    {
        _bytes.Add(value);
        return this;
    }

    public CaptureBytes U16(int value)
    {
        Span<byte> b = stackalloc byte[2];
        if (BigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)value);
        else BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value);
        return Raw(b);
    }

    public CaptureBytes U32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        if (BigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, value);
        else BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return Raw(b);
    }

    public CaptureBytes U64(ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        if (BigEndian) BinaryPrimitives.WriteUInt64BigEndian(b, value);
        else BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        return Raw(b);
    }

    public CaptureBytes Raw(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes) _bytes.Add(b);
        return this;
    }

    public CaptureBytes Pad4()
    {
        while (_bytes.Count % 4 != 0) _bytes.Add(0);
        return this;
    }

    // ---- classic pcap

    public CaptureBytes PcapHeader(LinkType linkType, uint snapLength = 65535, bool nanoseconds = false)
        => U32(nanoseconds ? 0xA1B23C4D : 0xA1B2C3D4).U16(2).U16(4).U32(0).U32(0).U32(snapLength).U32((uint)linkType);

    public CaptureBytes PcapRecord(uint seconds, uint fraction, byte[] data, uint? originalLength = null)
        => U32(seconds).U32(fraction).U32((uint)data.Length).U32(originalLength ?? (uint)data.Length).Raw(data);

    // ---- pcapng

    public CaptureBytes Block(uint type, Action<CaptureBytes> body)
    {
        var inner = new CaptureBytes(BigEndian);
        body(inner);
        inner.Pad4();
        uint length = (uint)(12 + inner._bytes.Count);
        return U32(type).U32(length).Raw(inner.ToArray()).U32(length);
    }

    public CaptureBytes SectionHeader()
        => Block(PcapNgBlock.SectionHeader, b => b.U32(PcapNgBlock.ByteOrderMagic).U16(1).U16(0).U64(ulong.MaxValue));

    /// <param name="tsresol">if_tsresol option value, or null for none.</param>
    public CaptureBytes InterfaceDescription(LinkType linkType, uint snapLength = 0, byte? tsresol = null, long? tsoffset = null)
        => Block(PcapNgBlock.InterfaceDescription, b =>
        {
            b.U16((int)linkType).U16(0).U32(snapLength);
            // A comment option first, so the parser has to step over options it does not use.
            b.U16(1).U16(5).Raw("hello"u8).Pad4();
            if (tsresol is byte r) b.U16(9).U16(1).U8(r).Pad4();
            if (tsoffset is long o) b.U16(14).U16(8).U64((ulong)o);
            b.U16(0).U16(0);
        });

    public CaptureBytes EnhancedPacket(uint interfaceId, ulong timestamp, byte[] data, uint? originalLength = null)
        => Block(PcapNgBlock.EnhancedPacket, b => b.U32(interfaceId).U32((uint)(timestamp >> 32)).U32((uint)timestamp)
            .U32((uint)data.Length).U32(originalLength ?? (uint)data.Length).Raw(data).Pad4());

    public CaptureBytes SimplePacket(byte[] data, uint? originalLength = null)
        => Block(PcapNgBlock.SimplePacket, b => b.U32(originalLength ?? (uint)data.Length).Raw(data).Pad4());
}
