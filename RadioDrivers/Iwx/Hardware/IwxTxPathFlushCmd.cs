using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>TXPATH_FLUSH payload (§6): <c>u32 queues_ctl (bit per queue); u16 flush_ctl; u16 r</c>.</summary>
/// <remarks>Every pending frame of those queues gets a TX response with FAIL_FLUSHED before the status response.</remarks>
public readonly record struct IwxTxPathFlushCmd
{
    public const int Size = 8;

    public uint QueuesCtl { get; init; }
    public ushort FlushCtl { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxTxPathFlushCmd cmd)
    {
        if (source.Length < Size)
        {
            cmd = default;
            return false;
        }
        cmd = new IwxTxPathFlushCmd
        {
            QueuesCtl = BinaryPrimitives.ReadUInt32LittleEndian(source),
            FlushCtl = BinaryPrimitives.ReadUInt16LittleEndian(source[4..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, QueuesCtl);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], FlushCtl);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], 0);
        return true;
    }
}
