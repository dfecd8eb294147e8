using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Net80211.Crypto.Ccmp;
using Net80211.DataPath;
using Net80211.Modules;
using Net80211.Radio;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Hwsim;
using Net80211.RadioDrivers.Iwx;
using Net80211.Scheduling;
using Net80211.StateMachine;
using Net80211.Vap;
using Net80211.Vap.RateControl;
using Net80211.Vaps;

namespace Net80211.Benchmarks;

/// <summary>What the Intel driver and its emulated card cost per frame next to hwsim: 100 saturated 1500-byte
/// frames from a station to a WPA2 AP, the station on hwsim (the baseline) or on iwx (TFD rings, DMA maps,
/// interrupts, firmware CCMP), both in virtual time.</summary>
[MemoryDiagnoser]
public class DriverBenchmarks
{
    private Link _hwsim = null!;
    private Link _iwx = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hwsim = Link.Join(iwx: false);
        _iwx = Link.Join(iwx: true);
    }

    [Benchmark(Baseline = true)]
    public long HwsimStation100Frames() => _hwsim.Send(100);

    [Benchmark]
    public long IwxStation100Frames() => _iwx.Send(100);

    private sealed class Link
    {
        private HwsimWorld _world = null!;
        private Ieee80211Com _staIc = null!;
        private Ieee80211Vap _sta = null!;
        private MacAddress _apAddress;
        private long _delivered;

        public static Link Join(bool iwx)
        {
            var services = new ServiceCollection().AddNet80211().AddOpModes().AddAmrr().AddHwsim().AddIwx().AddCcmp();
            using var provider = services.BuildServiceProvider();
            var link = new Link { _world = new HwsimWorld(provider.GetRequiredService<ModuleRegistry>(), seed: 1) };
            var world = link._world;
            var apRadio = world.AddRadio(new HwsimOptions { Position = new Position(0, 0) });
            link._staIc = iwx
                ? world.AddIwx("iwx0", position: new Position(5, 0)).Driver!.Ic
                : world.AddRadio(new HwsimOptions { Position = new Position(5, 0) }).Ic;
            var ap = apRadio.Ic.CreateVap(OpMode.HostAp).Vap!;
            ap.DesiredSsid = "bench"u8.ToArray();
            ap.DesiredChannel = apRadio.Ic.Channels.ToArray().First(c => c.Ieee == 36);
            var sta = link._staIc.CreateVap(OpMode.Sta).Vap!;
            sta.DesiredSsid = ap.DesiredSsid;
            foreach (var v in new[] { ap, sta })
            {
                v.Security.AuthMode = Security.AuthMode.Wpa;
                v.Security.Passphrase = "correct horse battery";
            }
            apRadio.Ic.Queue.Enqueue(ap.Up);
            link._staIc.Queue.Enqueue(sta.Up);
            if (!world.Scheduler.RunUntil(() => sta.State == Ieee80211State.Run && sta.Bss is { } b
                    && (b.Flags & Nodes.NodeFlags.Authorized) != 0, TimeSpan.FromSeconds(30)))
                throw new InvalidOperationException("the benchmark station did not join");
            ap.Interface.Receiver = p => { link._delivered++; p.Free(); };
            link._sta = sta;
            link._apAddress = ap.MacAddress;
            link.Send(200);   // warm: pools, rings, rate control
            return link;
        }

        /// <summary>Runs until <paramref name="frames"/> more reached the AP, with the station's queue kept at
        /// 8 frames by a 1 ms pump on its radio queue.</summary>
        public long Send(int frames)
        {
            long target = _delivered + frames;
            _pump ??= new Callout(_staIc.Queue);
            _pump.Reset(TimeSpan.Zero, Tick, this);
            _world.Scheduler.RunUntil(() => _delivered >= target, TimeSpan.FromSeconds(10));
            _pump.Stop();
            return _delivered;
        }

        private Callout? _pump;
        private static readonly Action<object?> Tick = static s => ((Link)s!).Fill();

        private void Fill()
        {
            while (_staIc.TxSubmitted - _staIc.TxCompleted < 8) OneFrame();
            _pump!.Schedule(TimeSpan.FromMilliseconds(1));
        }

        private void OneFrame()
        {
            var p = _world.Pool.Rent(EthernetHeader.Length + 1500);
            EthernetHeader.Write(p.Append(EthernetHeader.Length + 1500), _apAddress, _sta.MacAddress, EthernetHeader.EtherTypeIPv4);
            _sta.Interface.Output(p);
        }
    }
}
