using Microsoft.Extensions.DependencyInjection;
using Net80211.Crypto.Ccmp;
using Net80211.Crypto.Gcmp;
using Net80211.Modules;

namespace Crypto.Tests.Ccmp;

public class CcmpGcmpRegistrationTests
{
    [Fact]
    public void AddCcmpAndAddGcmpRegisterFourCiphersByName()
    {
        using ServiceProvider provider = new ServiceCollection().AddNet80211().AddCcmp().AddGcmp().AddCcmp().BuildServiceProvider();
        ModuleRegistry registry = provider.GetRequiredService<ModuleRegistry>();
        Assert.Equal(["AES-CCM", "AES-CCM-256", "AES-GCM", "AES-GCM-256"], registry.CipherNames.Order());
        Assert.True(registry.TryGetCipher("aes-ccm", out var ccmp));
        Assert.IsType<CcmpCipher>(ccmp);
        Assert.True(registry.TryGetCipher("AES-GCM-256", out var gcmp256));
        Assert.IsType<Gcmp256Cipher>(gcmp256);
    }
}
