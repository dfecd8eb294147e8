using System.Globalization;
using Net80211.Packets;
using Net80211.RadioDrivers.Air;
using Net80211.Rates;
using Net80211.Scheduling;

namespace Net80211.Wlan.Demo;

/// <summary>
/// The air on its own: radios on the simulated medium exchanging saturated unicast traffic, with the
/// medium's figures beside the analytic DCF maximum. Runs in virtual time; the same seed prints the same
/// numbers every time.
/// </summary>
internal static class AirDemo
{
    private const int Msdu = 1500;
    // MAC header + LLC/SNAP + MSDU; the air adds the 4-byte FCS.
    private const int MpduWithoutFcs = 24 + 8 + Msdu;

    public static int Run(TextWriter o, ulong seed, TimeSpan perRun)
    {
        o.WriteLine(Inv($"Net80211 air demo: two simulated radios on channel 36 (5180 MHz), seed {seed}"));
        o.WriteLine(Inv($"saturated unicast of {Msdu}-byte MSDUs, {perRun.TotalSeconds:0.#} s of virtual time per run"));
        o.WriteLine();

        foreach (double distance in new[] { 10.0, 60.0 })
        {
            o.WriteLine(Inv($"link at {distance} m (log-distance path loss, 20 dBm):"));
            o.WriteLine("  rate  SNR dB  frames  acked  retries  goodput Mb/s  analytic Mb/s");
            foreach (byte rate in RateCodes.Ofdm)
            {
                var r = Saturate(seed, rate, distance, perRun);
                o.WriteLine(Inv($"  {rate / 2.0,4}  {r.SnrDb,6:0.0}  {r.Attempted,6}  {r.Acked,5}  {r.Retries,7}  {r.GoodputMbps,12:0.00}  {Analytic(rate),13:0.00}"));
            }
            o.WriteLine();
        }

        var hidden = HiddenNode(seed, perRun);
        o.WriteLine("hidden node: A and C both reach B (SNR 30 dB) but not each other, both saturate B at 24 Mb/s");
        o.WriteLine(Inv($"  goodput {hidden.GoodputMbps:0.00} Mb/s, collisions {hidden.Collisions}, retries {hidden.Retries}, frames dropped {hidden.Dropped}"));
        var visible = HiddenNode(seed, perRun, hearEachOther: true);
        o.WriteLine(Inv($"  same with A and C in range of each other: goodput {visible.GoodputMbps:0.00} Mb/s, collisions {visible.Collisions}"));
        return 0;
    }

    /// <summary>DIFS + mean backoff (CWmin/2 slots) + DATA + SIFS + ACK, for 5 GHz OFDM.</summary>
    public static double Analytic(byte rate)
    {
        var t = DcfTiming.For(5180, shortSlot2Ghz: false);
        double cycle = t.DifsMicroseconds + t.CwMin / 2.0 * t.SlotMicroseconds
            + Airtime.Microseconds(rate, MpduWithoutFcs + 4, 5180) + t.SifsMicroseconds + Airtime.AckMicroseconds(rate, 5180);
        return Msdu * 8 / cycle;
    }

    private readonly record struct RunResult(double SnrDb, long Attempted, long Acked, long Retries, double GoodputMbps, long Collisions, long Dropped);

    private static RunResult Saturate(ulong seed, byte rate, double distance, TimeSpan duration)
    {
        var scheduler = new SimulationScheduler(seed);
        var pool = new PacketPool();
        var medium = new Medium(scheduler, new MediumOptions(), pool);
        var b = new Station(MacAddress.Parse("02:00:00:00:00:0b"));
        var a = new Station(MacAddress.Parse("02:00:00:00:00:0a"));
        var pb = medium.Attach("B", b, new Position(distance, 0));
        var pa = medium.Attach("A", a, new Position(0, 0));
        pa.FrequencyMhz = pb.FrequencyMhz = 5180;
        a.Saturate(pa, pool, b.Address, rate, queued: 4);
        scheduler.RunUntil(duration);
        double snr = medium.ReceivedPowerDbm(pa, pb) - medium.Options.NoiseFloorDbm;
        a.Stop();
        scheduler.RunUntilIdle(TimeSpan.FromSeconds(1));
        return new RunResult(snr, a.Attempted, a.Acked, a.Retries, a.Acked * Msdu * 8 / duration.TotalSeconds / 1e6, medium.Statistics.Collisions, a.Dropped);
    }

