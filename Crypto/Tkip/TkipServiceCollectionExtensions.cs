using Microsoft.Extensions.DependencyInjection;
using Net80211.Modules;

namespace Net80211.Crypto.Tkip;

public static class TkipServiceCollectionExtensions
{
    /// <summary>Registers the TKIP cipher module ("TKIP").</summary>
    public static IServiceCollection AddTkip(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddCipher<TkipCipher>();
    }
}
