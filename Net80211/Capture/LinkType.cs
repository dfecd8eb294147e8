namespace Net80211.Capture;

/// <summary>Link-layer header types of pcap and pcapng (tcpdump.org/linktypes.html): what sits in
/// front of each captured packet.</summary>
public enum LinkType
{
    Null = 0,
    Ethernet = 1,
    /// <summary>LINKTYPE_IEEE802_11: a bare 802.11 frame, FCS possibly at the end.</summary>
    Ieee80211 = 105,
    /// <summary>LINKTYPE_IEEE802_11_PRISM: the 144-octet Prism monitoring header (or an AVS header), then the frame.</summary>
    Ieee80211Prism = 119,
    /// <summary>LINKTYPE_IEEE802_11_RADIOTAP: a radiotap header, then the frame.</summary>
    Ieee80211Radiotap = 127,
    /// <summary>LINKTYPE_IEEE802_11_AVS: the AVS monitor header, then the frame.</summary>
    Ieee80211Avs = 163,
}
