using Microsoft.Extensions.DependencyInjection;
using Net80211.Modules;

namespace Net80211.Crypto.Wep;

public static class WepServiceCollectionExtensions
{
    /// <summary>Registers the WEP cipher module ("WEP": WEP-40 and WEP-104 keys).</summary>
    public static IServiceCollection AddWep(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddCipher<WepCipher>();
    }
}
