using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.StateMachine;
using Net80211.Vaps;

namespace Net80211.Testing;

/// <summary>An opmode module for tests of the core: it records what the engine asks of it, keeps the
/// frames it is given (the test frees them), and enters the initial state the test chooses.</summary>
public sealed class RecordingOpModeModule(OpMode mode, Ieee80211State initialState = Ieee80211State.Run) : IOpModeModule
{
    public OpMode Mode { get; } = mode;
    public List<RecordingOpMode> Attached { get; } = [];

    public IOpMode Attach(Ieee80211Vap vap)
    {
        var m = new RecordingOpMode(vap, initialState);
        Attached.Add(m);
        return m;
    }
}

public sealed class RecordingOpMode(Ieee80211Vap vap, Ieee80211State initialState) : IOpMode
{
    public Ieee80211Vap Vap { get; } = vap;
    public Ieee80211State InitialState { get; } = initialState;
    public List<(Ieee80211State From, Ieee80211State To, TransitionReason Reason)> Transitions { get; } = [];
    public List<(Packet Frame, Ieee80211Node? Node)> Received { get; } = [];
    public List<Packet> Sent { get; } = [];
    public List<Ieee80211Node> Inactive { get; } = [];
    public List<Ieee80211Node> Probed { get; } = [];
    public int TxCompleted { get; private set; }
    public bool Detached { get; private set; }
    /// <summary>Optional: a state to request from inside newstate when entering a given state.</summary>
    public Func<Ieee80211State, Ieee80211State?>? Chain { get; set; }

    public int NewState(Ieee80211State from, Ieee80211State to, TransitionReason reason)
    {
        Transitions.Add((from, to, reason));
        if (Chain?.Invoke(to) is { } next) Vap.StateMachine.Request(next, new TransitionReason(TransitionCause.ScanDone));
        return 0;
    }

    public void Input(Packet frame, Ieee80211Node? node) => Received.Add((frame, node));
    public void Output(Packet ethernetFrame) => Sent.Add(ethernetFrame);
    public void TxComplete(Packet frame, Ieee80211Node node, TxStatus status) => TxCompleted++;

    public void NodeInactive(Ieee80211Node node, bool probeOnly)
    {
        if (probeOnly) { Probed.Add(node); return; }
        Inactive.Add(node);
        node.Vap.Ic.Nodes.Remove(node);
    }

    public void Detach() => Detached = true;

    /// <summary>Frees every frame this opmode kept.</summary>
    public void FreeAll()
    {
        foreach (var (f, _) in Received) f.Free();
        Received.Clear();
        foreach (var f in Sent) f.Free();
        Sent.Clear();
    }
}
