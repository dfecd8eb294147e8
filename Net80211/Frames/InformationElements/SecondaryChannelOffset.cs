namespace Net80211.Frames;

/// <summary>Secondary Channel Offset subfield of HT Operation (IEEE 802.11-2020 9.4.2.57, Table 9-168).</summary>
public enum SecondaryChannelOffset : byte
{
    None = 0,
    Above = 1,
    Below = 3,
}
