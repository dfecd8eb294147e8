using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>ADD_STA payload (trimmed, §6). The response is a u32 status, 1 = <see cref="Success"/>.</summary>
/// <remarks>
/// <code>
///  0x00 u8  add_modify (0 add, 1 modify); u8 awake_acs; u16 tid_disable_tx
///  0x04 u32 mac_id_n_color
///  0x08 u8  addr[6]; u16 r
///  0x10 u8  sta_id; u8 modify_mask; u16 r
///  0x14 u32 station_flags
///  0x18 u32 station_flags_msk
///  0x1c u8  station_type (0 link)
/// </code>
/// </remarks>
public readonly record struct IwxAddStaCmd
{
    public const int Size = 0x1d;
    public const byte ActionAdd = 0;
    public const byte ActionModify = 1;
    /// <summary>ADD_STA_SUCCESS in the response's status.</summary>
    public const uint Success = 1;
    public const byte StationTypeLink = 0;

    public byte AddModify { get; init; }
    public byte AwakeAcs { get; init; }
    public ushort TidDisableTx { get; init; }
    public uint MacIdNColor { get; init; }
    public MacAddress Address { get; init; }
    public byte StaId { get; init; }
    public byte ModifyMask { get; init; }
    public uint StationFlags { get; init; }
    public uint StationFlagsMask { get; init; }
    public byte StationType { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxAddStaCmd cmd)
    {
        if (source.Length < Size)
        {
            cmd = default;
            return false;
        }
        cmd = new IwxAddStaCmd
        {
            AddModify = source[0x00],
            AwakeAcs = source[0x01],
            TidDisableTx = BinaryPrimitives.ReadUInt16LittleEndian(source[0x02..]),
            MacIdNColor = BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            Address = MacAddress.Read(source[0x08..]),
            StaId = source[0x10],
            ModifyMask = source[0x11],
            StationFlags = BinaryPrimitives.ReadUInt32LittleEndian(source[0x14..]),
            StationFlagsMask = BinaryPrimitives.ReadUInt32LittleEndian(source[0x18..]),
            StationType = source[0x1c],
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        destination[..Size].Clear();
        destination[0x00] = AddModify;
        destination[0x01] = AwakeAcs;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x02..], TidDisableTx);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], MacIdNColor);
        Address.WriteTo(destination[0x08..]);
        destination[0x10] = StaId;
        destination[0x11] = ModifyMask;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x14..], StationFlags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x18..], StationFlagsMask);
        destination[0x1c] = StationType;
        return true;
    }
}
