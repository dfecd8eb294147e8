using Net80211.Channels;

namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>Channel profile flags of NVM_GET_INFO (§6.1).</summary>
[Flags]
public enum IwxNvmChannelFlags : ushort
{
    None = 0,
    Valid = 1 << 0,
    Ibss = 1 << 1,
    /// <summary>Probes allowed (active scan).</summary>
    Active = 1 << 3,
    Radar = 1 << 4,
    IndoorOnly = 1 << 5,
    Width40 = 1 << 9,
    Width80 = 1 << 10,
}

/// <summary>The fixed list the NVM channel profiles are indexed by (iwx's <c>iwx_nvm_channels_8000</c>): 51 channels.</summary>
public static class IwxNvmChannels
{
    private static readonly byte[] Numbers =
    [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
        36, 40, 44, 48, 52, 56, 60, 64,
        68, 72, 76, 80, 84, 88, 92, 96, 100, 104, 108, 112, 116, 120, 124, 128, 132, 136, 140, 144,
        149, 153, 157, 161, 165, 169, 173, 177, 181,
    ];

    public const int Count = 51;

    /// <summary>Channel numbers, index = position of its profile in the NVM response.</summary>
    public static ReadOnlySpan<byte> All => Numbers;

    /// <summary>Index of <paramref name="channel"/> in the list, or -1.</summary>
    public static int IndexOf(int channel) => channel is < 0 or > 255 ? -1 : Array.IndexOf(Numbers, (byte)channel);

    public static bool Is5Ghz(int channel) => channel > 14;

    /// <summary>Centre frequency of a 2.4 or 5 GHz channel number, 0 when the band has no such channel.</summary>
    public static int FrequencyMhz(int channel, bool is5Ghz)
        => Ieee80211Channel.IeeeToFrequency(channel, is5Ghz ? ChannelFlags.Band5Ghz : ChannelFlags.Band2Ghz);

    /// <summary>Channel number of a 2.4 or 5 GHz centre frequency, or 0.</summary>
    public static int ChannelOf(int frequencyMhz) => Ieee80211Channel.FrequencyToIeee(frequencyMhz);
}
