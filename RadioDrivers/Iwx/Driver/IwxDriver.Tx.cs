using Net80211.Frames;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.Vaps;

namespace Net80211.RadioDrivers.Iwx;

// Transmit: iwx_tx. Data frames come through the radio's send queue (if_start is gone: Transmit enqueues and
// the start routine drains into the firmware queue while it has room); management frames through RawXmit.
// Each frame is one TFD: TB0 = wide header + TX command + 802.11 header, TB1 = the rest, streaming-mapped.
// The TX response reclaims up to the firmware's ssn, unmaps, and completes each frame exactly once.
public sealed partial class IwxDriver
{
    private IwxStation? _sta;

    public long TxFrames { get; private set; }
    /// <summary>Frames that had no firmware station to go to (completed with DeviceError).</summary>
    public long TxNoStation { get; private set; }
    /// <summary>Frames that waited in a station backlog for its queue.</summary>
    public long TxBacklogged { get; private set; }
    /// <summary>TX responses for a queue or entry the driver has no frame in (dropped).</summary>
    public long TxStrayResponses { get; private set; }
    /// <summary>Frames reclaimed before their own TX response arrived (completed with DeviceError).</summary>
    public long TxReclaimedWithoutResponse { get; private set; }

    /// <summary>Frames the driver holds: in rings, backlogs and the send queue.</summary>
    public int TxInFlight
    {
        get
        {
            int n = Ic.SendQueue.Count;
            foreach (var r in _dataRings) n += r?.Count ?? 0;
            if (_sta is not null) n += _sta.Backlog.Count;
            return n;
        }
    }

