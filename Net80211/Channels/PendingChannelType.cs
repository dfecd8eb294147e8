// Temporary stand-in until the channels branch lands; removed at merge.
namespace Net80211.Channels;

[Flags]
public enum ChannelFlags : uint { None = 0, Band2Ghz = 1, Band5Ghz = 2, Cck = 4, Ofdm = 8, Passive = 16, Dfs = 32 }

public sealed class Ieee80211Channel(int frequencyMhz, int ieee, ChannelFlags flags, int maxRegTxPowerDbm = 20)
{
    public int FrequencyMhz { get; } = frequencyMhz;
    public int Ieee { get; } = ieee;
    public ChannelFlags Flags { get; } = flags;
    public int MaxRegTxPowerDbm { get; } = maxRegTxPowerDbm;
    public bool Is2Ghz => (Flags & ChannelFlags.Band2Ghz) != 0;
    public bool Is5Ghz => (Flags & ChannelFlags.Band5Ghz) != 0;
}
