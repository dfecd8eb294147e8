namespace Net80211.DataPath;

/// <summary>Which way a data frame travels relative to the distribution system; picks the ToDS/FromDS bits
/// and the address roles (IEEE 802.11-2020 9.3.2.1, Table 9-26).</summary>
public enum EncapDirection
{
    /// <summary>Station to its AP: ToDS. A1 = BSSID, A2 = SA, A3 = DA.</summary>
    ToAp,
    /// <summary>AP to an associated station: FromDS. A1 = DA, A2 = BSSID, A3 = SA.</summary>
    FromAp,
    /// <summary>IBSS (and ad-hoc demo) peer to peer: no DS bits. A1 = DA, A2 = SA, A3 = BSSID.</summary>
    Ibss,
    /// <summary>WDS link: ToDS and FromDS, four addresses. A1 = RA, A2 = TA, A3 = DA, A4 = SA.</summary>
    Wds,
}
