using Net80211.Crypto.Ccmp;
using Net80211.Crypto.Wep;
using Net80211.Radio;
using Net80211.Security;
using Net80211.Testing;

namespace Net80211.Crypto.Tests.Offload;

/// <summary>iv_key_set: a key the driver takes into hardware leaves the crypto to it; one the software
/// cannot split is taken back.</summary>
public class KeyOffloadTests
{
    [Fact]
    public void A_ccmp_key_the_driver_accepts_becomes_a_hardware_key()
    {
        var radio = new TestRadio();
        radio.Driver.HardwareKeys = k => k.Cipher is CcmpCipherModule;
        var vap = radio.Ic.CreateVap(OpMode.Sta).Vap!;
        var node = radio.Ic.Nodes.Add(vap, MacAddress.Parse("02:00:00:00:00:aa"));
        Assert.True(new CcmpCipher().TryCreateKey(new byte[16], 0, CipherKeyFlags.Pairwise, out var key, out _));

        vap.Keys.SetPairwise(node, key!);

        Assert.NotEqual(CipherKeyFlags.None, key!.Flags & CipherKeyFlags.Hardware);
        Assert.Contains("key_set:AES-CCM:0", radio.Driver.Calls);
        Assert.DoesNotContain(radio.Driver.Calls, c => c.StartsWith("key_delete", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_the_software_cannot_split_stays_in_software_and_the_driver_is_told_to_drop_it()
    {
        var radio = new TestRadio();
        radio.Driver.HardwareKeys = _ => true;   // a driver claiming everything
        var vap = radio.Ic.CreateVap(OpMode.Sta).Vap!;
        Assert.True(new WepCipher().TryCreateKey(new byte[5], 1, CipherKeyFlags.None, out var key, out _));

        vap.Keys.SetGroup(key!, transmit: true);

        Assert.Equal(CipherKeyFlags.None, key!.Flags & CipherKeyFlags.Hardware);
        Assert.Equal(["key_set:WEP:1", "key_delete:WEP:1"], radio.Driver.Calls.Where(c => c.StartsWith("key_", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_driver_without_hardware_crypto_leaves_keys_in_software()
    {
        var radio = new TestRadio();
        var vap = radio.Ic.CreateVap(OpMode.Sta).Vap!;
        Assert.True(new CcmpCipher().TryCreateKey(new byte[16], 1, CipherKeyFlags.None, out var key, out _));
        vap.Keys.SetGroup(key!, transmit: false);
        Assert.Equal(CipherKeyFlags.None, key!.Flags & CipherKeyFlags.Hardware);
    }
}
