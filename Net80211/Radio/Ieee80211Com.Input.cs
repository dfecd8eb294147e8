using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Telemetry;
using Net80211.Vaps;

namespace Net80211.Radio;

// Receive: ieee80211_rx_enqueue → ieee80211_input_mimo_all / find_rxnode dispatch.
public sealed partial class Ieee80211Com
{
    // Frame control type field values (IEEE 802.11-2020 9.2.4.1.3), read here without the frame codec:
    // dispatch needs only the type, addr1 and addr2.
    private const int TypeControl = 1;
    private const int MinFrameLength = 10;      // ACK/CTS: FC + duration + RA
    private const int MinAddressedLength = 24;  // management/data: three addresses + sequence control

    private static readonly Action<object?> InputAction = static s =>
    {
        var m = (Packet)s!;
        ((Ieee80211Com)m.Context!).Input(m);
    };

    /// <summary>
    /// Hands a received frame (802.11 header first, FCS stripped unless <see cref="RxFlags.HasFcs"/>) to the
    /// stack. Callable from any thread (the driver's interrupt path); the stack takes ownership and processes
    /// it on the radio's queue. Signal and noise are in dBm.
    /// </summary>
    public void RxEnqueue(Packet frame, int rssiDbm, int noiseDbm, in RxInfo info)
    {
        ArgumentNullException.ThrowIfNull(frame);
        frame.Meta.RssiDbm = (sbyte)Math.Clamp(rssiDbm, sbyte.MinValue, sbyte.MaxValue);
        frame.Meta.NoiseDbm = (sbyte)Math.Clamp(noiseDbm, sbyte.MinValue, sbyte.MaxValue);
        frame.Meta.FrequencyMhz = (ushort)info.FrequencyMhz;
        frame.Meta.Rate = info.Rate;
        frame.Meta.Rx = info;
        frame.Meta.Timestamp = Queue.Time.GetTimestamp();
        frame.Context = this;
        Queue.Enqueue(InputAction, frame);
    }

    private void Input(Packet m)
    {
        m.Context = null;
        Net80211Telemetry.FramesReceived.Add(1);
        if ((m.Meta.Rx.Flags & RxFlags.HasFcs) != 0)
        {
            if (m.Length < 4) { DropInput(m, "too short"); return; }
            m.TrimBack(4);
        }
        var data = m.Data;
        if (data.Length < MinFrameLength) { DropInput(m, "too short"); return; }

        // Monitor VAPs see everything on the channel, bad FCS included (ieee80211_radiotap_rx_all).
        DeliverToMonitors(m);
        if ((m.Meta.Rx.Flags & RxFlags.BadFcs) != 0) { DropInput(m, "bad fcs"); return; }

        int type = (data[0] >> 2) & 0x3;
        if (type == TypeControl || data.Length < MinAddressedLength)
        {
            // Control frames (ACK, CTS, RTS...) are the hardware's business; the node-level ones
            // (PS-Poll, BAR) arrive once the opmodes handle them. A short non-control frame is malformed.
            if (type == TypeControl) m.Free();
            else DropInput(m, "too short");
            return;
        }

        var addr1 = MacAddress.Read(data[4..]);
        var addr2 = MacAddress.Read(data[10..]);
        var node = Nodes.FindRxNode(addr2, addr1);
        if (node is not null && node.Vap.IsRunning && node.Vap.Mode != OpMode.Monitor)
        {
            node.Vap.Input(m, node);
            return;
        }
        InputAll(m);
    }

    /// <summary>ieee80211_input_all: a frame from no known node goes to every running VAP that may want it;
    /// each decides (a host AP takes probe requests, a scanning station takes beacons).</summary>
    private void InputAll(Packet m)
    {
        Ieee80211Vap? last = null;
        foreach (var vap in _vaps)
        {
            if (!vap.IsRunning || vap.Mode == OpMode.Monitor) continue;
            if (last is not null) last.Input(m.Clone(), null);
            last = vap;
        }
        if (last is not null) last.Input(m, null);
        else m.Free();
    }

    private void DeliverToMonitors(Packet m)
    {
        if (MonTaps == 0) return;
        foreach (var vap in _vaps)
            if (vap.Mode == OpMode.Monitor && vap.IsRunning) vap.Input(m.Clone(), null);
    }

    private void DropInput(Packet m, string reason)
    {
        CountInputError();
        Net80211Telemetry.FramesDropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
        m.Free();
    }
}
