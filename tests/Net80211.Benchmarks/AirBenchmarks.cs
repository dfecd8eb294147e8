using BenchmarkDotNet.Attributes;
using Net80211.Packets;
using Net80211.RadioDrivers.Air;
using Net80211.Scheduling;

namespace Net80211.Benchmarks;

/// <summary>Cost of the simulated air: one error-rate evaluation (the baseline) against simulating
/// saturated traffic, per 100 acknowledged 1500-byte frames.</summary>
[MemoryDiagnoser]
public class AirBenchmarks
{
    private SimulationScheduler _single = null!;
    private Sender _singleSender = null!;
    private SimulationScheduler _contention = null!;
    private Sender[] _contenders = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_single, var senders) = Build(1);
        _singleSender = senders[0];
        (_contention, _contenders) = Build(4);
    }

    private static (SimulationScheduler, Sender[]) Build(int stations)
    {
        var scheduler = new SimulationScheduler(1);
        var pool = new PacketPool();
        var medium = new Medium(scheduler, new MediumOptions { FadingSigmaDb = 1 }, pool);
        var apAddress = MacAddress.Parse("02:00:00:00:00:01");
        var ap = new Sender(pool, apAddress, default);
        ap.Port = medium.Attach("ap", ap, new Position(0, 0));
        ap.Port.FrequencyMhz = 5180;
        var senders = new Sender[stations];
        for (int i = 0; i < stations; i++)
        {
            var s = new Sender(pool, MacAddress.FromUInt64(0x02_00_00_00_01_00UL + (ulong)i), apAddress);
            s.Port = medium.Attach($"sta{i}", s, new Position(5 + i, 3));
            s.Port.FrequencyMhz = 5180;
            s.Fill();
            senders[i] = s;
        }
        scheduler.RunFor(TimeSpan.FromMilliseconds(100)); // warm pools
        return (scheduler, senders);
    }

    [Benchmark(Baseline = true)]
    public double ErrorRateOfdm54() => ErrorRateModel.PacketErrorRate(108, 21.4, 1536);

    private int _flip;

    /// <summary>Alternates between two SINRs so the one-entry CCK cache never hits: the full quadrature.</summary>
    [Benchmark]
    public double ErrorRateCck11() => ErrorRateModel.PacketErrorRate(22, 5.3 + (++_flip & 1) * 0.01, 1536);

    [Benchmark]
    public long SaturatedLink100Frames()
    {
        long target = _singleSender.Acked + 100;
        _single.RunUntil(() => _singleSender.Acked >= target, TimeSpan.FromSeconds(10));
        return _singleSender.Acked;
    }

    [Benchmark]
    public long FourStationContention100Frames()
    {
        long Total()
        {
            long n = 0;
            foreach (var s in _contenders) n += s.Acked;
            return n;
        }
        long target = Total() + 100;
        _contention.RunUntil(() => Total() >= target, TimeSpan.FromSeconds(10));
        return Total();
    }

    private sealed class Sender(PacketPool pool, MacAddress address, MacAddress destination) : IMediumClient
    {
        private static readonly TxDescriptor Descriptor = new(new RateChain(108, 2, 72, 2, 24, 4));
        public MediumPort Port { get; set; } = null!;
        public long Acked { get; private set; }

        public bool AcksFor(MacAddress receiverAddress) => receiverAddress == address;

        public void OnReceive(Packet frame, in AirRxInfo info) => frame.Free();

        public void OnTxDone(Packet frame, in AirTxResult result)
        {
            if (result.Status == AirTxStatus.Acked) Acked++;
            if (result.Status == AirTxStatus.Flushed || !Port.TryEnqueue(frame, Descriptor)) frame.Free();
        }

        public void Fill()
        {
            for (int i = 0; i < 2; i++)
            {
                var p = pool.Rent(1532);
                var f = p.Append(1532);
                f.Clear();
                f[0] = 0x08;
                destination.WriteTo(f[4..]);
                address.WriteTo(f[10..]);
                if (!Port.TryEnqueue(p, Descriptor)) p.Free();
            }
        }
    }
}
