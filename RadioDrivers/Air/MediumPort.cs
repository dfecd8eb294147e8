using Net80211.Packets;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Air;

/// <summary>
/// A radio's attachment to the <see cref="Medium"/>: its place, power and channel, and its transmit
/// FIFO with the DCF channel access of IEEE 802.11-2020 10.3 (CSMA/CA with binary exponential
/// backoff, immediate ACK, retries through a rate chain).
/// </summary>
/// <remarks>
/// Not thread-safe: like everything in a simulation, use it from the scheduler's event loop.
/// Events cannot be cancelled, so every armed timer keeps its due time and an armed flag; a firing
/// that no longer matches is stale and ignored.
/// </remarks>
public sealed class MediumPort
{
    private enum DcfState : byte
    {
        /// <summary>Nothing to send.</summary>
        Idle,
        /// <summary>Counting the backoff of the head frame down (or frozen while the medium is busy).</summary>
        Backoff,
        /// <summary>The head frame is on the air.</summary>
        Transmitting,
        /// <summary>The head frame ended; waiting ACKTimeout for its ACK.</summary>
        WaitAck,
        /// <summary>A frame that expects no ACK ended; its completion is reported once receivers have it.</summary>
        Completing,
    }

    private struct Entry
    {
        public Packet Packet;
        public TxDescriptor Descriptor;
        public long QueuedTicks;
    }

    private static readonly Action<object?> BackoffExpiredCallback = static s => ((MediumPort)s!).OnBackoffExpired();
    private static readonly Action<object?> AckTimeoutCallback = static s => ((MediumPort)s!).OnAckTimeout();
    private static readonly Action<object?> SendAckCallback = static s => ((MediumPort)s!).OnSendAck();

    private readonly Medium _medium;
    private readonly SimulationScheduler _scheduler;
    private readonly DeterministicRandom _random;
    private int _frequency;
    private bool _detached;

    private Entry[] _queue = new Entry[16];
    private int _head;
    private int _count;

    // Carrier sense: the medium is idle for this port when no transmission at or above the CCA
    // threshold reaches it and it is neither transmitting nor about to send an ACK.
    internal int BusyCount;
    private bool _txBusy;
    private bool _ackDuty;
    private long _idleSince;

    // DCF state of the head frame.
    private DcfState _state;
    private int _cw = -1;             // -1: CWmin of the band when the first backoff is drawn
    private int _remaining;           // backoff slots still to count
    private long _drawTime;           // counting never starts before the backoff was drawn
    private bool _expiryArmed;
    private long _expiryAt;
    private long _countStart;
    private long _slotTicks;
    private int _stage;
    private int _attempts;
    private const byte RetryBit = 0x08;
    private readonly byte[] _stageAttempts = new byte[RateChain.MaxStages];
    private long _waitSeq;
    private bool _ackTimeoutArmed;
    private long _ackTimeoutAt;

    // The ACK this port owes SIFS after a frame it decoded.
    private readonly byte[] _ackFrame = new byte[Airtime.AckBytes - 4];
    private long _ackDueAt;
    private byte _ackRate;
    private bool _ackShortPreamble;
    private int _ackFrequency;
    private MediumPort? _ackTarget;
    private long _ackForSeq;
    private int _ackAttempt;

    internal MediumPort(Medium medium, int id, int slot, string name, IMediumClient client, Position position, double txPowerDbm, DeterministicRandom random)
    {
        _medium = medium;
        _scheduler = medium.Scheduler;
        _random = random;
        Id = id;
        Slot = slot;
        Name = name;
        Client = client;
        Position = position;
        TxPowerDbm = txPowerDbm;
        _idleSince = _scheduler.NowTicks;
    }

    /// <summary>Unique for the medium's lifetime (slots are reused, ids are not).</summary>
    internal int Id { get; }

    /// <summary>Index into the per-receiver arrays of transmissions.</summary>
    internal int Slot { get; }

    /// <summary>The frame this receiver synchronised to and is decoding, if any.</summary>
    internal Transmission? Lock;

    public string Name { get; }
    public IMediumClient Client { get; }
    public Medium Medium => _medium;
    public bool IsAttached => !_detached;

