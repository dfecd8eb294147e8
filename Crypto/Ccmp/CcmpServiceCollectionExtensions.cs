using Microsoft.Extensions.DependencyInjection;
using Net80211.Modules;

namespace Net80211.Crypto.Ccmp;

public static class CcmpServiceCollectionExtensions
{
    /// <summary>Registers CCMP-128 ("AES-CCM") and CCMP-256 ("AES-CCM-256") with the module registry.</summary>
    public static IServiceCollection AddCcmp(this IServiceCollection services)
        => services.AddCipher<CcmpCipher>().AddCipher<Ccmp256Cipher>();
}
