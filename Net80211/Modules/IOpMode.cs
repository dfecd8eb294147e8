using Net80211.Nodes;
using Net80211.Packets;
using Net80211.StateMachine;
using Net80211.Vaps;

namespace Net80211.Modules;

/// <summary>
/// An operating mode module (ieee80211_sta.c, ieee80211_hostap.c, ...) registered for one
/// <see cref="Radio.OpMode"/>. <see cref="Attach"/> is its <c>ic_vattach[mode]</c>: it gives each new VAP
/// the per-mode behaviour object.
/// </summary>
public interface IOpModeModule
{
    Radio.OpMode Mode { get; }
    IOpMode Attach(Ieee80211Vap vap);
}

/// <summary>The per-VAP behaviour of an operating mode: its newstate, input and output handlers.</summary>
public interface IOpMode
{
    /// <summary>The state a VAP enters when it comes up (<c>ieee80211_start_locked</c>): SCAN for a station,
    /// RUN for monitor and WDS.</summary>
    Ieee80211State InitialState { get; }

    /// <summary>The mode's newstate (sta_newstate, hostap_newstate...): act on entering
    /// <paramref name="to"/> from <paramref name="from"/>. Returns 0 or an errno.</summary>
    int NewState(Ieee80211State from, Ieee80211State to, TransitionReason reason);

    /// <summary>iv_input: a received 802.11 frame (header first, FCS removed), from <paramref name="node"/>
    /// when the sender is known. The handler owns the packet.</summary>
    void Input(Packet frame, Ieee80211Node? node);

    /// <summary>An 802.3 frame from the VAP's network interface to send. The handler owns the packet.</summary>
    void Output(Packet ethernetFrame);

    /// <summary>A frame this mode sent came back from the driver (status in <see cref="Packet.Meta"/>).
    /// The packet is freed after the call.</summary>
    void TxComplete(Packet frame, Ieee80211Node node, TxStatus status) { }

    /// <summary>A node's inactivity counter ran out (probe threshold or zero).</summary>
    void NodeInactive(Ieee80211Node node, bool probeOnly) { if (!probeOnly) node.Vap.Ic.Nodes.Remove(node); }

    /// <summary>ieee80211_beacon_alloc/update: the beacon to send now, for drivers that beacon in software
    /// (host AP, IBSS). Null when this mode does not beacon.</summary>
    Packet? BuildBeacon() => null;

    /// <summary>iv_opdetach: the VAP is going away.</summary>
    void Detach() { }
}

/// <summary>A rate control algorithm module (ieee80211_ratectl_register): amrr, fixed, none.</summary>
public interface IRateControlModule
{
    string Name { get; }
    IRateControl Create(Ieee80211Vap vap);
}

/// <summary>Rate control for one VAP (struct ieee80211_ratectl).</summary>
public interface IRateControl
{
    void NodeInit(Ieee80211Node node);
    void NodeDeinit(Ieee80211Node node) { }
    /// <summary>The rate (500 kb/s units) for the next data frame of <paramref name="frameLength"/> bytes.</summary>
    byte Rate(Ieee80211Node node, int frameLength);
    /// <summary>The driver reported a transmission: success, retries, the rate it finally went at.</summary>
    void TxComplete(Ieee80211Node node, in RateControlTxStatus status);
    /// <summary>How often the algorithm re-decides.</summary>
    void SetInterval(TimeSpan interval) { }
}

/// <summary>What a driver reports to rate control (struct ieee80211_ratectl_tx_status).</summary>
public readonly record struct RateControlTxStatus(bool Success, int Retries, byte FinalRate, int FrameLength);
