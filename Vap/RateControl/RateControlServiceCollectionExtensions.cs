using Microsoft.Extensions.DependencyInjection;
using Net80211.Modules;

namespace Net80211.Vap.RateControl;

/// <summary>Registration of the rate control modules: <c>services.AddNet80211().AddAmrr().AddFixedRateControl()</c>.</summary>
public static class RateControlServiceCollectionExtensions
{
    /// <summary>"amrr": adaptive rate control from retry ratios.</summary>
    public static IServiceCollection AddAmrr(this IServiceCollection services) => services.AddRateControl<AmrrRateControlModule>();

    /// <summary>"fixed": ucastrate, or the node's highest rate.</summary>
    public static IServiceCollection AddFixedRateControl(this IServiceCollection services) => services.AddRateControl<FixedRateControlModule>();

    /// <summary>"none": the device's firmware chooses.</summary>
    public static IServiceCollection AddNoneRateControl(this IServiceCollection services) => services.AddRateControl<NoneRateControlModule>();

    /// <summary>All three.</summary>
    public static IServiceCollection AddRateControlModules(this IServiceCollection services)
        => services.AddAmrr().AddFixedRateControl().AddNoneRateControl();
}
