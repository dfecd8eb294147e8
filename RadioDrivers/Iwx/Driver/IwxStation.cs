using Net80211.Nodes;
using Net80211.Packets;

namespace Net80211.RadioDrivers.Iwx;

/// <summary>
/// A station the firmware knows (ADD_STA) and its data queue (SCD_QUEUE_CFG). Until the queue number is
/// known, frames for the station wait in a small backlog; they go to the ring when it is configured, or
/// complete with <see cref="TxStatus.DeviceError"/> when the setup fails.
/// </summary>
internal sealed class IwxStation(int staId, MacAddress address, IwxTxRing ring)
{
    public int StaId { get; } = staId;
    public MacAddress Address { get; } = address;
    public IwxTxRing Ring { get; } = ring;
    public Queue<(Packet Frame, Ieee80211Node? Node, Radio.RawTxParams? Params)> Backlog { get; } = new();
    /// <summary>The firmware has the station and its queue: frames go straight to the ring.</summary>
    public bool Ready { get; set; }
    /// <summary>Setup failed or the station was removed: nothing more will be accepted.</summary>
    public bool Dead { get; set; }
    /// <summary>A pairwise CCM key is loaded in the firmware for this station.</summary>
    public bool HardwareKey { get; set; }
}
