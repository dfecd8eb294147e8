using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>PHY_CONTEXT_CMD payload (trimmed, §6).</summary>
/// <remarks>
/// <code>
///  0x00 u32 id_and_color
///  0x04 u32 action            1 add, 2 modify, 3 remove
///  0x08 u8  band (0 = 2.4 GHz, 1 = 5 GHz); u8 channel; u8 width (0 = 20 MHz); u8 ctrl_pos
///  0x0c u32 tx_chains
///  0x10 u32 rx_chains
/// </code>
/// </remarks>
public readonly record struct IwxPhyContextCmd
{
    public const int Size = 0x14;
    public const byte Band24 = 0;
    public const byte Band5 = 1;
    public const byte Width20 = 0;

    public uint IdAndColor { get; init; }
    public IwxContextAction Action { get; init; }
    public byte Band { get; init; }
    public byte Channel { get; init; }
    public byte Width { get; init; }
    public byte CtrlPos { get; init; }
    public uint TxChains { get; init; }
    public uint RxChains { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxPhyContextCmd cmd)
    {
        if (source.Length < Size)
        {
            cmd = default;
            return false;
        }
        cmd = new IwxPhyContextCmd
        {
            IdAndColor = BinaryPrimitives.ReadUInt32LittleEndian(source),
            Action = (IwxContextAction)BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            Band = source[0x08],
            Channel = source[0x09],
            Width = source[0x0a],
            CtrlPos = source[0x0b],
            TxChains = BinaryPrimitives.ReadUInt32LittleEndian(source[0x0c..]),
            RxChains = BinaryPrimitives.ReadUInt32LittleEndian(source[0x10..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, IdAndColor);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], (uint)Action);
        destination[0x08] = Band;
        destination[0x09] = Channel;
        destination[0x0a] = Width;
        destination[0x0b] = CtrlPos;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x0c..], TxChains);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x10..], RxChains);
        return true;
    }
}
