using System.Globalization;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.RadioDrivers.Air;
using Net80211.Scheduling;
using Net80211.Vaps;

namespace Net80211.RadioDrivers.Hwsim;

/// <summary>
/// A simulated world: one deterministic scheduler, one air, one packet pool, and the hwsim radios on it
/// (what loading mac80211_hwsim with radios=N next to wmediumd gives on Linux). VAP unit numbers are
/// shared by all radios, as on one host.
/// </summary>
public sealed class HwsimWorld
{
    private readonly List<HwsimRadio> _radios = [];

    public HwsimWorld(ModuleRegistry modules, ulong seed = 1, MediumOptions? mediumOptions = null)
    {
        Modules = modules ?? throw new ArgumentNullException(nameof(modules));
        Scheduler = new SimulationScheduler(seed);
        Pool = new PacketPool();
        Medium = new Medium(Scheduler, mediumOptions, Pool);
    }

    public SimulationScheduler Scheduler { get; }
    public Medium Medium { get; }
    public PacketPool Pool { get; }
    public ModuleRegistry Modules { get; }
    public VapUnitAllocator Units { get; } = new();
    public IReadOnlyList<HwsimRadio> Radios => _radios;

    /// <summary>Adds and attaches radio "hwsimN" with address 02:00:00:00:NN:00 unless told otherwise.</summary>
    public HwsimRadio AddRadio(HwsimOptions? options = null, string? name = null)
    {
        int index = _radios.Count;
        name ??= "hwsim" + index.ToString(CultureInfo.InvariantCulture);
        options ??= new HwsimOptions();
        if (options.MacAddress == new HwsimOptions().MacAddress)
            options = options with { MacAddress = MacAddress.FromUInt64(0x0200_0000_0000UL | ((ulong)index << 8)) };
        var radio = new HwsimRadio(name, Medium, Scheduler.CreateWorkQueue(name), Modules, Pool, options);
        radio.Ic.Units = Units;
        // Nonces and keys from the world's seed, so a secured scenario replays byte for byte.
        radio.Ic.Random = new Security.DeterministicRandomSource(Scheduler.CreateRandom("keys:" + name));
        radio.Attach();
        _radios.Add(radio);
        return radio;
    }

    /// <summary>Runs <paramref name="action"/> on a radio's queue and lets the world catch up with it.</summary>
    public void OnQueue(HwsimRadio radio, Action action)
    {
        radio.Ic.Queue.Enqueue(action);
        Scheduler.RunFor(TimeSpan.Zero);
    }

    /// <summary>True when every frame any radio handed to its driver came back through TxComplete.</summary>
    public bool AllTxCompleted => _radios.TrueForAll(r => r.Ic.TxSubmitted == r.Ic.TxCompleted && r.Ic.TxCompleteErrors == 0);
}
