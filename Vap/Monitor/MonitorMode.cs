using Net80211.Frames;
using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.StateMachine;
using Net80211.Vap.Common;
using Net80211.Vaps;

namespace Net80211.Vap.Monitor;

/// <summary>
/// Monitor mode (ieee80211_monitor.c): the VAP receives every frame the radio decodes on its channel —
/// management, control and data, other BSSs' too — and transmits nothing. Its interface's receiver gets the
/// raw 802.11 frames with their receive details in <see cref="Packet.Meta"/> (the radiotap fields), which is
/// what a capture tap writes out.
/// </summary>
public sealed class MonitorMode(Ieee80211Vap vap) : OpModeBase(vap)
{
    public override Ieee80211State InitialState => Ieee80211State.Run;

    public override int NewState(Ieee80211State from, Ieee80211State to, TransitionReason reason) => 0;

    public override void Input(Packet frame, Ieee80211Node? node)
    {
        Interlocked.Increment(ref Vap.Stats.RxMonitor);
        Vap.Interface.Deliver(frame);
    }

    /// <summary>A monitor VAP sends nothing; frames given to it are dropped and counted.</summary>
    public override void Output(Packet ethernetFrame) => Drop(ethernetFrame, ref Vap.Stats.TxDropped);

    protected override void ReceiveManagement(Packet frame, in FrameHeader header, Ieee80211Node? node) { }

    protected override void ReceiveData(Packet frame, in FrameHeader header, Ieee80211Node? node) => frame.Free();
}

public sealed class MonitorModeModule : IOpModeModule
{
    public OpMode Mode => OpMode.Monitor;
    public IOpMode Attach(Ieee80211Vap vap) => new MonitorMode(vap);
}
