using Net80211.Frames;
using Net80211.Nodes;

namespace Net80211.DataPath;

/// <summary>What <see cref="Encapsulation.TryEncapsulate"/> needs besides the frame: the peer, the direction
/// and the addresses the Ethernet header does not carry, and the QoS choices (ieee80211_encap's inputs).</summary>
/// <remarks>
/// Zero addresses fall back to the node: <see cref="Bssid"/> to <see cref="Ieee80211Node.Bssid"/>,
/// <see cref="ReceiverAddress"/> to the node's address, <see cref="TransmitterAddress"/> to its VAP's address.
/// </remarks>
public readonly record struct EncapParams
{
    public EncapParams(Ieee80211Node node, EncapDirection direction)
    {
        Node = node;
        Direction = direction;
    }

    /// <summary>The peer the frame goes to (for group frames: the VAP's BSS node); owns the sequence spaces.</summary>
    public Ieee80211Node Node { get; init; }
    public EncapDirection Direction { get; init; }
    /// <summary>BSSID for the ToAp/FromAp/Ibss layouts.</summary>
    public MacAddress Bssid { get; init; }
    /// <summary>Our own address (iv_myaddr): A2 of a WDS frame.</summary>
    public MacAddress TransmitterAddress { get; init; }
    /// <summary>The WDS peer (A1 of a WDS frame).</summary>
    public MacAddress ReceiverAddress { get; init; }
    /// <summary>Send a QoS Data frame with a QoS Control field (the peer negotiated WMM/QoS).</summary>
    public bool Qos { get; init; }
    /// <summary>TID 0..15 to use, or null to classify the frame (<see cref="WmeClassifier"/>).</summary>
    public int? Tid { get; init; }
    /// <summary>Ack Policy for the QoS Control field (9.2.4.5.4); Normal unless the AC is configured for No Ack.</summary>
    public AckPolicy AckPolicy { get; init; }
    /// <summary>Set the Protected Frame bit. Only the bit: the cipher module adds its header and trailer later.</summary>
    public bool Protected { get; init; }
}
