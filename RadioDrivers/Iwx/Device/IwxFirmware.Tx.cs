using System.Buffers.Binary;
using Net80211.Frames;
using Net80211.Packets;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Iwx.Hardware;

namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>
/// TX (docs/iwx-hardware.md §4 "TX command", §7): a data TFD becomes a frame on the air with the driver's rate
/// and retry limit (CMD_RATE) or the firmware's own rate scaling, encrypted in place when a CCM key matches,
/// and comes back as one TX response carrying the retries, the last rate and the queue's new read index.
/// </summary>
internal sealed partial class IwxFirmware
{
    /// <summary>Tries of a frame whose rate the firmware chooses.</summary>
    public const int AutoRateTries = 8;
    /// <summary>First-try successes in a row before the firmware's rate scaling tries the next rate up.</summary>
    public const int RateUpStreak = 10;

    private static readonly byte[] Rates2Ghz = [2, 4, 11, 12, 18, 22, 24, 36, 48, 72, 96, 108];
    private static readonly byte[] Rates5Ghz = [12, 18, 24, 36, 48, 72, 96, 108];

    /// <summary>A frame the firmware handed to the air, until OnTxDone.</summary>
    private struct AirFrame
    {
        public Packet Packet;
        public bool IsProbe;
        public int Generation;
        public int Queue;
        public ushort Sequence;
        public byte Cookie;
        public byte RaTid;
        public uint Ssn;
        public bool AutoRate;
        public MacAddress Receiver;
    }

    private struct RateState
    {
        public int Index;
        public int Streak;
    }

    private readonly List<AirFrame> _onAir = [];
    private readonly Dictionary<MacAddress, RateState> _rates = [];

    private void ResetTx() => _rates.Clear();   // frames already on the air finish; their generation is stale

    private void HandleTxTfd(IwxTxRing ring, int index, ReadOnlySpan<byte> bytes)
    {
        ushort sequence = IwxCommandHeader.MakeSequence(ring.Id, index);
        if (!IwxCommandHeader.TryRead(bytes, out var h) || h.Id != IwxCommandId.TxCmd
            || !IwxTxCmd.TryRead(bytes[IwxCommandHeader.Size..], out var cmd))
        {
            _device.BadTfds++;
            ReplyError(sequence, h.Cookie, h.Id, IwxErrorResponse.WrongQueue);
            return;
        }
        var frame = bytes[(IwxCommandHeader.Size + IwxTxCmd.Size)..];
        if (cmd.Length < 10 || cmd.Length > frame.Length)
        {
            _device.BadTfds++;
            ReplyError(sequence, h.Cookie, h.Id, IwxErrorResponse.Malformed);
            return;
        }
        frame = frame[..cmd.Length];
        var record = new AirFrame
        {
            Generation = _generation,
            Queue = ring.Id,
            Sequence = sequence,
            Cookie = h.Cookie,
            RaTid = IwxTxResponse.MakeRaTid(ring.StaId, ring.Tid),
            Ssn = (uint)((index + 1) % ring.Size),
            Receiver = MacAddress.Read(frame[4..]),
        };

        var fc = new FrameControl(BinaryPrimitives.ReadUInt16LittleEndian(frame));
        IwxCcmp? key = null;
        if (fc.Protected && (cmd.FlagBits & IwxTxCmdFlags.EncryptDisable) == 0)
        {
            key = TxKeyFor(frame);
            if (key is null)
            {
                SendTxResponse(record, IwxTxStatus.FailNoKey, 0, 0, ReadSeqCtl(frame));
                return;
            }
        }

        var packet = _device.Pool.Rent(frame.Length + IwxCcmp.MicLength);
        frame.CopyTo(packet.Append(frame.Length));
        if (key is not null)
        {
            var mic = packet.Append(IwxCcmp.MicLength);
            if (!key.TryEncrypt(packet.Data[..frame.Length], mic))
            {
                packet.Free();
                SendTxResponse(record, IwxTxStatus.FailNoKey, 0, 0, ReadSeqCtl(frame));
                return;
            }
            _device.TxEncrypted++;
        }

        bool group = record.Receiver.IsGroup;
        RateChain chain;
        byte fixedRate = (cmd.FlagBits & IwxTxCmdFlags.CmdRate) != 0 ? new RateNFlags(cmd.RateNFlags).Rate : (byte)0;
        if (fixedRate != 0) chain = RateChain.Single(fixedRate, (byte)(1 + cmd.MaxRetries));
        else if (group || !fc.IsData) chain = RateChain.Single(LowestRate, group ? (byte)1 : (byte)AutoRateTries);
        else
        {
            chain = AutoRateChain(record.Receiver);
            record.AutoRate = true;
        }
        record.Packet = packet;
        if (!_device.Port.TryEnqueue(packet, new TxDescriptor(chain, noAck: group)))
        {
            packet.Free();
            SendTxResponse(record, IwxTxStatus.DrainFlow, 0, 0, ReadSeqCtl(frame));
            return;
        }
        _onAir.Add(record);
        _device.TxFrames++;
    }

