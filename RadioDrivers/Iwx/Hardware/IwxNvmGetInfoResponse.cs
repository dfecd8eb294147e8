using System.Buffers.Binary;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>mac_sku_flags of NVM_GET_INFO (§6.1).</summary>
[Flags]
public enum IwxNvmSkuFlags : uint
{
    None = 0,
    Band24Enabled = 1u << 0,
    Band52Enabled = 1u << 1,
    Enable11n = 1u << 2,
    Enable11ac = 1u << 3,
    Enable11ax = 1u << 4,
    MimoDisabled = 1u << 5,
}

/// <summary>The NVM_GET_INFO response (trimmed <c>iwl_nvm_get_info_rsp</c>, §6.1).</summary>
/// <remarks>
/// <code>
///  general:    0x00 u16 flags; 0x02 u16 nvm_version; 0x04 u8 board_type; 0x05 u8 n_hw_addrs; 0x06 u8 r[2]
///  mac_sku:    0x08 u32 mac_sku_flags
///  phy_sku:    0x0c u32 tx_chains; 0x10 u32 rx_chains
///  regulatory: 0x14 u32 lar_enabled; 0x18 u32 n_channels; 0x1c u16 channel_profile[n_channels]
/// </code>
/// channel_profile[i] belongs to <see cref="IwxNvmChannels.All"/>[i].
/// </remarks>
public readonly record struct IwxNvmGetInfoResponse
{
    public const int FixedSize = 0x1c;
    /// <summary>More profiles than the fixed channel list has is a malformed response.</summary>
    public const int MaxChannels = IwxNvmChannels.Count;

    public ushort Flags { get; init; }
    public ushort NvmVersion { get; init; }
    public byte BoardType { get; init; }
    public byte NHwAddrs { get; init; }
    public IwxNvmSkuFlags MacSkuFlags { get; init; }
    public uint TxChains { get; init; }
    public uint RxChains { get; init; }
    public uint LarEnabled { get; init; }
    public IReadOnlyList<IwxNvmChannelFlags> ChannelProfiles { get; init; }

    public int Size => FixedSize + 2 * (ChannelProfiles?.Count ?? 0);

    public static bool TryRead(ReadOnlySpan<byte> source, out IwxNvmGetInfoResponse response)
    {
        response = default;
        if (source.Length < FixedSize) return false;
        uint n = BinaryPrimitives.ReadUInt32LittleEndian(source[0x18..]);
        if (n > MaxChannels || source.Length < FixedSize + 2 * (int)n) return false;
        var profiles = new IwxNvmChannelFlags[n];
        for (int i = 0; i < profiles.Length; i++)
            profiles[i] = (IwxNvmChannelFlags)BinaryPrimitives.ReadUInt16LittleEndian(source[(FixedSize + 2 * i)..]);
        response = new IwxNvmGetInfoResponse
        {
            Flags = BinaryPrimitives.ReadUInt16LittleEndian(source),
            NvmVersion = BinaryPrimitives.ReadUInt16LittleEndian(source[0x02..]),
            BoardType = source[0x04],
            NHwAddrs = source[0x05],
            MacSkuFlags = (IwxNvmSkuFlags)BinaryPrimitives.ReadUInt32LittleEndian(source[0x08..]),
            TxChains = BinaryPrimitives.ReadUInt32LittleEndian(source[0x0c..]),
            RxChains = BinaryPrimitives.ReadUInt32LittleEndian(source[0x10..]),
            LarEnabled = BinaryPrimitives.ReadUInt32LittleEndian(source[0x14..]),
            ChannelProfiles = profiles,
        };
        return true;
    }

    public bool TryWrite(Span<byte> destination)
    {
        var profiles = ChannelProfiles ?? [];
        if (profiles.Count > MaxChannels || destination.Length < Size) return false;
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Flags);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[0x02..], NvmVersion);
        destination[0x04] = BoardType;
        destination[0x05] = NHwAddrs;
        destination[0x06] = 0;
        destination[0x07] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x08..], (uint)MacSkuFlags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x0c..], TxChains);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x10..], RxChains);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x14..], LarEnabled);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[0x18..], (uint)profiles.Count);
        for (int i = 0; i < profiles.Count; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(destination[(FixedSize + 2 * i)..], (ushort)profiles[i]);
        return true;
    }
}
