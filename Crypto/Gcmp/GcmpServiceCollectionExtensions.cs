using Microsoft.Extensions.DependencyInjection;
using Net80211.Modules;

namespace Net80211.Crypto.Gcmp;

public static class GcmpServiceCollectionExtensions
{
    /// <summary>Registers GCMP-128 ("AES-GCM") and GCMP-256 ("AES-GCM-256") with the module registry.</summary>
    public static IServiceCollection AddGcmp(this IServiceCollection services)
        => services.AddCipher<GcmpCipher>().AddCipher<Gcmp256Cipher>();
}
