using Microsoft.Extensions.DependencyInjection;
using Net80211.Modules;
using Net80211.Vap.Adhoc;
using Net80211.Vap.HostAp;
using Net80211.Vap.Monitor;
using Net80211.Vap.Station;

namespace Net80211.Vap;

/// <summary>Registration of the operating modes: <c>services.AddNet80211().AddStationMode().AddHostApMode()...</c>.</summary>
public static class VapServiceCollectionExtensions
{
    public static IServiceCollection AddStationMode(this IServiceCollection services) => services.AddOpMode<StationModeModule>();
    public static IServiceCollection AddHostApMode(this IServiceCollection services) => services.AddOpMode<HostApModeModule>();
    public static IServiceCollection AddAdhocMode(this IServiceCollection services) => services.AddOpMode<AdhocModeModule>();
    public static IServiceCollection AddMonitorMode(this IServiceCollection services) => services.AddOpMode<MonitorModeModule>();

    /// <summary>Every operating mode this project implements.</summary>
    public static IServiceCollection AddOpModes(this IServiceCollection services)
        => services.AddStationMode().AddHostApMode().AddAdhocMode().AddMonitorMode();
}
