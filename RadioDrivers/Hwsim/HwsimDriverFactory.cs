using Microsoft.Extensions.DependencyInjection;
using Net80211.Modules;

namespace Net80211.RadioDrivers.Hwsim;

/// <summary>Registers the hwsim driver by name, so a host can build "hwsim" radios from configuration.</summary>
public sealed class HwsimDriverFactory : IRadioDriverFactory
{
    public string Name => "hwsim";

    /// <summary>Creates and attaches a radio in <paramref name="world"/>.</summary>
    public static HwsimRadio Create(HwsimWorld world, HwsimOptions? options = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.AddRadio(options, name);
    }
}

public static class HwsimServiceCollectionExtensions
{
    /// <summary><c>services.AddNet80211().AddHwsim()</c>.</summary>
    public static IServiceCollection AddHwsim(this IServiceCollection services) => services.AddRadioDriver<HwsimDriverFactory>();
}