    /// <summary>The air finished a frame: a TX response for data, nothing for the firmware's own probes.</summary>
    public void OnAirTxDone(Packet packet, in AirTxResult result)
    {
        int i = _onAir.Count - 1;
        while (i >= 0 && !ReferenceEquals(_onAir[i].Packet, packet)) i--;
        if (i < 0)
        {
            packet.Free();
            return;
        }
        var record = _onAir[i];
        _onAir.RemoveAt(i);
        ushort seqCtl = ReadSeqCtl(packet.Data);
        packet.Free();
        if (record.IsProbe || record.Generation != _generation || !IsRunning) return;

        if (record.AutoRate) UpdateRate(record.Receiver, result);
        var status = result.Status switch
        {
            AirTxStatus.Acked => IwxTxStatus.Success,
            AirTxStatus.SentNoAck => IwxTxStatus.DirectDone,
            AirTxStatus.NotAcked => IwxTxStatus.FailShortLimit,
            _ => IwxTxStatus.FailFlushed,
        };
        ushort airtime = (ushort)Math.Min(ushort.MaxValue, (result.DoneTicks - result.QueuedTicks) / 10);
        SendTxResponse(record, status, Math.Max(0, result.Attempts - 1), result.FinalRate, seqCtl, airtime);
    }

    private void SendTxResponse(in AirFrame record, IwxTxStatus status, int retries, byte rate, ushort seqCtl, ushort airtime = 0)
    {
        var response = new IwxTxResponse
        {
            FrameCount = 1,
            FailureFrame = (byte)Math.Min(retries, byte.MaxValue),
            InitialRate = RateNFlags.TryFromRate(rate, out var r) ? r.Value : 0,
            WirelessMediaTime = airtime,
            RaTid = record.RaTid,
            TxQueue = (ushort)record.Queue,
            Status = status,
            SeqCtl = seqCtl,
            Ssn = record.Ssn,
        };
        Span<byte> b = stackalloc byte[IwxTxResponse.Size];
        response.TryWrite(b);
        _device.TxResponses++;
        _device.NotificationsSent++;
        Send(IwxCommandId.TxCmd, record.Sequence, record.Cookie, b);
    }

    /// <summary>TXPATH_FLUSH: every TFD still waiting in those queues is answered FAIL_FLUSHED, then the status.
    /// Frames already handed to the air finish there.</summary>
    private bool HandleTxPathFlush(in IwxCommandHeader h, ReadOnlySpan<byte> payload)
    {
        if (!IwxTxPathFlushCmd.TryRead(payload, out var cmd)) return false;
        foreach (var ring in _device.TxQueues.DataQueues.ToArray())
        {
            if ((cmd.QueuesCtl & 1u << ring.Id) == 0) continue;
            while (ring.HasWork)
            {
                int index = ring.Read;
                ring.Read = (index + 1) % ring.Size;
                var record = new AirFrame
                {
                    Queue = ring.Id,
                    Sequence = IwxCommandHeader.MakeSequence(ring.Id, index),
                    RaTid = IwxTxResponse.MakeRaTid(ring.StaId, ring.Tid),
                    Ssn = (uint)ring.Read,
                };
                SendTxResponse(record, IwxTxStatus.FailFlushed, 0, 0, 0);
            }
        }
        return RespondStatus(h, IwxStatusResponse.Ok);
    }

    private byte[] BandRates => Airtime.Is2Ghz(_device.Port.FrequencyMhz == 0 ? 2412 : _device.Port.FrequencyMhz) ? Rates2Ghz : Rates5Ghz;

    private byte LowestRate => BandRates[0];

    /// <summary>Firmware rate scaling: the current rate, two below it and the lowest, two tries each.</summary>
    private RateChain AutoRateChain(MacAddress receiver)
    {
        var rates = BandRates;
        if (!_rates.TryGetValue(receiver, out var state)) state = new RateState { Index = rates.Length - 1 };
        int top = Math.Min(state.Index, rates.Length - 1);
        Span<(byte Rate, byte Tries)> stages = stackalloc (byte, byte)[RateChain.MaxStages];
        int n = 0;
        foreach (int candidate in (ReadOnlySpan<int>)[top, top - 1, top - 2, 0])
        {
            if (candidate < 0 || (n > 0 && rates[candidate] >= stages[n - 1].Rate)) continue;
            stages[n++] = (rates[candidate], 2);
        }
        stages[n - 1].Tries = (byte)(AutoRateTries - 2 * (n - 1));
        return RateChain.Create(stages[..n]);
    }

    private void UpdateRate(MacAddress receiver, in AirTxResult result)
    {
        var rates = BandRates;
        if (!_rates.TryGetValue(receiver, out var state)) state = new RateState { Index = rates.Length - 1 };
        if (result.Status == AirTxStatus.NotAcked || result.FinalStage > 0)
        {
            state.Index = Math.Max(0, Math.Min(state.Index, rates.Length - 1) - 1);
            state.Streak = 0;
        }
        else if (result.Attempts == 1 && ++state.Streak >= RateUpStreak)
        {
            state.Index = Math.Min(rates.Length - 1, state.Index + 1);
            state.Streak = 0;
        }
        _rates[receiver] = state;
    }

    private static ushort ReadSeqCtl(ReadOnlySpan<byte> frame) => frame.Length >= 24 ? BinaryPrimitives.ReadUInt16LittleEndian(frame[22..]) : (ushort)0;
}
