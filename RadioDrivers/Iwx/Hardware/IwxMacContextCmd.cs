using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>filter_flags of MAC_CONTEXT_CMD (§6).</summary>
[Flags]
public enum IwxMacFilterFlags : uint
{
    None = 0,
    Promisc = 1u << 0,
    Control = 1u << 1,
    AcceptGroup = 1u << 2,
    InBeacon = 1u << 6,
}

/// <summary>MAC_CONTEXT_CMD payload (trimmed, §6).</summary>
/// <remarks>
/// <code>
///  0x00 u32 id_and_color
///  0x04 u32 action
///  0x08 u32 mac_type          5 BSS_STA, 2 LISTENER
///  0x0c u32 tsf_id
///  0x10 u8  node_addr[6]; u16 r
///  0x18 u8  bssid_addr[6]; u16 r
///  0x20 u32 filter_flags      bit 0 PROMISC, 1 CONTROL, 2 ACCEPT_GRP, 6 IN_BEACON
///  0x24 u32 is_assoc
///  0x28 u16 assoc_id; u16 beacon_int
///  0x2c u32 dtim_interval
/// </code>
/// </remarks>
public readonly record struct IwxMacContextCmd
{
    public const int Size = 0x30;
    public const uint MacTypeListener = 2;
    public const uint MacTypeBssSta = 5;

    public uint IdAndColor { get; init; }
    public IwxContextAction Action { get; init; }
    public uint MacType { get; init; }
    public uint TsfId { get; init; }
    public MacAddress NodeAddress { get; init; }
    public MacAddress Bssid { get; init; }
    public IwxMacFilterFlags FilterFlags { get; init; }
    public uint IsAssoc { get; init; }
    public ushort AssocId { get; init; }
    public ushort BeaconInterval { get; init; }
    public uint DtimInterval { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxMacContextCmd cmd)
    {
        if (source.Length < Size)
        {
            cmd = default;
            return false;
        }
        cmd = new IwxMacContextCmd
        {
            IdAndColor = BinaryPrimitives.ReadUInt32LittleEndian(source),
            Action = (IwxContextAction)BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            MacType = BinaryPrimitives.ReadUInt32LittleEndian(source[0x08..]),
            TsfId = BinaryPrimitives.ReadUInt32LittleEndian(source[0x0c..]),
            NodeAddress = MacAddress.Read(source[0x10..]),
            Bssid = MacAddress.Read(source[0x18..]),
            FilterFlags = (IwxMacFilterFlags)BinaryPrimitives.ReadUInt32LittleEndian(source[0x20..]),
            IsAssoc = BinaryPrimitives.ReadUInt32LittleEndian(source[0x24..]),
            AssocId = BinaryPrimitives.ReadUInt16LittleEndian(source[0x28..]),
            BeaconInterval = BinaryPrimitives.ReadUInt16LittleEndian(source[0x2a..]),
            DtimInterval = BinaryPrimitives.ReadUInt32LittleEndian(source[0x2c..]),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size) return false;
        destination[..Size].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(destination, IdAndColor);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], (uint)Action);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x08..], MacType);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x0c..], TsfId);
        NodeAddress.WriteTo(destination[0x10..]);
        Bssid.WriteTo(destination[0x18..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x20..], (uint)FilterFlags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x24..], IsAssoc);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x28..], AssocId);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x2a..], BeaconInterval);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x2c..], DtimInterval);
        return true;
    }
}
