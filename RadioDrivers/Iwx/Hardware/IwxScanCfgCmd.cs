using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>SCAN_CFG_CMD payload (trimmed, §6).</summary>
/// <remarks>
/// <code>
///  0x00 u32 flags
///  0x04 u32 tx_chains
///  0x08 u32 rx_chains
///  0x0c u32 legacy_rates
///  0x10 u8  mac_addr[6]; u8 channel_count; u8 r
///  0x18 u8  channels[channel_count]
/// </code>
/// </remarks>
public readonly record struct IwxScanCfgCmd
{
    public const int FixedSize = 0x18;

    public uint Flags { get; init; }
    public uint TxChains { get; init; }
    public uint RxChains { get; init; }
    public uint LegacyRates { get; init; }
    public MacAddress MacAddress { get; init; }
    public ReadOnlyMemory<byte> Channels { get; init; }

    public int Size => FixedSize + Channels.Length;

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxScanCfgCmd cmd)
    {
        cmd = default;
        if (source.Length < FixedSize) return false;
        int n = source[0x16];
        if (source.Length < FixedSize + n) return false;
        cmd = new IwxScanCfgCmd
        {
            Flags = BinaryPrimitives.ReadUInt32LittleEndian(source),
            TxChains = BinaryPrimitives.ReadUInt32LittleEndian(source[0x04..]),
            RxChains = BinaryPrimitives.ReadUInt32LittleEndian(source[0x08..]),
            LegacyRates = BinaryPrimitives.ReadUInt32LittleEndian(source[0x0c..]),
            MacAddress = MacAddress.Read(source[0x10..]),
            Channels = source.Slice(FixedSize, n).ToArray(),
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        if (Channels.Length > byte.MaxValue || destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x04..], TxChains);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x08..], RxChains);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x0c..], LegacyRates);
        MacAddress.WriteTo(destination[0x10..]);
        destination[0x16] = (byte)Channels.Length;
        destination[0x17] = 0;
        Channels.Span.CopyTo(destination[FixedSize..]);
        return true;
    }
}
