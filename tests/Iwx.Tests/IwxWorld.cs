using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Net80211;
using Net80211.Crypto.Bip;
using Net80211.Crypto.Ccmp;
using Net80211.Frames;
using Net80211.Modules;
using Net80211.Radio;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Hwsim;
using Net80211.RadioDrivers.Iwx;
using Net80211.RadioDrivers.Iwx.Device;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.Scheduling;
using Net80211.StateMachine;
using Net80211.Testing;
using Net80211.Vap;
using Net80211.Vap.RateControl;
using Net80211.Vaps;

namespace Iwx.Tests;

/// <summary>
/// A seeded world in virtual time: a hwsim host AP and an iwx machine (PCI bus, emulated AX200/AX210 with
/// firmware, the iwx driver) on the same air, with a transcript of stack events, driver messages and the
/// management frames on the air.
/// </summary>
internal sealed class IwxWorld
{
    public const string Passphrase = "correct horse battery";
    private readonly Dictionary<MacAddress, string> _names = [];

    public IwxWorld(ulong seed = 1, IwxOptions? options = null, Action<IwxSimulation>? beforeAttach = null,
        IwxDeviceModel model = IwxDeviceModel.AX200, bool withAp = true)
    {
        var services = new ServiceCollection().AddNet80211().AddOpModes().AddAmrr().AddFixedRateControl().AddNoneRateControl()
            .AddHwsim().AddIwx().AddCcmp().AddBip();
        using var provider = services.BuildServiceProvider();
        World = new HwsimWorld(provider.GetRequiredService<ModuleRegistry>(), seed);
        World.Medium.FrameOnAir += (in AirFrameEvent e) => OnAir(e);
        if (withAp) ApRadio = World.AddRadio(new HwsimOptions { Position = new Position(0, 0) }, "hwsim0");
        if (ApRadio is not null) Transcript.Attach(ApRadio.Ic);
        Sim = IwxSimulation.Create("iwx0", World.Scheduler, World.Medium, World.Pool, model, position: new Position(8, 0));
        beforeAttach?.Invoke(Sim);
        AttachFlow = Sim.Attach(World.Modules, World.Pool, options);
        Driver = Sim.Driver!;
        Driver.Ic.Units = World.Units;
        Driver.Ic.Random = new Net80211.Security.DeterministicRandomSource(World.Scheduler.CreateRandom("keys:iwx0"));
        Transcript.Attach(Driver.Ic);
        World.Scheduler.RunUntil(() => AttachFlow.IsCompleted, TimeSpan.FromSeconds(10));
        Name(Driver.Ic.MacAddress, "sta");
    }

    public HwsimWorld World { get; }
    public Transcript Transcript { get; } = new();
    public HwsimRadio? ApRadio { get; }
    public IwxSimulation Sim { get; }
    public IwxFlow AttachFlow { get; }
    public IwxDriver Driver { get; }
    public IwxDevice Device => Sim.Device;
    public Ieee80211Com Ic => Driver.Ic;
    public int Beacons { get; private set; }
    public int BroadcastProbes { get; private set; }

    public void Name(MacAddress address, string name) => _names[address] = name;

    public Ieee80211Vap HostAp(string ssid, int channel = 36, bool wpa = false)
    {
        var radio = ApRadio!;
        var vap = radio.Ic.CreateVap(OpMode.HostAp).Vap!;
        vap.DesiredSsid = System.Text.Encoding.UTF8.GetBytes(ssid);
        vap.DesiredChannel = radio.Ic.Channels.ToArray().Where(c => c.Ieee == channel).OrderByDescending(c => c.IsOfdm).First();
        if (wpa) Wpa(vap);
        Name(vap.MacAddress, "ap");
        World.OnQueue(radio, vap.Up);
        return vap;
    }

    public Ieee80211Vap Station(string ssid, bool wpa = false)
    {
        var result = Ic.CreateVap(OpMode.Sta);
        Assert.True(result.Succeeded, result.Message);
        var vap = result.Vap!;
        vap.DesiredSsid = System.Text.Encoding.UTF8.GetBytes(ssid);
        if (wpa) Wpa(vap);
        OnIwxQueue(vap.Up);
        return vap;
    }

    public static void Wpa(Ieee80211Vap vap)
    {
        vap.Security.AuthMode = Net80211.Security.AuthMode.Wpa;
        vap.Security.Passphrase = Passphrase;
    }

    public void OnIwxQueue(Action action)
    {
        Ic.Queue.Enqueue(action);
        World.Scheduler.RunFor(TimeSpan.Zero);
    }

