using Net80211.Packets;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Air;

/// <summary>
/// The simulated air, in the spirit of Linux wmediumd and ns-3's YansWifiChannel/InterferenceHelper:
/// ports on a frequency hear each other's transmissions at a power given by path loss (or an explicit
/// per-link SNR), carrier sense freezes their DCF backoff, overlapping transmissions add up as
/// interference, and each receiver decodes a frame with the probability the error rate model gives for
/// its SINR. Unicast data and management frames are acknowledged by the port that claims addr1, with a
/// real ACK transmission. Everything runs in the scheduler's virtual time; randomness comes from the
/// scheduler's seed, so a seed determines the run. See docs/air-model.md.
/// </summary>
public sealed class Medium
{
    private static readonly Action<object?> EndCallback = static s =>
    {
        var tx = (Transmission)s!;
        tx.Medium.EndTransmission(tx);
    };

    private readonly PacketPool? _pool;
    private readonly DeterministicRandom _random;
    private readonly double _noiseMw;
    private MediumPort?[] _slots = new MediumPort?[8];
    private int _slotCount;
    private readonly Stack<int> _freeSlots = new();
    private readonly List<Transmission> _active = [];
    private readonly Stack<Transmission> _txPool = new();
    private readonly List<Transmission> _allTx = [];
    private readonly Dictionary<long, double> _linkSnr = [];
    private int _nextPortId;
    private long _txSeq;

    /// <param name="scheduler">The world's event loop and seed.</param>
    /// <param name="options">Radio environment; defaults when null.</param>
    /// <param name="pool">Pool for the copies receivers get; null = the pool of the frame being sent.</param>
    public Medium(SimulationScheduler scheduler, MediumOptions? options = null, PacketPool? pool = null)
    {
        Scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        Options = options ?? new MediumOptions();
        _pool = pool;
        _random = scheduler.CreateRandom(Options.RandomStream);
        _noiseMw = DbmToMw(Options.NoiseFloorDbm);
        Statistics = new MediumStatistics(() => Scheduler.NowTicks);
    }

    public SimulationScheduler Scheduler { get; }
    public MediumOptions Options { get; }
    public MediumStatistics Statistics { get; }

    /// <summary>Every transmission, ACKs included, at its end (for captures and transcripts).
    /// Handlers must not keep the frame span beyond the call.</summary>
    public event AirFrameHandler? FrameOnAir;

    /// <summary>Fault injection, as wmediumd's per-link loss: return true to make <c>receiver</c> fail to
    /// decode this frame from <c>sender</c> (so no ACK comes back and the sender retries). Frame bytes
    /// are valid only during the call.</summary>
    public Func<MediumPort, MediumPort, ReadOnlyMemory<byte>, bool>? LossFilter { get; set; }