    public void Transmit(Ieee80211Com ic, Packet frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_up || !ic.SendQueue.TryEnqueue(frame))
        {
            ic.TxComplete(frame, frame.Node as Ieee80211Node, _up ? TxStatus.QueueFull : TxStatus.Flushed);
            return;
        }
        StartTx();
    }

    public void RawXmit(Ieee80211Node node, Packet frame, RawTxParams? parameters)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_up)
        {
            Ic.TxComplete(frame, node, TxStatus.Flushed);
            return;
        }
        Submit(frame, node, parameters);
    }

    /// <summary>The start routine: from the send queue into the firmware while the ring has room.</summary>
    private void StartTx()
    {
        while (_up && !(_sta is { Ready: true } s && s.Ring.IsFull) && Ic.SendQueue.TryDequeue(out var frame))
            Submit(frame, frame.Node as Ieee80211Node, null);
    }

    private void Submit(Packet frame, Ieee80211Node? node, RawTxParams? parameters)
    {
        var sta = _sta;
        if (sta is null || sta.Dead || frame.Length < FrameHeader.ControlShortLength
            || !FrameHeader.TryRead(frame.Data, out var h, out _) || h.Address1 != sta.Address)
        {
            TxNoStation++;
            Ic.TxComplete(frame, node, TxStatus.DeviceError);
            return;
        }
        if (!sta.Ready)
        {
            if (sta.Backlog.Count >= _options.StationBacklog)
            {
                Ic.TxComplete(frame, node, TxStatus.QueueFull);
                return;
            }
            TxBacklogged++;
            sta.Backlog.Enqueue((frame, node, parameters));
            return;
        }
        ToRing(sta, frame, node, h, parameters);
    }

    private void ToRing(IwxStation sta, Packet frame, Ieee80211Node? node, in FrameHeader h, RawTxParams? parameters)
    {
        var ring = sta.Ring;
        int headerLength = h.Length;
        if (headerLength > frame.Length)
        {
            Ic.TxComplete(frame, node, TxStatus.Invalid);
            return;
        }
        var flags = IwxTxCmdFlags.None;
        uint rateNFlags = 0;
        int retries = 0;
        bool management = !h.FrameControl.IsData;
        if (management || !_options.FirmwareRateControl)
        {
            byte rate = parameters is { Rate0: > 0 } p ? p.Rate0
                : frame.Meta.Rate != 0 ? frame.Meta.Rate
                : management ? DriverRates.ManagementRate(Ic, node?.Vap) : node?.TxRate ?? 0;
            if (rate == 0) rate = DriverRates.ManagementRate(Ic, node?.Vap);
            int tries = parameters is { Try0: > 0 } t ? t.Try0 : frame.Meta.MaxRetries != 0 ? frame.Meta.MaxRetries : TxParameters.DefaultMaxRetry + 1;
            if (RateNFlags.TryFromRate(rate, out var rnf))
            {
                rateNFlags = rnf.Value;
                flags |= IwxTxCmdFlags.CmdRate;
                retries = Math.Clamp(tries - 1, 0, 15);
            }
        }
        if (management) flags |= IwxTxCmdFlags.HighPriority;
        // A frame the stack protected in software must not be touched again; with a hardware key loaded
        // the firmware encrypts it (the stack wrote only the CCMP header).
        if (!(h.FrameControl.Protected && sta.HardwareKey)) flags |= IwxTxCmdFlags.EncryptDisable;
        var command = new IwxTxCmd
        {
            Length = (ushort)frame.Length,
            Flags = IwxTxCmd.MakeFlags(flags, retries),
            RateNFlags = rateNFlags,
        };
        int write;
        bool queued;
        try
        {
            queued = ring.TryEnqueue(frame, node, headerLength, command, Ic.Time.GetTimestamp(), out write);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            Log("tx: cannot map frame: " + ex.Message);
            Ic.TxComplete(frame, node, TxStatus.DeviceError);
            return;
        }
        if (!queued)
        {
            Ic.TxComplete(frame, node, ring.IsFull ? TxStatus.QueueFull : TxStatus.Invalid);
            return;
        }
        TxFrames++;
        _mmio!.Write32(IwxCsr.HbusTargWrptr, IwxCsr.WritePointer(ring.QueueId, write));
        ArmWatchdog();
    }

    /// <summary>iwx_rx_tx_cmd: status, retries and final rate of one frame; reclaim up to ssn.</summary>
    private void HandleTxResponse(in IwxRxPacketHeader header, ReadOnlySpan<byte> payload)
    {
        if (!IwxTxResponse.TryRead(payload, out var resp))
        {
            RxMalformed++;
            return;
        }
        int qid = header.Sequence >> 8 & 0x7f, index = header.Sequence & 0xff;
        IwxTxRing? ring = null;
        foreach (var r in _dataRings) if (r is not null && r.QueueId == qid) ring = r;
        if (ring is null || !ring.Holds(index) || !ring.CoversSsn(index, (int)resp.Ssn))
        {
            TxStrayResponses++;
            return;
        }
        var status = resp.Status switch
        {
            IwxTxStatus.Success or IwxTxStatus.DirectDone => TxStatus.Ok,
            IwxTxStatus.FailShortLimit => TxStatus.NoAck,
            IwxTxStatus.FailFlushed or IwxTxStatus.DrainFlow => TxStatus.Flushed,
            _ => TxStatus.DeviceError,
        };
        if (resp.Status == IwxTxStatus.FailNoKey) TxNoKey++;
        byte rate = new RateNFlags(resp.InitialRate).Rate;
        while (ring.TryReclaimNext((int)resp.Ssn, out int i, out var frame, out var node))
        {
            if (i != index)
            {
                TxReclaimedWithoutResponse++;
                Ic.TxComplete(frame, node, TxStatus.DeviceError);
                continue;
            }
            frame.Meta.Retries = resp.FailureFrame;
            if (rate != 0) frame.Meta.Rate = rate;
            if (status is TxStatus.Ok or TxStatus.NoAck) Ic.TapTransmitted(frame);
            Ic.TxComplete(frame, node, status);
        }
        StartTx();
    }

    /// <summary>Protected frames the firmware refused for want of a key.</summary>
    public long TxNoKey { get; private set; }

    /// <summary>Completes every frame the driver holds with <paramref name="status"/> (reset, power-down).</summary>
    private void FlushAllTx(TxStatus status)
    {
        foreach (var ring in _dataRings)
            ring?.DrainAll((_, frame, node) => Ic.TxComplete(frame, node, status));
        if (_sta is { } sta) FailBacklog(sta, status);
        Ic.SendQueue.Flush(p => Ic.TxComplete(p, p.Node as Ieee80211Node, status));
    }

    private void FailBacklog(IwxStation sta, TxStatus status)
    {
        while (sta.Backlog.TryDequeue(out var e)) Ic.TxComplete(e.Frame, e.Node, status);
    }

    /// <summary>The station's queue is configured: what waited goes out now, in order.</summary>
    private void ReleaseBacklog(IwxStation sta)
    {
        while (sta.Ready && sta.Backlog.TryDequeue(out var e))
        {
            if (FrameHeader.TryRead(e.Frame.Data, out var h, out _)) ToRing(sta, e.Frame, e.Node, h, e.Params);
            else Ic.TxComplete(e.Frame, e.Node, TxStatus.Invalid);
        }
        StartTx();
    }
}
