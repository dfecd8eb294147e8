using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>The ALIVE notification the boot ROM posts when the firmware runs (trimmed <c>iwl_alive_ntf</c>, §5).</summary>
/// <remarks>
/// <code>
///  0x00 u16 status (0xCAFE = OK); u16 flags
///  0x04 u32 umac_major
///  0x08 u32 umac_minor
///  0x0c u32 lmac_error_table   SRAM address of the error table (§8)
///  0x10 u32 umac_error_table
///  0x14 u32 sku_id
/// </code>
/// </remarks>
public readonly record struct IwxAliveNotification
{
    public const int Size = 0x18;
    public const ushort StatusOk = 0xCAFE;

    public ushort Status { get; init; }
    public ushort Flags { get; init; }
    public uint UmacMajor { get; init; }
    public uint UmacMinor { get; init; }
    public uint LmacErrorTable { get; init; }
    public uint UmacErrorTable { get; init; }
    public uint SkuId { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxAliveNotification alive)
    {
        if (source.Length < Size)
        {
            alive = default;
            return false;
        }
        alive = new IwxAliveNotification
        {
            Status = BinaryPrimitives.ReadUInt16LittleEndian(source),
            Flags = BinaryPrimitives.ReadUInt16LittleEndian(source[0x02..]),
            UmacMajor = BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            UmacMinor = BinaryPrimitives.ReadUInt32LittleEndian(source[0x08..]),
            LmacErrorTable = BinaryPrimitives.ReadUInt32LittleEndian(source[0x0c..]),
            UmacErrorTable = BinaryPrimitives.ReadUInt32LittleEndian(source[0x10..]),
            SkuId = BinaryPrimitives.ReadUInt32LittleEndian(source[0x14..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Status);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x02..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], UmacMajor);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x08..], UmacMinor);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x0c..], LmacErrorTable);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x10..], UmacErrorTable);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x14..], SkuId);
        return true;
    }
}
