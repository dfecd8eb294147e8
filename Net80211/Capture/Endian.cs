using System.Buffers.Binary;

namespace Net80211.Capture;

/// <summary>Reads in the byte order a capture file declared (pcap and pcapng are written in the
/// writer's host order; the magic number tells which).</summary>
internal static class Endian
{
    public static ushort ReadUInt16(ReadOnlySpan<byte> source, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(source) : BinaryPrimitives.ReadUInt16LittleEndian(source);

    public static uint ReadUInt32(ReadOnlySpan<byte> source, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(source) : BinaryPrimitives.ReadUInt32LittleEndian(source);

    public static long ReadInt64(ReadOnlySpan<byte> source, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(source) : BinaryPrimitives.ReadInt64LittleEndian(source);
}
