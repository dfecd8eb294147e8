using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Net80211.Channels;
using Net80211.Crypto.Bip;
using Net80211.Crypto.Ccmp;
using Net80211.Crypto.Gcmp;
using Net80211.Crypto.Tkip;
using Net80211.Crypto.Wep;
using Net80211.Modules;
using Net80211.Radio;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Hwsim;
using Net80211.RadioDrivers.Iwx;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.Scheduling;
using Net80211.Security;
using Net80211.Vap;
using Net80211.Vap.RateControl;
using Net80211.Vaps;
using Net80211.Wlan.Management.Ifconfig;

namespace Net80211.Wlan.Management.Host;

/// <summary>
/// The in-process "kernel" behind the management commands: a simulated world built from a
/// <see cref="WorldDescription"/> (the user's radios plus simulated APs and stations on their own radios),
/// and the means to run work on it. The scheduler runs either in virtual time, advanced only by
/// <see cref="RunFor"/> and by waiting commands (tests), or in real time on a background thread
/// (<see cref="StartRealTime"/>, the daemon). Work on the stack goes through <see cref="InvokeAsync{T}"/>.
/// </summary>
public sealed class WlanHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<UserRadio> _radios = [];
    private readonly List<HwsimRadio> _peers = [];
    private readonly Lock _virtualLock = new();
    private readonly ConditionalWeakTable<Ieee80211Vap, VapExtras> _extras = new();
    private Thread? _thread;
    private CancellationTokenSource? _stop;
    private double _speed = 1;

    public WlanHost(WorldDescription? description = null)
    {
        Description = description ?? WorldDescription.Default;
        if (Description.Validate() is { } error) throw new ArgumentException(error, nameof(description));
        _services = CreateServices();
        World = new HwsimWorld(_services.GetRequiredService<ModuleRegistry>(), Description.Seed);
        foreach (var r in Description.Radios) _radios.Add(AddUserRadio(r));
        int n = 0;
        foreach (var ap in Description.AccessPoints) AddPeer(OpMode.HostAp, "ap" + n++.ToString(System.Globalization.CultureInfo.InvariantCulture), ap.Ssid, ap.Channel, ap.Security, ap.Passphrase, ap.X, ap.Y);
        n = 0;
        foreach (var sta in Description.Stations) AddPeer(OpMode.Sta, "sta" + n++.ToString(System.Globalization.CultureInfo.InvariantCulture), sta.Ssid, 0, sta.Security, sta.Passphrase, sta.X, sta.Y);
    }

    /// <summary>Every module the CLI offers: the opmodes, AMRR and fixed rate control, the hwsim and iwx drivers,
    /// all ciphers. The host and the demo run on the same set.</summary>
    public static ServiceProvider CreateServices() => new ServiceCollection()
        .AddNet80211().AddOpModes().AddAmrr().AddFixedRateControl().AddHwsim().AddIwx()
        .AddCcmp().AddGcmp().AddTkip().AddWep().AddBip()
        .BuildServiceProvider();

    public WorldDescription Description { get; }
    public HwsimWorld World { get; }
    public SimulationScheduler Scheduler => World.Scheduler;
    /// <summary>The radios the user manages (ifconfig wlandev, net.wlan.devices).</summary>
    public IReadOnlyList<UserRadio> Radios => _radios;
    /// <summary>The radios of the simulated peers (not visible to ifconfig).</summary>
    public IReadOnlyList<HwsimRadio> PeerRadios => _peers;
    public bool IsRealTime => _thread is not null;
    /// <summary>net.wlan.debug: stored, shown, not acted on.</summary>
    public int Debug { get; set; }
    /// <summary>How long a waiting command (scan) may take, in virtual time.</summary>
    public TimeSpan WaitLimit { get; set; } = TimeSpan.FromSeconds(15);

    public UserRadio? FindRadio(string name) => _radios.Find(r => r.Ic.Name == name);

    /// <summary>The user's VAPs on every user radio, by unit.</summary>
    public IReadOnlyList<Ieee80211Vap> Vaps => [.. _radios.SelectMany(r => r.Ic.Vaps).OrderBy(v => v.Unit)];

    public Ieee80211Vap? FindVap(string name)
    {
        foreach (var r in _radios)
            if (r.Ic.FindVap(name) is { } v) return v;
        return null;
    }

    public UserRadio RadioOf(Ieee80211Vap vap) => _radios.Find(r => r.Ic == vap.Ic) ?? throw new ArgumentException($"{vap.Name} is not on a user radio", nameof(vap));

    /// <summary>Settings ifconfig stores that the stack does not model (txpower, powersave).</summary>
    public VapExtras Extras(Ieee80211Vap vap) => _extras.GetValue(vap, static _ => new VapExtras());

    /// <summary>Virtual time only: run the world for <paramref name="duration"/>.</summary>
    public void RunFor(TimeSpan duration)
    {
        if (IsRealTime) throw new InvalidOperationException("the scheduler runs in real time");
        lock (_virtualLock) Scheduler.RunFor(duration);
    }

    /// <summary>Runs the scheduler against the wall clock (scaled by <paramref name="speed"/>) on a
    /// background thread until <see cref="Dispose"/>.</summary>
    public void StartRealTime(double speed = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        if (_thread is not null) return;
        _speed = speed;
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        _thread = new Thread(() => Scheduler.RunRealTime(token, speed)) { IsBackground = true, Name = "wlan-scheduler" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on <paramref name="queue"/> (a radio's, so the stack's
    /// single-thread rule holds) and returns its result. In virtual time the world runs the work at the
    /// current instant before this returns; in real time the scheduler thread picks it up.</summary>
    public Task<T> InvokeAsync<T>(IWorkQueue queue, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(work);
        var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Action run = () =>
        {
            try { tcs.SetResult(work()); }
            catch (Exception ex) { tcs.SetException(ex); }
        };
        // Posted through the scheduler (locked), which hands it to the radio's queue from the loop thread:
        // a queue's own Enqueue from a foreign thread can race with its drain and strand the item.
        Scheduler.Schedule(Scheduler.NowTicks, static s => { var (q, a) = ((IWorkQueue, Action))s!; q.Enqueue(a); }, (queue, run));
        if (!IsRealTime)
            lock (_virtualLock) Scheduler.RunFor(TimeSpan.Zero);
        return tcs.Task;
    }

    /// <summary>As <see cref="InvokeAsync{T}(IWorkQueue, Func{T})"/> on the first user radio's queue
    /// (every radio of the world runs on the one scheduler thread).</summary>
    public Task<T> InvokeAsync<T>(Func<T> work) => InvokeAsync(_radios[0].Ic.Queue, work);

    /// <summary>Waits until <paramref name="condition"/> (evaluated on <paramref name="queue"/>) holds, at most
    /// <paramref name="limit"/> of virtual time. True when it held.</summary>
    /// <remarks>In real time the deadline is judged by the virtual instant at which the condition was evaluated,
    /// read in the same work item: on a busy machine the answer can reach this thread long after the scheduler
    /// ran it (thread-pool or CPU starvation), and by then the clock may be past the deadline although the
    /// condition was last seen well before it and has come true since. The wall-clock guard only covers a
    /// scheduler that does not run at all, so it is generous.</remarks>
    public async Task<bool> WaitUntilAsync(IWorkQueue queue, Func<bool> condition, TimeSpan limit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (!IsRealTime)
        {
            lock (_virtualLock) return Scheduler.RunUntil(condition, limit);
        }
        var end = Scheduler.Now + limit;
        var wallEnd = DateTime.UtcNow + TimeSpan.FromTicks((long)(limit.Ticks / _speed)) + WallSlack;
        while (true)
        {
            var (held, at) = await InvokeAsync(queue, () => (condition(), Scheduler.Now)).ConfigureAwait(false);
            if (held) return true;
            if (at >= end || DateTime.UtcNow >= wallEnd) return false;
            await Task.Delay(20, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>How much longer than the scaled limit a real-time wait may take in wall time.</summary>
    private static readonly TimeSpan WallSlack = TimeSpan.FromSeconds(10);

    public void Dispose()
    {
        if (_stop is not null)
        {
            _stop.Cancel();
            _thread?.Join(TimeSpan.FromSeconds(5));
            _stop.Dispose();
            _stop = null;
            _thread = null;
        }
        _services.Dispose();
    }

    /// <summary>"abg" → the hwsim band flags; 0 when nothing valid.</summary>
    public static ChannelBands ParseBands(string? letters)
    {
        ChannelBands bands = ChannelBands.None;
        foreach (char c in letters ?? "")
        {
            switch (char.ToLowerInvariant(c))
            {
                case 'a': bands |= ChannelBands.A; break;
                case 'b': bands |= ChannelBands.B; break;
                case 'g': bands |= ChannelBands.G; break;
                default: return ChannelBands.None;
            }
        }
        return bands;
    }

    /// <summary>A hwsim radio, or a machine with an Intel card whose iwx driver attaches here (firmware boot and
    /// NVM read take a few virtual milliseconds; a failed attach is a startup error).</summary>
    private UserRadio AddUserRadio(RadioDescription r)
    {
        if (r.Driver == "hwsim")
            return UserRadio.ForHwsim(World.AddRadio(new HwsimOptions { Position = new Position(r.X, r.Y), Bands = ParseBands(r.Bands) }, r.Name));
        var model = r.Model == "ax210" ? IwxDeviceModel.AX210 : IwxDeviceModel.AX200;
        var machine = World.AddIwx(r.Name, model, new Position(r.X, r.Y));
        if (machine.Driver is not { IsAttached: true } driver)
            throw new InvalidOperationException($"{r.Name}: iwx attach failed: {machine.Driver?.AttachError ?? "no driver"}");
        return UserRadio.ForIwx(machine);
    }

    private void AddPeer(OpMode mode, string name, string ssid, int channel, string security, string? passphrase, double x, double y)
    {
        var radio = World.AddRadio(new HwsimOptions { Position = new Position(x, y) }, name);
        radio.Ic.Units = new VapUnitAllocator(); // peers' VAPs do not take the user's wlanN names
        _peers.Add(radio);
        var vap = radio.Ic.CreateVap(mode).Vap ?? throw new InvalidOperationException($"{name}: cannot create the {OpModeNames.Name(mode)} VAP");
        vap.DesiredSsid = System.Text.Encoding.UTF8.GetBytes(ssid);
        if (channel != 0)
            vap.DesiredChannel = ChannelParser.Find(radio.Ic, channel) ?? throw new ArgumentException($"{name}: no channel {channel}");
        if (security == "wpa2")
        {
            vap.Security.AuthMode = AuthMode.Wpa;
            vap.Security.Passphrase = passphrase;
        }
        World.OnQueue(radio, vap.Up);
    }
}

/// <summary>Per-VAP settings kept by the host because the stack does not model them.</summary>
public sealed class VapExtras
{
    /// <summary>txpower in dBm; null = the regulatory maximum.</summary>
    public int? TxPowerDbm { get; set; }
    public int Debug { get; set; }
}
