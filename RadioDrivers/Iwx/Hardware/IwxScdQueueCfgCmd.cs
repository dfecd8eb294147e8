using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>SCD_QUEUE_CFG payload (trimmed, §6): creates (ENABLE set) or removes a data TX queue.</summary>
/// <remarks>
/// <code>
///  0x00 u8  sta_id; u8 tid; u16 flags (bit 0 ENABLE)
///  0x04 u32 cb_size          log2 entries
///  0x08 u64 byte_cnt_addr    (0)
///  0x10 u64 tfdq_addr        IOVA of the TFD ring; with ENABLE clear, low bits = the queue number to disable
/// </code>
/// With ENABLE set the response is <see cref="IwxScdQueueCfgResponse"/>; with it clear, a status.
/// </remarks>
public readonly record struct IwxScdQueueCfgCmd
{
    public const int Size = 0x18;
    public const ushort FlagEnable = 1;

    public byte StaId { get; init; }
    public byte Tid { get; init; }
    public ushort Flags { get; init; }
    public uint CbSize { get; init; }
    public ulong ByteCountAddress { get; init; }
    public ulong TfdQueueAddress { get; init; }

    public bool Enable => (Flags & FlagEnable) != 0;

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxScdQueueCfgCmd cmd)
    {
        if (source.Length < Size)
        {
            cmd = default;
            return false;
        }
        cmd = new IwxScdQueueCfgCmd
        {
            StaId = source[0x00],
            Tid = source[0x01],
            Flags = BinaryPrimitives.ReadUInt16LittleEndian(source[0x02..]),
            CbSize = BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            ByteCountAddress = BinaryPrimitives.ReadUInt64LittleEndian(source[0x08..]),
            TfdQueueAddress = BinaryPrimitives.ReadUInt64LittleEndian(source[0x10..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        destination[0x00] = StaId;
        destination[0x01] = Tid;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x02..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], CbSize);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[0x08..], ByteCountAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[0x10..], TfdQueueAddress);
        return true;
    }
}

/// <summary>SCD_QUEUE_CFG response to an enable: <c>u16 queue_number; u16 flags; u16 write_pointer; u16 r</c>.</summary>
public readonly record struct IwxScdQueueCfgResponse
{
    public const int Size = 8;

    public ushort QueueNumber { get; init; }
    public ushort Flags { get; init; }
    public ushort WritePointer { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxScdQueueCfgResponse response)
    {
        if (source.Length < Size)
        {
            response = default;
            return false;
        }
        response = new IwxScdQueueCfgResponse
        {
            QueueNumber = BinaryPrimitives.ReadUInt16LittleEndian(source),
            Flags = BinaryPrimitives.ReadUInt16LittleEndian(source[2..]),
            WritePointer = BinaryPrimitives.ReadUInt16LittleEndian(source[4..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(destination, QueueNumber);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], Flags);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], WritePointer);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], 0);
        return true;
    }
}
