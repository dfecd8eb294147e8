using Net80211.Testing;

namespace Wlan.Tests.Management;

public class ListingTests
{
    [Fact]
    public void Station_lists()
    {
        using var cli = new Cli();
        cli.Ok("ifconfig wlan0 create wlandev hwsim0");
        cli.Ok("ifconfig -a");
        cli.Ok("ifconfig wlan0 up scan");
        cli.Ok("ifconfig wlan0 list scan");
        cli.Ok("ifconfig wlan0 list caps");
        cli.Ok("ifconfig wlan0 list txparam");
        cli.Ok("ifconfig wlan0 list roam");
        cli.Ok("ifconfig wlan0 list keys");
        cli.Ok("ifconfig -v wlan0");
        Snapshot.Verify(cli.Transcript);
    }

    [Fact]
    public void Channel_and_regulatory_lists()
    {
        using var cli = new Cli();
        cli.Ok("ifconfig wlan0 create wlandev hwsim0");
        cli.Ok("ifconfig wlan0 list chan");
        cli.Ok("ifconfig wlan0 country DE");
        cli.Ok("ifconfig wlan0 list regdomain");
        cli.Ok("ifconfig wlan0 list countries");
        Snapshot.Verify(cli.Transcript);
    }

    [Fact]
    public void Settings_show_in_the_interface_block()
    {
        using var cli = new Cli();
        cli.Ok("ifconfig wlan0 create wlandev hwsim0 wlanmode ap");
        cli.Ok("ifconfig wlan0 ssid lab channel 11 authmode wpa wpakey \"a long passphrase\" wpa both ucipher ccmp mcipher tkip pmf capable hidessid -apbridge bmiss 9 roaming manual txpower 10 wme powersave");
        cli.Ok("ifconfig wlan0 ucastrate 24 mcastrate 6 mgtrate 6 maxretry 3 wpagrouprekey 600 mac:allow mac:add 02:11:22:33:44:55");
        cli.Ok("ifconfig -v wlan0");
        cli.Ok("ifconfig wlan0 list txparam");
        cli.Ok("sysctl net.wlan.0");
        cli.Ok("sysctl net.wlan.devices net.wlan.debug");
        Snapshot.Verify(cli.Transcript);
        var vap = cli.Host.FindVap("wlan0")!;
        Assert.Equal(Net80211.Vaps.AclPolicy.Allow, vap.Acl.Policy);
        Assert.Equal(TimeSpan.FromSeconds(600), vap.Security.GroupRekeyInterval);
        Assert.Equal(9, vap.BeaconMissThreshold);
    }

    [Fact]
    public void Errors()
    {
        using var cli = new Cli();
        cli.Run("ifconfig");
        cli.Run("ifconfig wlan9");
        cli.Run("ifconfig wlan0 create");
        cli.Run("ifconfig wlan0 create wlandev hwsim9");
        cli.Run("ifconfig wlan0 create wlandev hwsim0 wlanmode mesh");
        cli.Run("ifconfig wlan0 create wlandev hwsim0 wlanmode bogus");
        cli.Run("ifconfig wlan0 create wlandev hwsim0 wlanaddr 02:zz");
        cli.Run("ifconfig foo0 create wlandev hwsim0");
        cli.Ok("ifconfig wlan0 create wlandev hwsim0");
        cli.Run("ifconfig wlan0 create wlandev hwsim0");
        cli.Run("ifconfig wlan0 authmode foo");
        cli.Run("ifconfig wlan0 channel 199");
        cli.Run("ifconfig wlan0 channel abc");
        cli.Run("ifconfig wlan0 bssid 00:11");
        cli.Run("ifconfig wlan0 mac:add nonsense");
        cli.Run("ifconfig wlan0 wpakey short");
        cli.Run("ifconfig wlan0 wpapsk 1234");
        cli.Run("ifconfig wlan0 ucastrate 7");
        cli.Run("ifconfig wlan0 country XX");
        cli.Run("ifconfig wlan0 ssid");
        cli.Run("ifconfig wlan0 frobnicate");
        cli.Run("ifconfig wlan0 list");
        cli.Run("ifconfig wlan0 list bogus");
        cli.Run("sysctl");
        cli.Run("sysctl net.wlan.9.x");
        cli.Run("sysctl net.wlan.0.bmiss_max=abc");
        cli.Run("sysctl net.wlan.0.bmiss_max=0");
        cli.Run("sysctl net.wlan.devices=x");
        cli.Run("sysctl -q net");
        cli.Run("frob");
        Snapshot.Verify(cli.Transcript);
    }
}