    /// <summary>An 802.3 frame out of <paramref name="from"/>'s interface.</summary>
    public void Send(Ieee80211Vap from, MacAddress to, int length, byte fill)
    {
        var p = World.Pool.Rent(14 + length);
        var b = p.Append(14 + length);
        to.WriteTo(b);
        from.MacAddress.WriteTo(b[6..]);
        b[12] = 0x08;
        b[13] = 0x00;
        b[14..].Fill(fill);
        from.Ic.Queue.Enqueue(() => from.Interface.Output(p));
        World.Scheduler.RunFor(TimeSpan.Zero);
    }

    /// <summary>Keeps about 8 frames of <paramref name="length"/> bytes in flight from the iwx station to
    /// <paramref name="to"/> (a 1 ms pump on its radio queue) until the returned saturation is disposed.</summary>
    public Saturation Saturate(Ieee80211Vap from, MacAddress to, int length) => new(this, from, to, length);

    public sealed class Saturation : IDisposable
    {
        private readonly IwxWorld _w;
        private readonly Ieee80211Vap _from;
        private readonly MacAddress _to;
        private readonly int _length;
        private readonly Callout _pump;

        internal Saturation(IwxWorld w, Ieee80211Vap from, MacAddress to, int length)
        {
            (_w, _from, _to, _length) = (w, from, to, length);
            _pump = new Callout(from.Ic.Queue);
            w.OnIwxQueue(() => Fill(null));
        }

        /// <summary>Frames handed to the station's interface so far.</summary>
        public int Sent { get; private set; }

        private void Fill(object? _)
        {
            var ic = _from.Ic;
            while (ic.TxSubmitted - ic.TxCompleted < 8)
            {
                var p = _w.World.Pool.Rent(14 + _length);
                var b = p.Append(14 + _length);
                _to.WriteTo(b);
                _from.MacAddress.WriteTo(b[6..]);
                b[12] = 0x08;
                b[13] = 0x00;
                b[14..].Clear();
                _from.Interface.Output(p);   // already on the radio queue
                Sent++;
            }
            _pump.Reset(TimeSpan.FromMilliseconds(1), Fill);
        }

        public void Dispose() => _pump.Stop();
    }

    public static List<byte[]> Capture(Ieee80211Vap vap)
    {
        var into = new List<byte[]>();
        vap.Interface.Receiver = p => { into.Add(p.Data.ToArray()); p.Free(); };
        return into;
    }

    public void RunFor(double seconds) => World.Scheduler.RunFor(TimeSpan.FromSeconds(seconds));
    public bool RunUntil(Func<bool> condition, double seconds) => World.Scheduler.RunUntil(condition, TimeSpan.FromSeconds(seconds));

    public static bool Authorized(Ieee80211Vap ap, Ieee80211Vap sta)
        => sta.Bss is { } b && (b.Flags & Net80211.Nodes.NodeFlags.Authorized) != 0
           && ap.Ic.Nodes.Find(ap, sta.MacAddress) is { } n && (n.Flags & Net80211.Nodes.NodeFlags.Authorized) != 0;

    /// <summary>Every frame handed to the iwx driver came back exactly once.</summary>
    public void AssertTxAccounting()
    {
        Assert.Equal(0, Ic.TxCompleteErrors);
        Assert.Equal(Ic.TxSubmitted, Ic.TxCompleted + Driver.TxInFlight);
    }

    private string N(MacAddress a) => a.IsBroadcast ? "*" : _names.TryGetValue(a, out var n) ? n : a.ToString();

    private void OnAir(in AirFrameEvent e)
    {
        if (e.IsAck) return;
        var f = e.Frame;
        if (!FrameHeader.TryRead(f, out var h, out _)) return;
        var fc = h.FrameControl;
        if (!fc.IsManagement) return;
        var st = fc.ManagementSubtype;
        if (st == ManagementSubtype.Beacon) { Beacons++; return; }
        // A firmware scan's wildcard-addressed probes repeat on every active channel: counted, not listed.
        if (st == ManagementSubtype.ProbeRequest && h.Address1.IsBroadcast) { BroadcastProbes++; return; }
        var body = f[h.Length..];
        string detail = FrameSummary.ManagementDetail(st, body);
        Transcript.Add(TimeSpan.FromTicks(e.StartTicks), Inv($"air {N(h.Address2)} -> {N(h.Address1)} {st}{detail}{(e.Attempt > 1 ? $" attempt={e.Attempt}" : "")}"));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
