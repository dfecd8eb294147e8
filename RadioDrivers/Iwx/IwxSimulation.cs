using Microsoft.Extensions.DependencyInjection;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.RadioDrivers.Air;
using Net80211.RadioDrivers.Hwsim;
using Net80211.RadioDrivers.Iwx.Device;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.RadioDrivers.Pci;
using Net80211.Scheduling;

namespace Net80211.RadioDrivers.Iwx;

/// <summary>
/// A simulated machine with an Intel AX200/AX210: a PCI bus with the emulated NIC plugged in on the air, a
/// firmware repository that serves the model's image under its file name, and the iwx driver probed and
/// attached to it — what booting a laptop with the card in does. Tests and the daemon build radios with it.
/// </summary>
public sealed class IwxSimulation
{
    private IwxSimulation(string name, PciBus bus, IwxDevice device, PciAddress address, InMemoryFirmwareRepository firmware,
        IWorkQueue queue, IWorkQueue interruptQueue)
    {
        Name = name;
        Bus = bus;
        Device = device;
        Address = address;
        Firmware = firmware;
        Queue = queue;
        InterruptQueue = interruptQueue;
    }

    public string Name { get; }
    public PciBus Bus { get; }
    public IwxDevice Device { get; }
    public PciAddress Address { get; }
    /// <summary>/boot/firmware of the machine: tests remove or replace the image to break attach.</summary>
    public InMemoryFirmwareRepository Firmware { get; }
    public IWorkQueue Queue { get; }
    public IWorkQueue InterruptQueue { get; }
    /// <summary>The driver, once <see cref="Attach"/> probed the bus.</summary>
    public IwxDriver? Driver { get; private set; }

    /// <summary>
    /// Plugs an emulated <paramref name="model"/> into a fresh PCI bus on <paramref name="medium"/>. The device
    /// runs on its own work queue of <paramref name="scheduler"/>; the driver on "name" and its interrupt
    /// context on "name intr". Nothing is attached yet.
    /// </summary>
    public static IwxSimulation Create(string name, SimulationScheduler scheduler, Medium medium, PacketPool pool,
        IwxDeviceModel model = IwxDeviceModel.AX200, MacAddress otpAddress = default, Position position = default,
        double txPowerDbm = 20)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (otpAddress.IsZero) otpAddress = MacAddress.Parse(model == IwxDeviceModel.AX210 ? "a4:c3:f0:85:00:10" : "a4:c3:f0:85:00:01");
        var bus = new PciBus();
        var device = new IwxDevice(name + " nic", model, otpAddress, medium, scheduler.CreateWorkQueue(name + " nic"), pool,
            position, txPowerDbm, scheduler.CreateRandom("iwx:" + name));
        var address = bus.Plug(device);
        var firmware = new InMemoryFirmwareRepository().Add(IwxPciIds.FirmwareName(model), IwxFirmwareImages.Build(model));
        return new IwxSimulation(name, bus, device, address, firmware, scheduler.CreateWorkQueue(name),
            scheduler.CreateWorkQueue(name + " intr"));
    }

    /// <summary>
    /// Autoconfiguration: enumerate the bus, match iwx's probe, open the function and start the driver's
    /// attach. The flow ends when attach succeeded or failed (<see cref="IwxDriver.AttachError"/>).
    /// </summary>
    public IwxFlow Attach(ModuleRegistry modules, PacketPool pool, IwxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var function in Bus.Enumerate())
        {
            if (!IwxDriver.Probe(function)) continue;
            Driver = new IwxDriver(Name, Bus.Open(function.Address), Firmware, Queue, InterruptQueue, modules, pool, options);
            return Driver.Attach();
        }
        throw new InvalidOperationException($"{Name}: no iwx device on the bus");
    }
}

/// <summary>Hosts building iwx radios by name ("driver": "iwx" in a world file).</summary>
public sealed class IwxDriverFactory : IRadioDriverFactory
{
    public string Name => "iwx";
}

public static class IwxHostingExtensions
{
    /// <summary><c>services.AddNet80211().AddIwx()</c>.</summary>
    public static IServiceCollection AddIwx(this IServiceCollection services) => services.AddRadioDriver<IwxDriverFactory>();

    /// <summary>
    /// Adds an iwx machine to a hwsim world (same scheduler, air, pool and VAP units, seeded key randomness)
    /// and runs the world until attach has finished. Check <see cref="IwxDriver.IsAttached"/>.
    /// </summary>
    public static IwxSimulation AddIwx(this HwsimWorld world, string? name = null, IwxDeviceModel model = IwxDeviceModel.AX200,
        Position position = default, IwxOptions? options = null, Action<IwxSimulation>? beforeAttach = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        name ??= "iwx0";
        var sim = IwxSimulation.Create(name, world.Scheduler, world.Medium, world.Pool, model, position: position);
        beforeAttach?.Invoke(sim);
        var flow = sim.Attach(world.Modules, world.Pool, options);
        var driver = sim.Driver!;
        driver.Ic.Units = world.Units;
        driver.Ic.Random = new Security.DeterministicRandomSource(world.Scheduler.CreateRandom("keys:" + name));
        world.Scheduler.RunUntil(() => flow.IsCompleted, TimeSpan.FromSeconds(10));
        return sim;
    }
}
