using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>The RX queue status the device DMA-writes after each buffer (<c>iwl_rb_status</c>, §4).</summary>
/// <remarks>
/// <code>
///  0x00 u16 closed_rb_num     bits 0..11: index of the next used BD the device will fill
///  0x02 u16 closed_fr_num
///  0x04 u16 finished_rb_num
///  0x06 u16 finished_fr_num
///  0x08 u32 reserved
/// </code>
/// </remarks>
public readonly record struct IwxRbStatus
{
    public const int Size = 12;
    public const ushort ClosedRbNumMask = 0xfff;

    public ushort ClosedRbNum { get; init; }
    public ushort ClosedFrNum { get; init; }
    public ushort FinishedRbNum { get; init; }
    public ushort FinishedFrNum { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxRbStatus status)
    {
        if (source.Length < Size)
        {
            status = default;
            return false;
        }
        status = new IwxRbStatus
        {
            ClosedRbNum = BinaryPrimitives.ReadUInt16LittleEndian(source),
            ClosedFrNum = BinaryPrimitives.ReadUInt16LittleEndian(source[2..]),
            FinishedRbNum = BinaryPrimitives.ReadUInt16LittleEndian(source[4..]),
            FinishedFrNum = BinaryPrimitives.ReadUInt16LittleEndian(source[6..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(destination, ClosedRbNum);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], ClosedFrNum);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], FinishedRbNum);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], FinishedFrNum);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], 0);
        return true;
    }
}
