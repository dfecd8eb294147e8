using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>The LMAC error table the firmware writes to SRAM at <c>lmac_error_table</c> when it asserts (§8).</summary>
/// <remarks>
/// <code>
///  0x00 u32 valid (1)
///  0x04 u32 error_id
///  0x08 u32 trm_hw_status0
///  0x0c u32 trm_hw_status1
///  0x10 u32 blink2
///  0x14 u32 ilink1
///  0x18 u32 ilink2
///  0x1c u32 data1
/// </code>
/// Read by the driver a dword at a time through HBUS_TARG_MEM_RADDR/RDAT.
/// </remarks>
public readonly record struct IwxErrorTable
{
    public const int Size = 0x20;
    public const int Dwords = Size / 4;
    public const uint SysAssert = 0x35;

    public uint Valid { get; init; }
    public uint ErrorId { get; init; }
    public uint TrmHwStatus0 { get; init; }
    public uint TrmHwStatus1 { get; init; }
    public uint Blink2 { get; init; }
    public uint Ilink1 { get; init; }
    public uint Ilink2 { get; init; }
    public uint Data1 { get; init; }

    /// <summary>The firmware's name for an error id (iwlwifi's advanced lookup table), for logs.</summary>
    public static string ErrorName(uint errorId) => errorId switch
    {
        0x00 => "ADVANCED_SYSASSERT",
        0x34 => "NMI_INTERRUPT_WDG",
        0x35 => "SYSASSERT",
        0x37 => "FATAL_ERROR",
        0x38 => "BAD_COMMAND",
        0x46 => "NMI_TRM_HW_ERR",
        0x4c => "NMI_INTERRUPT_TRM",
        0x54 => "NMI_INTERRUPT_BREAK_POINT",
        0x66 => "NMI_INTERRUPT_HOST",
        0x70 => "NMI_INTERRUPT_LMAC_FATAL",
        0x71 => "NMI_INTERRUPT_UMAC_FATAL",
        _ => "NMI_INTERRUPT_UNKNOWN",
    };

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxErrorTable table)
    {
        if (source.Length < Size)
        {
            table = default;
            return false;
        }
        table = new IwxErrorTable
        {
            Valid = BinaryPrimitives.ReadUInt32LittleEndian(source),
            ErrorId = BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            TrmHwStatus0 = BinaryPrimitives.ReadUInt32LittleEndian(source[0x08..]),
            TrmHwStatus1 = BinaryPrimitives.ReadUInt32LittleEndian(source[0x0c..]),
            Blink2 = BinaryPrimitives.ReadUInt32LittleEndian(source[0x10..]),
            Ilink1 = BinaryPrimitives.ReadUInt32LittleEndian(source[0x14..]),
            Ilink2 = BinaryPrimitives.ReadUInt32LittleEndian(source[0x18..]),
            Data1 = BinaryPrimitives.ReadUInt32LittleEndian(source[0x1c..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Valid);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], ErrorId);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x08..], TrmHwStatus0);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x0c..], TrmHwStatus1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x10..], Blink2);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x14..], Ilink1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x18..], Ilink2);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x1c..], Data1);
        return true;
    }
}
