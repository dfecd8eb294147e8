using Net80211.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Net80211.Packets;

namespace Net80211.Modules;

/// <summary>Registration of the stack and its modules: <c>services.AddNet80211().AddStationMode()...</c>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The core: the module registry and the packet pool. Opmodes, ciphers, rate control and drivers
    /// add themselves with their own <c>Add*</c> extensions.</summary>
    public static IServiceCollection AddNet80211(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<PacketPool>(_ => new PacketPool());
        services.TryAddSingleton(sp => new ModuleRegistry(
            sp.GetServices<IOpModeModule>(),
            sp.GetServices<IRateControlModule>(),
            sp.GetServices<ICipherModule>(),
            sp.GetServices<IRadioDriverFactory>()));
        return services;
    }

    public static IServiceCollection AddOpMode<TModule>(this IServiceCollection services) where TModule : class, IOpModeModule
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOpModeModule, TModule>());
        return services;
    }

    public static IServiceCollection AddRateControl<TModule>(this IServiceCollection services) where TModule : class, IRateControlModule
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRateControlModule, TModule>());
        return services;
    }

    public static IServiceCollection AddCipher<TModule>(this IServiceCollection services) where TModule : class, ICipherModule
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICipherModule, TModule>());
        return services;
    }

    public static IServiceCollection AddRadioDriver<TFactory>(this IServiceCollection services) where TFactory : class, IRadioDriverFactory
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRadioDriverFactory, TFactory>());
        return services;
    }
}