    /// <summary>Connects a radio. The port starts with frequency 0 (off); set <see cref="MediumPort.FrequencyMhz"/>.</summary>
    public MediumPort Attach(string name, IMediumClient client, Position position = default, double txPowerDbm = 20)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(client);
        int slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _slotCount++;
        if (slot >= _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
            foreach (var t in _allTx) t.EnsureCapacity(_slots.Length);
        }
        int id = _nextPortId++;
        // Each port draws its backoffs from its own stream so adding a port does not shift the others.
        var random = Scheduler.CreateRandom($"{Options.RandomStream}/port{id}/{name}");
        var port = new MediumPort(this, id, slot, name, client, position, txPowerDbm, random);
        _slots[slot] = port;
        foreach (var t in _active) t.ClearSlot(slot);
        return port;
    }

    /// <summary>Disconnects a port: its transmission in progress (frame or ACK) is taken off the air and
    /// every frame it still holds comes back through OnTxDone with <see cref="AirTxStatus.Flushed"/>.</summary>
    public void Detach(MediumPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        if (port.Medium != this) throw new ArgumentException("port belongs to another medium", nameof(port));
        if (!port.IsAttached) return;
        for (int k = _active.Count - 1; k >= 0; k--)
        {
            if (_active[k].Sender == port) Abort(_active[k]);
        }
        int slot = port.Slot;
        foreach (var t in _active) t.ClearSlot(slot);
        _slots[slot] = null;
        _freeSlots.Push(slot);
        if (_linkSnr.Count > 0)
        {
            foreach (long key in _linkSnr.Keys.ToArray())
            {
                if ((int)(key >> 32) == port.Id || (int)key == port.Id) _linkSnr.Remove(key);
            }
        }
        port.DetachAndFlush();
    }

    /// <summary>Pins the SNR from <paramref name="from"/> to <paramref name="to"/> (received power = noise
    /// floor + SNR, whatever the distance and power); null goes back to path loss.</summary>
    public void SetLinkSnr(MediumPort from, MediumPort to, double? snrDb, bool symmetric = true)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        Set(from, to, snrDb);
        if (symmetric) Set(to, from, snrDb);

        void Set(MediumPort a, MediumPort b, double? snr)
        {
            long key = LinkKey(a, b);
            if (snr is double v) _linkSnr[key] = v;
            else _linkSnr.Remove(key);
        }
    }

    /// <summary>Power at which <paramref name="to"/> receives <paramref name="from"/> on
    /// <paramref name="frequencyMhz"/> (0 = the sender's frequency, else the receiver's, else 2412).</summary>
    public double ReceivedPowerDbm(MediumPort from, MediumPort to, int frequencyMhz = 0)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (frequencyMhz <= 0) frequencyMhz = from.FrequencyMhz > 0 ? from.FrequencyMhz : to.FrequencyMhz > 0 ? to.FrequencyMhz : 2412;
        return LinkPowerDbm(from, to, frequencyMhz);
    }

    private double LinkPowerDbm(MediumPort from, MediumPort to, int frequencyMhz)
    {
        if (_linkSnr.Count > 0 && _linkSnr.TryGetValue(LinkKey(from, to), out double snr)) return Options.NoiseFloorDbm + snr;
        double distance = from.Position.DistanceTo(to.Position);
        return from.TxPowerDbm - PathLoss.LogDistanceDb(distance, frequencyMhz, Options.PathLossExponent);
    }

    private static long LinkKey(MediumPort from, MediumPort to) => ((long)from.Id << 32) | (uint)to.Id;

    private static double DbmToMw(double dbm) => Math.Pow(10, dbm / 10);

    /// <summary>Whether a frame expects an immediate ACK: unicast data or management (frame control type
    /// 0 or 2, IEEE 802.11-2020 9.2.4.1.3) with an individual addr1, unless the sender asked for no ACK.</summary>
    internal static bool RequiresAck(ReadOnlySpan<byte> frame, bool noAck)
    {
        if (noAck || frame.Length < 10) return false;
        int type = (frame[0] >> 2) & 3;
        if (type is 1 or 3) return false;  // control and extension frames are never acknowledged
        return (frame[4] & 1) == 0;        // I/G bit of addr1
    }

    // ---------------------------------------------------------------- transmissions

    internal void BeginTransmission(MediumPort sender, Packet? packet, ReadOnlyMemory<byte> frame, byte rate, bool shortPreamble,
        bool isAck, bool ackRequired, int attempt, MediumPort? ackTarget, long ackForSeq, int frequencyMhz = 0)
    {
        long now = Scheduler.NowTicks;
        int freq = frequencyMhz > 0 ? frequencyMhz : sender.FrequencyMhz;
        var tx = _txPool.Count > 0 ? _txPool.Pop() : NewTransmission();
        tx.Seq = ++_txSeq;
        tx.Sender = sender;
        tx.FrequencyMhz = freq;
        tx.Start = now;
        tx.End = now + Airtime.Ticks(rate, frame.Length + 4, freq, shortPreamble);
        tx.Rate = rate;
        tx.ShortPreamble = shortPreamble;
        tx.IsAck = isAck;
        tx.AckRequired = ackRequired;
        tx.Attempt = attempt;
        tx.Packet = packet;
        tx.Frame = frame;
        tx.AckTarget = ackTarget;
        tx.AckForSeq = ackForSeq;
        tx.Overlapped = false;
        tx.Aborted = false;
        if (isAck) Statistics.Acks++;
        else Statistics.Transmissions++;

        sender.OnOwnTxStart();

        for (int i = 0; i < _slotCount; i++)
        {
            tx.ClearSlot(i);
            var p = _slots[i];
            if (p is null || p == sender || p.FrequencyMhz != freq) continue;
            double dbm = LinkPowerDbm(sender, p, freq);
            tx.RxDbm[i] = dbm;
            tx.RxMw[i] = DbmToMw(dbm);
        }

        // Every pair of overlapping transmissions interferes with each other at every receiver, for
        // the whole frame (a conservative sum, as wmediumd does; ns-3 integrates chunk by chunk).
        foreach (var other in _active)
        {
            if (other.FrequencyMhz != freq) continue;
            tx.Overlapped = true;
            other.Overlapped = true;
            for (int i = 0; i < _slotCount; i++)
            {
                tx.InterferenceMw[i] += other.RxMw[i];
                other.InterferenceMw[i] += tx.RxMw[i];
            }
        }
        _active.Add(tx);
        Statistics.BusyStart(freq, now);

        double cca = Options.CcaThresholdDbm, sensitivity = Options.RxSensitivityDbm;
        for (int i = 0; i < _slotCount; i++)
        {
            var p = _slots[i];
            if (p is null || p == sender || p.FrequencyMhz != freq) continue;
            // A receiver synchronises to the first preamble it detects and decodes only that frame;
            // later frames are interference to it (no frame capture).
            if (tx.RxDbm[i] >= sensitivity && p.Lock is null && !p.IsTransmitting) p.Lock = tx;
            if (tx.RxDbm[i] >= cca)
            {
                tx.Sensed[i] = true;
                p.AddBusy();
            }
        }
        Scheduler.Schedule(tx.End, EndCallback, tx);
    }

    private Transmission NewTransmission()
    {
        var tx = new Transmission(this, _slots.Length);
        _allTx.Add(tx);
        return tx;
    }

    private void Abort(Transmission tx)
    {
        tx.Aborted = true;
        _active.Remove(tx);
        Statistics.BusyEnd(tx.FrequencyMhz, Scheduler.NowTicks);
        for (int i = 0; i < _slotCount; i++)
        {
            var p = _slots[i];
            if (p is null) continue;
            if (p.Lock == tx) p.Lock = null;
            if (tx.Sensed[i])
            {
                tx.Sensed[i] = false;
                p.RemoveBusy();
            }
        }
        tx.Sender.OnOwnTxAborted();
    }

    private void Recycle(Transmission tx)
    {
        tx.Packet = null;
        tx.Frame = default;
        tx.Sender = null!;
        tx.AckTarget = null;
        _txPool.Push(tx);
    }

    internal void ChangeFrequency(MediumPort port, int frequencyMhz)
    {
        bool was = port.IsMediumIdle;
        port.SetFrequencyRaw(frequencyMhz);
        port.Lock = null;
        int slot = port.Slot;
        foreach (var tx in _active)
        {
            if (tx.Sensed[slot]) port.BusyCount--;
            if (tx.Sender == port) continue;
            tx.ClearSlot(slot);
            if (frequencyMhz == 0 || tx.FrequencyMhz != frequencyMhz) continue;
            // Tuning in mid-frame: the rest of the frame counts for carrier sense and as interference.
            double dbm = LinkPowerDbm(tx.Sender, port, frequencyMhz);
            tx.RxDbm[slot] = dbm;
            tx.RxMw[slot] = DbmToMw(dbm);
            if (dbm >= Options.CcaThresholdDbm)
            {
                tx.Sensed[slot] = true;
                port.BusyCount++;
            }
        }
        port.CarrierChanged(was);
    }

    /// <summary>Hands each receiver that decoded <paramref name="tx"/> its copy.</summary>
    private void DeliverCopies(Transmission tx)
    {
            for (int i = 0; i < _slotCount; i++)
            {
                var copy = tx.Copies[i];
                if (copy is null) continue;
                var receiver = tx.Receivers[i]!;
                tx.Copies[i] = null;
                tx.Receivers[i] = null;
                if (!receiver.IsAttached)
                {
                    copy.Free();
                    continue;
                }
                copy.Meta.FrequencyMhz = (ushort)tx.FrequencyMhz;
                copy.Meta.Rate = tx.Rate;
                copy.Meta.RssiDbm = (sbyte)Math.Clamp(Math.Round(tx.SignalDbm[i]), sbyte.MinValue, sbyte.MaxValue);
                copy.Meta.NoiseDbm = (sbyte)Math.Clamp(Math.Round(Options.NoiseFloorDbm), sbyte.MinValue, sbyte.MaxValue);
                if (tx.ShortPreamble) copy.Meta.Flags |= PacketFlags.ShortPreamble;
                var info = new AirRxInfo
                {
                    FrequencyMhz = tx.FrequencyMhz,
                    Rate = tx.Rate,
                    SignalDbm = tx.SignalDbm[i],
                    NoiseDbm = Options.NoiseFloorDbm,
                    SnrDb = tx.SinrDb[i],
                    ShortPreamble = tx.ShortPreamble,
                    StartTicks = tx.Start,
                    EndTicks = tx.End,
                };
                Statistics.Receptions++;
                receiver.Client.OnReceive(copy, info);
            }
    }

    private void EndTransmission(Transmission tx)
    {
        if (tx.Aborted)
        {
            Recycle(tx);
            return;
        }
        long now = Scheduler.NowTicks;
        _active.Remove(tx);
        Statistics.BusyEnd(tx.FrequencyMhz, now);
        var sender = tx.Sender;

        // Release carrier sense first: countdowns resume from this instant.
        for (int i = 0; i < _slotCount; i++)
        {
            if (!tx.Sensed[i]) continue;
            tx.Sensed[i] = false;
            _slots[i]?.RemoveBusy();
        }

        var frame = tx.Frame.Span;
        bool group = frame.Length >= 10 && (frame[4] & 1) != 0;
        var addr1 = frame.Length >= 10 ? MacAddress.Read(frame[4..]) : default;
        MediumPort? acker = null;
        bool delivered = false;
        double fadingSigma = Options.FadingSigmaDb;
        double interferenceFloor = 0.1 * _noiseMw;
        int bytes = frame.Length + 4;

        for (int i = 0; i < _slotCount; i++)
        {
            var p = _slots[i];
            tx.Decoded[i] = false;
            if (p is null) continue;
            bool locked = p.Lock == tx;
            if (locked) p.Lock = null;
            if (p == sender || p.FrequencyMhz != tx.FrequencyMhz) continue;

            bool ok = false;
            if (locked)
            {
                double signal = tx.RxDbm[i];
                if (fadingSigma > 0) signal += fadingSigma * _random.NextGaussian();
                double sinrDb = 10 * Math.Log10(DbmToMw(signal) / (_noiseMw + tx.InterferenceMw[i]));
                double per = ErrorRateModel.PacketErrorRate(tx.Rate, sinrDb, bytes);
                ok = per <= 0 || (per < 1 && _random.NextDouble() >= per);
                if (ok && LossFilter is { } lose && lose(sender, p, tx.Frame))
                {
                    ok = false;
                    Statistics.InjectedLosses++;
                }
                tx.SignalDbm[i] = signal;
                tx.SinrDb[i] = sinrDb;
            }
            tx.Decoded[i] = ok;

            bool addressed = tx.IsAck ? p == tx.AckTarget
                : frame.Length >= 10 && (group || p.Client.AcksFor(addr1));
            if (addressed)
            {
                if (ok)
                {
                    delivered = true;
                    Statistics.Delivered++;
                }
                else if (tx.InterferenceMw[i] >= interferenceFloor || (!locked && tx.RxDbm[i] >= Options.RxSensitivityDbm))
                {
                    Statistics.Collisions++;
                }
                else
                {
                    Statistics.LostToNoise++;
                }
            }
            if (!ok) continue;
            if (tx.AckRequired && acker is null && addressed) acker = p;
            // Copy now, while the sender's packet is certainly still ours.
            tx.Copies[i] = (_pool ?? tx.Packet!.Pool).Rent(frame);
            tx.Receivers[i] = p;
        }
        if (!delivered && group && !tx.IsAck)
        {
            for (int i = 0; i < _slotCount && !delivered; i++) delivered = tx.Decoded[i];
        }

        FrameOnAir?.Invoke(new AirFrameEvent(tx.Frame, sender, tx.FrequencyMhz, tx.Rate, tx.ShortPreamble, tx.Start, tx.End,
            tx.IsAck, tx.Attempt, tx.Overlapped, delivered));

        if (tx.IsAck)
        {
            sender.OnOwnAckEnd();
            var target = tx.AckTarget;
            if (target is not null && target.IsAttached && tx.Decoded[target.Slot]) target.OnAckReceived(tx.AckForSeq);
            // Everyone who decoded the ACK gets it too, as a monitor-mode receiver would.
            DeliverCopies(tx);
            Recycle(tx);
            return;
        }

        bool completeNow = sender.OnOwnDataEnd(tx);
        if (acker is not null)
        {
            var ra = frame.Length >= 16 ? MacAddress.Read(frame[10..]) : default;
            acker.BeginAckDuty(tx, ra);
        }
        DeliverCopies(tx);
        if (completeNow) sender.FinishNoAck();
        Recycle(tx);
    }
}
