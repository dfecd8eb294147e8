using Net80211.Channels;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.Scheduling;
using Net80211.StateMachine;

namespace Net80211.Testing;

/// <summary>A simulated world holding one fake radio: scheduler, pool, recording opmodes, transcript.</summary>
public sealed class TestRadio
{
    public TestRadio(RadioCapabilities caps = RadioCapabilities.Sta | RadioCapabilities.HostAp | RadioCapabilities.Monitor | RadioCapabilities.MultiVap,
        ulong seed = 1, Ieee80211Channel[]? channels = null)
    {
        Scheduler = new SimulationScheduler(seed);
        Pool = new PacketPool();
        StaModule = new RecordingOpModeModule(OpMode.Sta, Ieee80211State.Scan);
        HostApModule = new RecordingOpModeModule(OpMode.HostAp, Ieee80211State.Run);
        MonitorModule = new RecordingOpModeModule(OpMode.Monitor, Ieee80211State.Run);
        Modules = new ModuleRegistry([StaModule, HostApModule, MonitorModule]);
        Driver = new FakeDriver(channels ?? TestChannels.Default());
        Ic = Driver.Attach("fake0", Scheduler.CreateWorkQueue("fake0"), Modules, caps, Pool);
        Transcript = new Transcript();
        Transcript.Attach(Ic);
    }

    public SimulationScheduler Scheduler { get; }
    public PacketPool Pool { get; }
    public RecordingOpModeModule StaModule { get; }
    public RecordingOpModeModule HostApModule { get; }
    public RecordingOpModeModule MonitorModule { get; }
    public ModuleRegistry Modules { get; }
    public FakeDriver Driver { get; }
    public Ieee80211Com Ic { get; }
    public Transcript Transcript { get; }

    /// <summary>Runs the world until nothing is left to do now (timers further out stay pending).</summary>
    public void Settle() => Scheduler.RunFor(TimeSpan.Zero);

    /// <summary>Runs <paramref name="action"/> on the radio's queue and the world until it is done.</summary>
    public void OnQueue(Action action)
    {
        Ic.Queue.Enqueue(action);
        Settle();
    }
}

public static class TestChannels
{
    /// <summary>2 GHz 1–11 and 5 GHz 36, 40, 44, 48, as a simple dual-band radio offers.</summary>
    public static Ieee80211Channel[] Default()
    {
        var list = new List<Ieee80211Channel>();
        for (int c = 1; c <= 11; c++)
            list.Add(new Ieee80211Channel(2407 + 5 * c, c, ChannelFlags.Band2Ghz | ChannelFlags.Cck | ChannelFlags.Ofdm));
        foreach (int c in new[] { 36, 40, 44, 48 })
            list.Add(new Ieee80211Channel(5000 + 5 * c, c, ChannelFlags.Band5Ghz | ChannelFlags.Ofdm));
        return [.. list];
    }
}
