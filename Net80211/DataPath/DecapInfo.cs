using Net80211.Frames;

namespace Net80211.DataPath;

/// <summary>What <see cref="Decapsulation.TryDecapsulate"/> learned from the 802.11 header it removed.</summary>
public readonly record struct DecapInfo
{
    /// <summary>The MAC header as received (valid whenever the header parsed, also on failure).</summary>
    public FrameHeader Header { get; init; }
    /// <summary>Destination and source of the MSDU, recovered from the DS bits (Table 9-26).</summary>
    public MacAddress Destination { get; init; }
    public MacAddress Source { get; init; }
    /// <summary>The type/length field of the rebuilt Ethernet header.</summary>
    public ushort EtherType { get; init; }
    /// <summary>The body had no RFC 1042 / 802.1H SNAP header (or was RFC 1042-wrapped AARP/IPX) and became
    /// an 802.3 length frame with the LLC PDU as payload.</summary>
    public bool IsLengthFrame { get; init; }
    /// <summary>TID of a QoS Data frame, -1 for non-QoS.</summary>
    public int Tid { get; init; }
    /// <summary>The frame is well formed but has no body by subtype (Null, QoS Null, CF-Ack/CF-Poll):
    /// nothing to deliver. <see cref="Decapsulation.TryDecapsulate"/> then returns false with
    /// <see cref="FrameParseError.None"/>.</summary>
    public bool NoData { get; init; }
}
