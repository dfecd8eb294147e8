namespace Net80211.Media;

/// <summary>IFM_IEEE80211 media options: the operating mode of the interface (none means station).</summary>
[Flags]
public enum MediaOptions
{
    None = 0,
    /// <summary>IBSS ("adhoc").</summary>
    Adhoc = 1 << 0,
    HostAp = 1 << 1,
    Monitor = 1 << 2,
    Wds = 1 << 3,
    /// <summary>IFM_FLAG0, which together with adhoc marks the ad-hoc demo mode.</summary>
    Flag0 = 1 << 4,
    /// <summary>802.11s mesh ("mesh").</summary>
    Mesh = 1 << 5,
}
