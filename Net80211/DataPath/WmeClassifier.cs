using System.Buffers.Binary;
using Net80211.Frames;

namespace Net80211.DataPath;

/// <summary>
/// Traffic classification for EDCA (ieee80211_classify): the IEEE 802.1D user priority of an outgoing
/// Ethernet frame, and how UPs map to TIDs and access categories.
/// </summary>
public static class WmeClassifier
{
    /// <summary>
    /// User priority 0..7 of an Ethernet frame: the PCP of an 802.1Q/802.1ad tag when tagged, else the top
    /// three bits of the IPv4 DSCP or IPv6 Traffic Class (the precedence bits, so CS6/EF land on 6/5), else 0.
    /// Never reads past the span; anything it cannot parse is best effort.
    /// </summary>
    public static int Classify(ReadOnlySpan<byte> ethernetFrame)
    {
        if (ethernetFrame.Length < EthernetHeader.Length) return 0;
        ushort type = EthernetHeader.TypeOrLength(ethernetFrame);
        ReadOnlySpan<byte> payload = ethernetFrame[EthernetHeader.Length..];
        switch (type)
        {
            case EthernetHeader.EtherTypeVlan or EthernetHeader.EtherTypeQinQ:
                // TCI: PCP(3) DEI(1) VID(12), IEEE 802.1Q 9.6.
                return payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload) >> 13 : 0;
            case EthernetHeader.EtherTypeIPv4:
                // Version/IHL, then DS field (DSCP << 2 | ECN), RFC 791/2474.
                return payload.Length >= 2 && payload[0] >> 4 == 4 ? payload[1] >> 5 : 0;
            case EthernetHeader.EtherTypeIPv6:
                // Version(4) Traffic Class(8) Flow Label(20), RFC 8200: the class straddles octets 0 and 1.
                if (payload.Length < 2 || payload[0] >> 4 != 6) return 0;
                int trafficClass = ((payload[0] & 0x0F) << 4) | (payload[1] >> 4);
                return trafficClass >> 5;
            default:
                return 0;
        }
    }

    /// <summary>UP → access category, IEEE 802.11-2020 Table 10-1: 1, 2 → BK; 0, 3 → BE; 4, 5 → VI; 6, 7 → VO.</summary>
    public static AccessCategory UpToAccessCategory(int userPriority) => (userPriority & 7) switch
    {
        1 or 2 => AccessCategory.Background,
        4 or 5 => AccessCategory.Video,
        6 or 7 => AccessCategory.Voice,
        _ => AccessCategory.BestEffort,
    };

    /// <summary>UP → TID: under EDCA the TID of a QoS Data frame is the UP itself (10.2.4.2, Table 9-7).</summary>
    public static int UpToTid(int userPriority) => userPriority & 7;

    /// <summary>The TID net80211 sends an access category's frames with (WME_AC_TO_TID): BE 0, BK 1, VI 5, VO 7.</summary>
    public static int AccessCategoryToTid(AccessCategory ac) => ac switch
    {
        AccessCategory.Background => 1,
        AccessCategory.Video => 5,
        AccessCategory.Voice => 7,
        _ => 0,
    };
}
