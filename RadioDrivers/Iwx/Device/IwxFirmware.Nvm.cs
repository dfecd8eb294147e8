using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>NVM_GET_INFO (docs/iwx-hardware.md §6.1): the SKU and a world-regulatory channel profile.</summary>
internal sealed partial class IwxFirmware
{
    public const ushort NvmVersion = 0x0a1d;
    /// <summary>Antennas A and B.</summary>
    public const uint ValidChains = 0x3;

    /// <summary>The profile of one channel of the fixed list: 2.4 GHz 1–11 active, 12–13 passive, 14 absent;
    /// 5 GHz UNII-1 and UNII-3 active, UNII-2/2e radar (passive), 169 and up absent.</summary>
    internal static IwxNvmChannelFlags ChannelProfile(int channel)
    {
        const IwxNvmChannelFlags wide = IwxNvmChannelFlags.Width40 | IwxNvmChannelFlags.Width80;
        return channel switch
        {
            >= 1 and <= 11 => IwxNvmChannelFlags.Valid | IwxNvmChannelFlags.Ibss | IwxNvmChannelFlags.Active | IwxNvmChannelFlags.Width40,
            12 or 13 => IwxNvmChannelFlags.Valid | IwxNvmChannelFlags.Width40,
            >= 36 and <= 48 => IwxNvmChannelFlags.Valid | IwxNvmChannelFlags.Ibss | IwxNvmChannelFlags.Active | wide,
            >= 52 and <= 144 => IwxNvmChannelFlags.Valid | IwxNvmChannelFlags.Radar | wide,
            >= 149 and <= 165 => IwxNvmChannelFlags.Valid | IwxNvmChannelFlags.Ibss | IwxNvmChannelFlags.Active | wide,
            _ => IwxNvmChannelFlags.None,
        };
    }

    private bool HandleNvmGetInfo(in IwxCommandHeader h)
    {
        var profiles = new IwxNvmChannelFlags[IwxNvmChannels.Count];
        for (int i = 0; i < profiles.Length; i++) profiles[i] = ChannelProfile(IwxNvmChannels.All[i]);
        var response = new IwxNvmGetInfoResponse
        {
            NvmVersion = NvmVersion,
            BoardType = 0,
            NHwAddrs = 1,
            MacSkuFlags = IwxNvmSkuFlags.Band24Enabled | IwxNvmSkuFlags.Band52Enabled | IwxNvmSkuFlags.Enable11n
                | IwxNvmSkuFlags.Enable11ac | IwxNvmSkuFlags.Enable11ax,
            TxChains = ValidChains,
            RxChains = ValidChains,
            LarEnabled = 0,
            ChannelProfiles = profiles,
        };
        var payload = new byte[response.Size];
        response.TryWrite(payload);
        Respond(h, payload);
        return true;
    }
}
