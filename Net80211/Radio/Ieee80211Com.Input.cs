using Net80211.Frames;
using Net80211.Packets;
using Net80211.Telemetry;
using Net80211.Vaps;

namespace Net80211.Radio;

// Receive: ieee80211_rx_enqueue → ieee80211_input_mimo_all / find_rxnode dispatch.
public sealed partial class Ieee80211Com
{
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

    /// <summary>The channel a received frame was heard on: the frequency the driver reported with it (a
    /// firmware scan hops channels behind the stack's back), else the current channel; null for a
    /// frequency this radio does not have.</summary>
    public Channels.Ieee80211Channel? RxChannel(Packet frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var current = CurrentChannel;
        int frequency = frame.Meta.FrequencyMhz;
        if (frequency == 0 || current?.FrequencyMhz == frequency) return current;
        return Scan.ScanChannels.Preferred(Channels, frequency);
    }

    private void Input(Packet m)
    {
        m.Context = null;
        Net80211Telemetry.FramesReceived.Add(1);
        if ((m.Meta.Rx.Flags & RxFlags.HasFcs) != 0)
        {
            if (m.Length < Fcs.Length)
            {
                ParseErrors.Count(FrameParseError.TooShort);
                DropInput(m, "too short");
                return;
            }
            m.TrimBack(Fcs.Length);
        }
        // Monitor VAPs see everything on the channel, bad FCS and malformed frames included
        // (ieee80211_radiotap_rx_all), so a capture shows what was really on the air.
        DeliverToMonitors(m);
        if ((m.Meta.Rx.Flags & RxFlags.BadFcs) != 0)
        {
            ParseErrors.Count(FrameParseError.BadFcs);
            DropInput(m, "bad fcs");
            return;
        }
        if (!FrameHeader.TryRead(m.Data, out var header, out var error))
        {
            ParseErrors.Count(error);
            DropInput(m, "malformed");
            return;
        }
        if (header.FrameControl.IsControl)
        {
            // Control frames (ACK, CTS, RTS...) are the hardware's business; the node-level ones
            // (PS-Poll, BAR) arrive once the opmodes handle them.
            m.Free();
            return;
        }

        var node = Nodes.FindRxNode(header.TransmitterAddress, header.ReceiverAddress);
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

    /// <summary>
    /// ieee80211_radiotap_tx: a driver shows a frame it transmitted to the monitor VAPs (copies; the driver
    /// keeps <paramref name="frame"/>). Call it when the hardware reports the frame sent, with the rate it
    /// went at in <see cref="Packet.Meta"/>. No-op without monitor taps.
    /// </summary>
    public void TapTransmitted(Packet frame)
    {
        if (MonTaps == 0) return;
        foreach (var vap in _vaps)
        {
            if (vap.Mode != OpMode.Monitor || !vap.IsRunning) continue;
            var copy = frame.Clone();
            copy.Node = null;
            copy.Meta.Flags = (copy.Meta.Flags & ~PacketFlags.InDriver) | PacketFlags.Transmitted;
            copy.Meta.Rx = new RxInfo { FrequencyMhz = CurrentChannel?.FrequencyMhz ?? 0, ChannelFlags = CurrentChannel?.Flags ?? default, Rate = frame.Meta.Rate };
            vap.Input(copy, null);
        }
    }

    private void DeliverToMonitors(Packet m)
    {
        if (MonTaps == 0) return;
        foreach (var vap in _vaps)
            if (vap.Mode == OpMode.Monitor && vap.IsRunning) vap.Input(m.Clone(), null);
    }

    /// <summary>Frames the radio could not parse, by error.</summary>
    public FrameParseCounters ParseErrors { get; } = new();

    private void DropInput(Packet m, string reason)
    {
        CountInputError();
        Net80211Telemetry.FramesDropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
        m.Free();
    }
}
