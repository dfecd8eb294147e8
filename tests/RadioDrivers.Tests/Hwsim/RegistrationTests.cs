using Microsoft.Extensions.DependencyInjection;
using Net80211.Modules;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.RadioDrivers.Hwsim;
using Net80211.StateMachine;
using Net80211.Testing;

namespace RadioDrivers.Tests.Hwsim;

public class RegistrationTests
{
    private sealed class StaModule : IOpModeModule
    {
        public OpMode Mode => OpMode.Sta;
        public IOpMode Attach(Net80211.Vaps.Ieee80211Vap vap) => new RecordingOpMode(vap, Ieee80211State.Scan);
    }

    [Fact]
    public void Modules_and_drivers_register_through_dependency_injection()
    {
        using var provider = new ServiceCollection()
            .AddNet80211()
            .AddOpMode<StaModule>()
            .AddOpMode<StaModule>()      // registering twice is harmless
            .AddHwsim()
            .BuildServiceProvider();
        var registry = provider.GetRequiredService<ModuleRegistry>();
        Assert.Equal([OpMode.Sta], registry.OpModes);
        Assert.True(registry.TryGetDriver("HWSIM", out var driver));
        Assert.IsType<HwsimDriverFactory>(driver);
        Assert.False(registry.TryGetOpMode(OpMode.HostAp, out _));
        Assert.Same(provider.GetRequiredService<PacketPool>(), provider.GetRequiredService<PacketPool>());

        // A radio built from the registry can create the registered mode and refuses the others.
        var world = new HwsimWorld(registry);
        var radio = HwsimDriverFactory.Create(world);
        Assert.True(radio.Ic.CreateVap(OpMode.Sta).Succeeded);
        Assert.Equal(VapCreateError.ModeNotSupported, radio.Ic.CreateVap(OpMode.HostAp).Error);
    }
}
