using Net80211;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vaps;

namespace RadioDrivers.Tests.Hwsim;

/// <summary>A host AP stand-in for driver tests: it records like <see cref="RecordingOpMode"/> and builds
/// a minimal beacon (header, fixed fields, SSID) so the driver's software beaconing can be exercised.</summary>
internal sealed class BeaconingTestModule(string ssid) : IOpModeModule
{
    public OpMode Mode => OpMode.HostAp;
    public List<BeaconingTestMode> Attached { get; } = [];

    public IOpMode Attach(Ieee80211Vap vap)
    {
        var m = new BeaconingTestMode(vap, ssid);
        Attached.Add(m);
        return m;
    }
}

internal sealed class BeaconingTestMode(Ieee80211Vap vap, string ssid) : IOpMode
{
    private ushort _seq;
    private readonly RecordingOpMode _recorder = new(vap, Ieee80211State.Run);

    public Ieee80211State InitialState => Ieee80211State.Run;
    public RecordingOpMode Recorder => _recorder;

    public int NewState(Ieee80211State from, Ieee80211State to, TransitionReason reason)
    {
        if (to == Ieee80211State.Run) vap.Bss ??= vap.Ic.Nodes.Add(vap, vap.MacAddress);
        return _recorder.NewState(from, to, reason);
    }

    public void Input(Packet frame, Net80211.Nodes.Ieee80211Node? node) => _recorder.Input(frame, node);
    public void Output(Packet ethernetFrame) => _recorder.Output(ethernetFrame);

    public Packet? BuildBeacon()
    {
        var p = vap.Ic.Pool.Rent(64);
        var ssidBytes = System.Text.Encoding.ASCII.GetBytes(ssid);
        var b = p.Append(24 + 12 + 2 + ssidBytes.Length);
        b[0] = 0x80;                                     // management, beacon
        MacAddress.Broadcast.WriteTo(b[4..]);
        vap.MacAddress.WriteTo(b[10..]);
        vap.MacAddress.WriteTo(b[16..]);
        ushort sc = (ushort)(_seq++ << 4);
        b[22] = (byte)sc; b[23] = (byte)(sc >> 8);
        b[24 + 8] = (byte)vap.BeaconIntervalTu; b[24 + 9] = (byte)(vap.BeaconIntervalTu >> 8);
        b[24 + 10] = 0x01;                               // ESS
        b[36] = 0; b[37] = (byte)ssidBytes.Length;
        ssidBytes.CopyTo(b[38..]);
        return p;
    }
}
