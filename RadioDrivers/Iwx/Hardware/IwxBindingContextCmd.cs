using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>BINDING_CONTEXT_CMD payload (trimmed, §6): binds up to three MAC contexts to a PHY context.</summary>
/// <remarks>
/// <code>
///  0x00 u32 id_and_color
///  0x04 u32 action
///  0x08 u32 macs[3]     0xffffffff = none
///  0x14 u32 phy
/// </code>
/// </remarks>
public readonly record struct IwxBindingContextCmd
{
    public const int Size = 0x18;
    public const uint MacNone = 0xffffffff;

    public uint IdAndColor { get; init; }
    public IwxContextAction Action { get; init; }
    public uint Mac0 { get; init; }
    public uint Mac1 { get; init; }
    public uint Mac2 { get; init; }
    public uint Phy { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxBindingContextCmd cmd)
    {
        if (source.Length < Size)
        {
            cmd = default;
            return false;
        }
        cmd = new IwxBindingContextCmd
        {
            IdAndColor = BinaryPrimitives.ReadUInt32LittleEndian(source),
            Action = (IwxContextAction)BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            Mac0 = BinaryPrimitives.ReadUInt32LittleEndian(source[0x08..]),
            Mac1 = BinaryPrimitives.ReadUInt32LittleEndian(source[0x0c..]),
            Mac2 = BinaryPrimitives.ReadUInt32LittleEndian(source[0x10..]),
            Phy = BinaryPrimitives.ReadUInt32LittleEndian(source[0x14..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, IdAndColor);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], (uint)Action);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x08..], Mac0);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x0c..], Mac1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x10..], Mac2);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x14..], Phy);
        return true;
    }
}
