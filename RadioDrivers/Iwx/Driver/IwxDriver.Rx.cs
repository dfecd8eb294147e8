using Net80211.Channels;
using Net80211.Frames;
using Net80211.Radio;
using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx;

// Receive: iwx_rx_pkt dispatch by notification id. Every length the device gives is checked against the
// buffer; anything malformed is a counted drop, never an exception.
public sealed partial class IwxDriver
{
    /// <summary>The noise floor the firmware does not report; the air's −91 dBm.</summary>
    public const int NoiseFloorDbm = -91;

    private readonly List<Action> _completions = [];
    private bool _inRx;
    private Action<ReadOnlySpan<byte>>? _packetHandler;

    public long RxPackets { get; private set; }
    public long RxFrames { get; private set; }
    /// <summary>Packets or MPDUs whose lengths or fields do not hold together (dropped).</summary>
    public long RxMalformed { get; private set; }
    public long RxCrcErrors { get; private set; }
    /// <summary>Protected frames the firmware could not decrypt or whose MIC failed (dropped).</summary>
    public long RxDecryptFailures { get; private set; }
    /// <summary>Notifications the driver does not handle (counted, ignored).</summary>
    public long UnknownNotifications { get; private set; }
    /// <summary>Times the restock pointer was written to the device.</summary>
    public long RxRestocks => _rx?.Restocks ?? 0;

    /// <summary>Test knob: a host too busy to service RX (the device overruns its ring meanwhile).</summary>
    internal bool RxSuspended { get; set; }

    /// <summary>Resumes RX after <see cref="RxSuspended"/>: what piled up is processed and restocked now.</summary>
    internal void ResumeRx()
    {
        RxSuspended = false;
        ProcessRx();
    }

    /// <summary>Runs a completion now, or after the RX pass in progress (no continuation re-enters it).</summary>
    private void DispatchCompletion(Action completion)
    {
        if (_inRx) _completions.Add(completion);
        else completion();
    }

    /// <summary>Before failing a command for a full queue: answers may be waiting in the RX ring.</summary>
    private void ReclaimCommands()
    {
        if (!_inRx) ProcessRx();
    }

    /// <summary>Walks the used BDs up to closed_rb_num, hands each packet to <see cref="HandlePacket"/>,
    /// restocks, and writes the restock index to RFH_Q_FRBDCB_WIDX_TRG.</summary>
    private void ProcessRx()
    {
        if (_rx is null || _mmio is null || _inRx || _handle.IsDisposed || RxSuspended) return;
        _inRx = true;
        int restock;
        try
        {
            restock = _rx.Process(_packetHandler ??= HandlePacket);
        }
        finally { _inRx = false; }
        if (restock >= 0 && !_handle.IsDisposed) _mmio.Write32(IwxCsr.RfhQFrbdcbWidxTrg(0), (uint)restock);
        while (_completions.Count > 0)
        {
            var run = _completions.ToArray();
            _completions.Clear();
            foreach (var c in run) c();
        }
    }

    private void HandlePacket(ReadOnlySpan<byte> buffer)
    {
        RxPackets++;
        if (!IwxRxPacketHeader.TryRead(buffer, out var header) || header.TotalLength < IwxRxPacketHeader.Size || header.TotalLength > buffer.Length)
        {
            RxMalformed++;
            return;
        }
        var payload = buffer[IwxRxPacketHeader.Size..header.TotalLength];
        var id = header.Id;
        if (id == IwxCommandId.RxMpdu) HandleMpdu(payload);
        else if (id == IwxCommandId.TxCmd && !header.IsNotification && (header.Sequence >> 8 & 0x7f) != IwxTfd.CommandQueueId)
            HandleTxResponse(header, payload);
        else if (id == IwxCommandId.Alive && header.IsNotification) HandleAlive(payload);
        else if (id == IwxCommandId.ScanCompleteUmac && header.IsNotification) HandleScanComplete(payload);
        else if (id == IwxCommandId.MissedBeacons && header.IsNotification) HandleMissedBeacons(payload);
        else if (!header.IsNotification && (header.Sequence >> 8 & 0x7f) == IwxTfd.CommandQueueId) _cmdq?.OnResponse(header, payload);
        else UnknownNotifications++;
    }