    private static RunResult HiddenNode(ulong seed, TimeSpan duration, bool hearEachOther = false)
    {
        var scheduler = new SimulationScheduler(seed);
        var pool = new PacketPool();
        var medium = new Medium(scheduler, new MediumOptions(), pool);
        var b = new Station(MacAddress.Parse("02:00:00:00:00:0b"));
        var a = new Station(MacAddress.Parse("02:00:00:00:00:0a"));
        var c = new Station(MacAddress.Parse("02:00:00:00:00:0c"));
        var pb = medium.Attach("B", b);
        var pa = medium.Attach("A", a);
        var pc = medium.Attach("C", c);
        foreach (var p in new[] { pa, pb, pc }) p.FrequencyMhz = 5180;
        medium.SetLinkSnr(pa, pb, 30);
        medium.SetLinkSnr(pc, pb, 30);
        medium.SetLinkSnr(pa, pc, hearEachOther ? 30 : -30);
        a.Saturate(pa, pool, b.Address, 48, queued: 4);
        c.Saturate(pc, pool, b.Address, 48, queued: 4);
        scheduler.RunUntil(duration);
        a.Stop();
        c.Stop();
        scheduler.RunUntilIdle(TimeSpan.FromSeconds(1));
        return new RunResult(0, a.Attempted + c.Attempted, a.Acked + c.Acked, a.Retries + c.Retries,
            (a.Acked + c.Acked) * Msdu * 8 / duration.TotalSeconds / 1e6, medium.Statistics.Collisions, a.Dropped + c.Dropped);
    }

    /// <summary>A bare radio on the air: ACKs its own address, counts what it gets, and keeps its queue full
    /// by sending each frame again as soon as it comes back (so the run allocates nothing per frame).</summary>
    private sealed class Station(MacAddress address) : IMediumClient
    {
        private MediumPort? _port;
        private TxDescriptor _descriptor;
        private bool _stopped;

        public MacAddress Address { get; } = address;
        public long Attempted, Acked, Retries, Dropped, Received;

        public void Saturate(MediumPort port, PacketPool pool, MacAddress to, byte rate, int queued)
        {
            _port = port;
            _descriptor = new TxDescriptor(RateChain.Single(rate, 7));
            for (int i = 0; i < queued; i++)
            {
                var p = pool.Rent(MpduWithoutFcs);
                var f = p.Append(MpduWithoutFcs);
                f.Clear();
                f[0] = 0x08; f[1] = 0x01;          // data, ToDS
                to.WriteTo(f[4..]);
                Address.WriteTo(f[10..]);
                to.WriteTo(f[16..]);
                Send(p);
            }
        }

        public void Stop() => _stopped = true;

        private void Send(Packet p)
        {
            Attempted++;
            if (!_port!.TryEnqueue(p, _descriptor)) { Dropped++; p.Free(); }
        }

        public bool AcksFor(MacAddress receiverAddress) => receiverAddress == Address;

        public void OnReceive(Packet frame, in AirRxInfo info)
        {
            Received++;
            frame.Free();
        }

        public void OnTxDone(Packet frame, in AirTxResult result)
        {
            Retries += Math.Max(0, result.Attempts - 1);
            if (result.Status == AirTxStatus.Acked) Acked++;
            else Dropped++;
            if (_stopped) frame.Free();
            else Send(frame);
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