    /// <summary>Channel centre frequency in MHz. 0 = radio off: hears nothing, sends nothing (frames wait).
    /// Changing it drops a reception in progress; a transmission in progress finishes on the old channel.</summary>
    public int FrequencyMhz
    {
        get => _frequency;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            if (value == _frequency || _detached) { _frequency = value; return; }
            _medium.ChangeFrequency(this, value);
        }
    }

    public Position Position { get; set; }
    public double TxPowerDbm { get; set; }

    /// <summary>Most frames the FIFO takes (the frame in progress included).</summary>
    public int QueueLimit { get; set; } = 256;

    /// <summary>Frames queued, including the one being sent.</summary>
    public int QueueDepth => _count;

    internal bool IsTransmitting => _txBusy;

    internal bool IsMediumIdle => BusyCount == 0 && !_txBusy && !_ackDuty && _frequency != 0 && !_detached;

    private DcfTiming Timing => DcfTiming.For(_frequency, _medium.Options.ShortSlot2Ghz);

    /// <summary>
    /// Queues <paramref name="frame"/> (802.11 header and body, no FCS). True: the medium owns it until
    /// <see cref="IMediumClient.OnTxDone"/>. False: the queue is full or the port detached; the caller keeps it.
    /// </summary>
    public bool TryEnqueue(Packet frame, in TxDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Length < 2) throw new ArgumentException("a frame needs at least its frame control field", nameof(frame));
        var chain = descriptor.Chain;
        if (chain.NextStage(0) < 0) throw new ArgumentException("the rate chain has no tries", nameof(descriptor));
        for (int s = 0; s < RateChain.MaxStages; s++)
        {
            if (chain.Tries(s) > 0 && !Airtime.IsSupported(chain.Rate(s)))
                throw new ArgumentException($"rate {chain.Rate(s)} (500 kb/s units) of stage {s} is not a legacy 802.11 rate", nameof(descriptor));
        }
        if (_detached || _count >= QueueLimit) return false;

        if (_count == _queue.Length)
        {
            // Rare: grow the ring, unrolling it so the head is at 0.
            var bigger = new Entry[_queue.Length * 2];
            for (int i = 0; i < _count; i++) bigger[i] = _queue[(_head + i) % _queue.Length];
            _queue = bigger;
            _head = 0;
        }
        ref var e = ref _queue[(_head + _count) % _queue.Length];
        e.Packet = frame;
        e.Descriptor = descriptor;
        e.QueuedTicks = _scheduler.NowTicks;
        _count++;
        if (_state == DcfState.Idle) StartFrame();
        return true;
    }

    public override string ToString() => Name;

    // ---------------------------------------------------------------- carrier sense

    internal void AddBusy()
    {
        bool was = IsMediumIdle;
        BusyCount++;
        CarrierChanged(was);
    }

    internal void RemoveBusy()
    {
        bool was = IsMediumIdle;
        BusyCount--;
        CarrierChanged(was);
    }

    /// <summary>Freezes the backoff when the medium turns busy, re-arms it when it turns idle.</summary>
    internal void CarrierChanged(bool wasIdle)
    {
        bool idle = IsMediumIdle;
        if (wasIdle == idle) return;
        long now = _scheduler.NowTicks;
        if (!idle)
        {
            Freeze(now);
        }
        else
        {
            _idleSince = now;
            Arm();
        }
    }

    internal void SetFrequencyRaw(int frequencyMhz) => _frequency = frequencyMhz;

    // ---------------------------------------------------------------- DCF (IEEE 802.11-2020 10.3.4.3)

    private void StartFrame()
    {
        ref var e = ref _queue[_head];
        _attempts = 0;
        Array.Clear(_stageAttempts);
        _stage = Math.Max(0, e.Descriptor.Chain.NextStage(0));
        _cw = -1;
        StartBackoff();
    }

    /// <summary>Every attempt draws a backoff uniform in [0, CW] (10.3.3).</summary>
    private void StartBackoff()
    {
        ref var e = ref _queue[_head];
        if (_cw < 0) _cw = e.Descriptor.CwMin ?? Timing.CwMin;
        _remaining = _random.Next(_cw + 1);
        _drawTime = _scheduler.NowTicks;
        _state = DcfState.Backoff;
        _expiryArmed = false;
        Arm();
    }

    /// <summary>The medium is idle: count down from AIFS after the idle period began (or from the draw,
    /// if later) and schedule the slot at which the count reaches zero.</summary>
    private void Arm()
    {
        if (_state != DcfState.Backoff || _expiryArmed || !IsMediumIdle) return;
        var timing = Timing;
        int aifsn = _queue[_head].Descriptor.Aifsn ?? 2;
        long aifs = timing.AifsMicroseconds(aifsn) * 10L;
        _slotTicks = timing.SlotMicroseconds * 10L;
        _countStart = Math.Max(_idleSince + aifs, _drawTime);
        _expiryAt = _countStart + _remaining * _slotTicks;
        _expiryArmed = true;
        _scheduler.Schedule(_expiryAt, BackoffExpiredCallback, this);
    }

    /// <summary>The medium turned busy: keep the slots not yet counted (10.3.4.3). A countdown that
    /// reaches zero at this very instant is not frozen: the port transmits in the same slot (a collision).</summary>
    private void Freeze(long now)
    {
        if (_state != DcfState.Backoff || !_expiryArmed) return;
        if (now >= _expiryAt) return;
        if (now > _countStart) _remaining -= (int)((now - _countStart) / _slotTicks);
        _expiryArmed = false;
    }

    private void OnBackoffExpired()
    {
        if (!_expiryArmed || _scheduler.NowTicks != _expiryAt || _state != DcfState.Backoff) return;
        _expiryArmed = false;
        _remaining = 0;
        // Transmitting an ACK or about to: go when the medium is idle again (CarrierChanged re-arms).
        if (_txBusy || _ackDuty || _frequency == 0 || _detached) return;
        StartAttempt();
    }

    private void StartAttempt()
    {
        ref var e = ref _queue[_head];
        var chain = e.Descriptor.Chain;
        _attempts++;
        _stageAttempts[_stage]++;
        _state = DcfState.Transmitting;
        bool ackRequired = Medium.RequiresAck(e.Packet.Data, e.Descriptor.NoAck);
        // A retransmission carries the Retry bit (IEEE 802.11-2020 9.2.4.1.7), set by the hardware, so the
        // receiver can discard the duplicate if it had the frame but we lost its ACK.
        if (_attempts > 1 && e.Packet.Length >= 2) e.Packet.Data[1] |= RetryBit;
        _medium.BeginTransmission(this, e.Packet, e.Packet.Memory, chain.Rate(_stage), e.Descriptor.ShortPreamble,
            isAck: false, ackRequired, _attempts, ackTarget: null, ackForSeq: 0);
    }

    /// <summary>Half duplex: a port that starts transmitting stops receiving.</summary>
    internal void OnOwnTxStart()
    {
        bool was = IsMediumIdle;
        _txBusy = true;
        Lock = null;
        CarrierChanged(was);
    }

    /// <summary>The head frame left the air. Returns true when it expected no ACK: the medium then calls
    /// <see cref="FinishNoAck"/> after the receivers got their copies.</summary>
    internal bool OnOwnDataEnd(Transmission tx)
    {
        bool was = IsMediumIdle;
        _txBusy = false;
        CarrierChanged(was);
        if (!tx.AckRequired)
        {
            _state = DcfState.Completing;
            return true;
        }
        _state = DcfState.WaitAck;
        _waitSeq = tx.Seq;
        var timing = DcfTiming.For(tx.FrequencyMhz, _medium.Options.ShortSlot2Ghz);
        int ackUs = Airtime.AckMicroseconds(tx.Rate, tx.FrequencyMhz, tx.ShortPreamble);
        _ackTimeoutAt = _scheduler.NowTicks + timing.AckTimeoutMicroseconds(ackUs) * 10L;
        _ackTimeoutArmed = true;
        _scheduler.Schedule(_ackTimeoutAt, AckTimeoutCallback, this);
        return false;
    }

    internal void FinishNoAck()
    {
        if (_detached || _state != DcfState.Completing) return;
        Complete(AirTxStatus.SentNoAck);
    }

    internal void OnAckReceived(long dataSeq)
    {
        if (_state != DcfState.WaitAck || _waitSeq != dataSeq) return;
        _ackTimeoutArmed = false;
        Complete(AirTxStatus.Acked);
    }

    /// <summary>No ACK: retry with a doubled window (CW = 2·CW + 1 up to CWmax, 10.3.3) at the next stage of
    /// the chain once this stage's tries are spent; give up when the chain is exhausted.</summary>
    private void OnAckTimeout()
    {
        if (!_ackTimeoutArmed || _scheduler.NowTicks != _ackTimeoutAt || _state != DcfState.WaitAck) return;
        _ackTimeoutArmed = false;
        ref var e = ref _queue[_head];
        var chain = e.Descriptor.Chain;
        if (_stageAttempts[_stage] >= chain.Tries(_stage))
        {
            int next = chain.NextStage(_stage + 1);
            if (next < 0)
            {
                Complete(AirTxStatus.NotAcked);
                return;
            }
            _stage = next;
        }
        int cwMax = e.Descriptor.CwMax ?? Timing.CwMax;
        _cw = Math.Min(2 * _cw + 1, cwMax);
        StartBackoff();
    }

    /// <summary>Reports the head frame and moves on; CW goes back to CWmin for the next one.</summary>
    private void Complete(AirTxStatus status)
    {
        ref var e = ref _queue[_head];
        var packet = e.Packet;
        var result = new AirTxResult(status, _attempts, _stage, e.Descriptor.Chain.Rate(_stage), _stageAttempts,
            e.QueuedTicks, _scheduler.NowTicks);
        e = default;
        _head = (_head + 1) % _queue.Length;
        _count--;
        _state = DcfState.Idle;
        _cw = -1;
        _expiryArmed = false;
        _ackTimeoutArmed = false;
        Client.OnTxDone(packet, result);
        if (!_detached && _state == DcfState.Idle && _count > 0) StartFrame();
    }

    // ---------------------------------------------------------------- ACK response (10.3, ACK procedure)

    /// <summary>This port decoded a frame it must acknowledge: the ACK goes out SIFS after the frame's end,
    /// without carrier sense; until then the port's own countdown stays frozen.</summary>
    internal void BeginAckDuty(Transmission data, MacAddress receiverAddress)
    {
        if (_ackDuty || _detached) return;
        bool was = IsMediumIdle;
        _ackDuty = true;
        CarrierChanged(was);
        _ackFrame[0] = 0xD4; // type control (1), subtype ACK (13)
        _ackFrame[1] = 0;
        _ackFrame[2] = 0;    // duration 0: no fragment burst follows
        _ackFrame[3] = 0;
        receiverAddress.WriteTo(_ackFrame.AsSpan(4));
        _ackRate = Airtime.ControlResponseRate(data.Rate);
        _ackShortPreamble = data.ShortPreamble;
        _ackFrequency = data.FrequencyMhz;
        _ackTarget = data.Sender;
        _ackForSeq = data.Seq;
        _ackAttempt = data.Attempt;
        var timing = DcfTiming.For(data.FrequencyMhz, _medium.Options.ShortSlot2Ghz);
        _ackDueAt = _scheduler.NowTicks + timing.SifsMicroseconds * 10L;
        _scheduler.Schedule(_ackDueAt, SendAckCallback, this);
    }

    private void OnSendAck()
    {
        if (!_ackDuty || _scheduler.NowTicks != _ackDueAt) return;
        // The ACK is the hardware's answer within SIFS, on the channel the frame came in on: a retune the
        // host requested meanwhile takes longer than SIFS, so it does not stop the ACK.
        if (_txBusy || _detached || _frequency == 0)
        {
            bool was = IsMediumIdle;
            _ackDuty = false;
            _ackTarget = null;
            CarrierChanged(was);
            return;
        }
        var target = _ackTarget;
        _ackTarget = null;
        _medium.BeginTransmission(this, null, _ackFrame, _ackRate, _ackShortPreamble, isAck: true, ackRequired: false,
            _ackAttempt, target, _ackForSeq, _ackFrequency);
        _ackDuty = false; // still busy: the ACK itself is on the air now
    }

    internal void OnOwnAckEnd()
    {
        bool was = IsMediumIdle;
        _txBusy = false;
        CarrierChanged(was);
    }

    /// <summary>Own transmission taken off the air because the port is leaving.</summary>
    internal void OnOwnTxAborted() => _txBusy = false;

    // ---------------------------------------------------------------- detach

    /// <summary>Stops everything and returns every queued frame, the one in progress first, as Flushed.</summary>
    internal void DetachAndFlush()
    {
        _detached = true;
        _expiryArmed = false;
        _ackTimeoutArmed = false;
        _ackDuty = false;
        _ackTarget = null;
        _txBusy = false;
        Lock = null;
        BusyCount = 0;
        bool first = _state != DcfState.Idle;
        while (_count > 0)
        {
            if (!first)
            {
                // Frames behind the head never started: report them with no attempts.
                _attempts = 0;
                Array.Clear(_stageAttempts);
                _stage = Math.Max(0, _queue[_head].Descriptor.Chain.NextStage(0));
            }
            first = false;
            _state = DcfState.Completing;
            Complete(AirTxStatus.Flushed);
        }
        _state = DcfState.Idle;
    }
}
