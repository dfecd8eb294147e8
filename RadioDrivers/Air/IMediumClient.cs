using Net80211.Packets;

namespace Net80211.RadioDrivers.Air;

/// <summary>The radio side of a port: what the air calls back into. All calls come from the
/// simulation's event loop.</summary>
public interface IMediumClient
{
    /// <summary>Whether this radio acknowledges unicast frames whose addr1 is <paramref name="receiverAddress"/>
    /// (like mac80211_hwsim matching the address against its interfaces).</summary>
    bool AcksFor(MacAddress receiverAddress);

    /// <summary>A decoded frame (without FCS). The client owns <paramref name="frame"/> and must free it or hand it on.</summary>
    void OnReceive(Packet frame, in AirRxInfo info);

    /// <summary>A frame given to <see cref="MediumPort.TryEnqueue"/> is finished; ownership returns to the client.</summary>
    void OnTxDone(Packet frame, in AirTxResult result);
}
