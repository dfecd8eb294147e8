using Microsoft.Extensions.DependencyInjection;
using Net80211.Modules;

namespace Net80211.Crypto.Bip;

public static class BipServiceCollectionExtensions
{
    /// <summary>Registers BIP-CMAC-128 (the cipher MFP uses by default) with the module registry.</summary>
    public static IServiceCollection AddBip(this IServiceCollection services) => services.AddCipher<BipCipher>();

    /// <summary>Every BIP cipher: CMAC-128, CMAC-256, GMAC-128, GMAC-256.</summary>
    public static IServiceCollection AddBipAll(this IServiceCollection services)
        => services.AddCipher<BipCipher>().AddCipher<BipCmac256Cipher>().AddCipher<BipGmac128Cipher>().AddCipher<BipGmac256Cipher>();
}