    private void HandleAlive(ReadOnlySpan<byte> payload)
    {
        if (!IwxAliveNotification.TryRead(payload, out var alive))
        {
            RxMalformed++;
            return;
        }
        var waiter = _alive;
        if (waiter is null)
        {
            UnknownNotifications++; // an ALIVE nobody waits for: a firmware that restarted by itself
            return;
        }
        DispatchCompletion(() => waiter.TrySet(alive));
    }

    /// <summary>iwx_rx_mpdu_mq: one frame up with its signal, rate, channel and decryption state.</summary>
    private void HandleMpdu(ReadOnlySpan<byte> payload)
    {
        if (!IwxRxMpduDesc.TryRead(payload, out var desc) || desc.MpduLength > payload.Length - IwxRxMpduDesc.Size
            || desc.MpduLength < FrameHeader.ControlShortLength)
        {
            RxMalformed++;
            return;
        }
        var frame = payload.Slice(IwxRxMpduDesc.Size, desc.MpduLength);
        var flags = RxFlags.None;
        if ((desc.PhyInfo & IwxRxMpduDesc.PhyInfoShortPreamble) != 0) flags |= RxFlags.ShortPreamble;
        if (!desc.CrcOk)
        {
            RxCrcErrors++;
            if (Ic.MonTaps == 0) return;
            flags |= RxFlags.BadFcs; // monitors see what was on the air
        }
        if (desc.Security == IwxRxMpduStatus.SecCcm)
        {
            // Decrypted in firmware: CCMP header still in place, MIC gone; the stack checks the PN.
            if (desc.Decrypted && (desc.Status & IwxRxMpduStatus.MicOk) != 0) flags |= RxFlags.Decrypted | RxFlags.MicVerified | RxFlags.MicStripped;
            else
            {
                RxDecryptFailures++;
                Ic.CountInputError();
                return;
            }
        }
        SnoopAssociationResponse(frame);

        bool is5 = IwxNvmChannels.Is5Ghz(desc.Channel);
        int freq = desc.Channel == 0 ? Ic.CurrentChannel?.FrequencyMhz ?? 0 : IwxNvmChannels.FrequencyMhz(desc.Channel, is5);
        var channel = Ic.FindChannel(freq);
        var info = new RxInfo
        {
            FrequencyMhz = freq,
            ChannelFlags = channel?.Flags ?? (is5 ? ChannelFlags.A : ChannelFlags.G),
            Rate = new RateNFlags(desc.RateNFlags).Rate,
            MacTimeMicroseconds = desc.TsfOnAirRise,
            Flags = flags,
        };
        var packet = Ic.Pool.Rent(frame.Length);
        frame.CopyTo(packet.Append(frame.Length));
        RxFrames++;
        int rssi = desc.EnergyA == 0 && desc.EnergyB == 0 ? NoiseFloorDbm : desc.SignalDbm;
        Ic.RxEnqueue(packet, rssi, NoiseFloorDbm, info);
    }

    private void HandleMissedBeacons(ReadOnlySpan<byte> payload)
    {
        if (!IwxMissedBeaconsNotification.TryRead(payload, out var missed))
        {
            RxMalformed++;
            return;
        }
        MissedBeaconNotifications++;
        Log($"missed {missed.ConsecutiveMissed} beacons in a row");
    }

    /// <summary>MISSED_BEACONS notifications received (the stack's own beacon-miss timer acts on the loss).</summary>
    public long MissedBeaconNotifications { get; private set; }

    /// <summary>
    /// The BSSID of an association response is taken only while connecting (the VAP in ASSOC): a stray or
    /// forged (re)association response in RUN must not retarget the MAC context.
    /// </summary>
    private void SnoopAssociationResponse(ReadOnlySpan<byte> frame)
    {
        if (!FrameHeader.TryRead(frame, out var h, out _) || !h.FrameControl.IsManagement) return;
        var st = h.FrameControl.ManagementSubtype;
        if (st is not (ManagementSubtype.AssociationResponse or ManagementSubtype.ReassociationResponse)) return;
        if (_staVap is not { } vap || h.Address1 != vap.MacAddress) return;
        if (vap.State != StateMachine.Ieee80211State.Assoc)
        {
            StrayAssociationResponses++;
            return;
        }
        if (!AssociationResponseFrame.TryRead(frame[h.Length..], out var resp, out _) || resp.StatusCode != StatusCode.Success) return;
        vap.AssociatedBssid = h.Address3;
        vap.AssociatedAid = resp.Aid;
    }

    /// <summary>Association responses seen outside ASSOC (ignored for the MAC context).</summary>
    public long StrayAssociationResponses { get; private set; }
}
