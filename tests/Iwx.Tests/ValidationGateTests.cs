using Net80211;
using Net80211.Channels;
using Net80211.Radio;
using Net80211.RadioDrivers.Iwx;
using Net80211.RadioDrivers.Iwx.Hardware;
using Net80211.StateMachine;
using Net80211.Testing;

namespace Iwx.Tests;

/// <summary>The validation gates, one integration test each, in virtual time.</summary>
public class ValidationGateTests
{
    [Theory]
    [InlineData(IwxDeviceModel.AX200, IwxPciIds.DeviceAx200)]
    [InlineData(IwxDeviceModel.AX210, IwxPciIds.DeviceAx210)]
    public void Device_is_detected_by_pci_id_and_attached(IwxDeviceModel model, ushort deviceId)
    {
        var w = new IwxWorld(model: model, withAp: false);
        var found = w.Sim.Bus.Enumerate().Single();
        Assert.Equal(IwxPciIds.VendorIntel, found.VendorId);
        Assert.Equal(deviceId, found.DeviceId);
        Assert.True(IwxDriver.Probe(found));
        Assert.False(IwxDriver.Probe(found with { DeviceId = 0x24fd }));   // an older Intel part: not ours
        Assert.True(w.Driver.IsAttached, w.Driver.AttachError);
        Assert.Equal(model, w.Driver.Model);
        Assert.Equal(w.Device.OtpAddress, w.Ic.MacAddress);
    }

    [Fact]
    public void Firmware_loads_over_dma_and_says_alive()
    {
        var w = new IwxWorld(withAp: false);
        Assert.True(w.Driver.IsAttached, w.Driver.AttachError);
        Assert.Equal(1, w.Driver.FirmwareBoots);
        Assert.StartsWith("77.", w.Ic.FirmwareVersion, StringComparison.Ordinal);
        Assert.Equal(1, w.Device.Boots);
        Assert.Equal(0, w.Device.BootFailures);
        // Attach reads the NVM and powers the device down until a VAP runs; the boot image's DMA is gone.
        Assert.False(w.Device.FirmwareRunning);
        Assert.DoesNotContain(w.Driver.Handle.Dma.DescribeActive(), d => d.StartsWith("iwx fw section", StringComparison.Ordinal));
    }

    [Fact]
    public void Driver_initialises_from_the_nvm_and_reports_link_state()
    {
        var w = new IwxWorld();
        var ic = w.Ic;
        Assert.Equal(RadioCapabilities.Sta | RadioCapabilities.Monitor, ic.Caps & (RadioCapabilities.Sta | RadioCapabilities.Monitor | RadioCapabilities.HostAp));
        Assert.True((ic.Caps & RadioCapabilities.ScanOffload) != 0);
        Assert.Equal(CryptoCapabilities.AesCcm, ic.CryptoCaps);
        Assert.Contains(ic.SupportedChannels.ToArray(), c => c.Ieee == 36);
        Assert.Contains(ic.SupportedChannels.ToArray(), c => c.Ieee == 52 && c.IsDfs);
        Assert.False(ic.CreateVap(OpMode.HostAp).Succeeded);
        // ic_getradiocaps respects maxchans.
        var table = new Ieee80211Channel[5];
        Assert.Equal(5, ic.GetRadioCaps(5, table));
        Assert.All(table, c => Assert.NotNull(c));

        w.HostAp("net80211");
        var sta = w.Station("net80211");
        sta.Media.Status(out bool activeBefore, out _);
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        Assert.True(w.Driver.IsUp);
        Assert.True(w.Device.FirmwareRunning);
        sta.Media.Status(out bool active, out string status);
        Assert.False(activeBefore);
        Assert.True(active, status);
        Assert.Contains("status: associated", status, StringComparison.Ordinal);
    }

    [Fact]
    public void Firmware_scan_finds_the_simulated_ap()
    {
        var w = new IwxWorld();
        w.HostAp("net80211-scan", channel: 44);
        var sta = w.Station("no-such-network");
        Assert.True(w.RunUntil(() => w.Ic.ScanCache.Entries.Any(e => System.Text.Encoding.UTF8.GetString(e.Ssid) == "net80211-scan"), 10));
        Assert.True(w.Driver.ScansRequested >= 1);
        Assert.True(w.Device.ScansCompleted >= 1);
        Assert.Equal(0, w.Ic.Scanner.OffloadTimeouts);
        var entry = w.Ic.ScanCache.Entries.First(e => System.Text.Encoding.UTF8.GetString(e.Ssid) == "net80211-scan");
        Assert.Equal(44, entry.Channel.Ieee);
        Assert.InRange(entry.RssiDbm, -90, -20);
        Assert.Equal(Ieee80211State.Scan, sta.State);
    }

    [Fact]
    public void Firmware_probes_carry_the_rates_of_their_band()
    {
        var w = new IwxWorld();
        var probes = new List<(int FrequencyMhz, byte[] Rates)>();
        w.World.Medium.FrameOnAir += (in Net80211.RadioDrivers.Air.AirFrameEvent e) =>
        {
            var f = e.Frame;
            if (e.Sender != w.Device.Port || f.Length < 28 || f[0] != 0x40) return;
            // SSID element first, then Supported Rates.
            int at = 24 + 2 + f[25];
            if (at + 2 <= f.Length && f[at] == 1) probes.Add((e.FrequencyMhz, f.Slice(at + 2, f[at + 1]).ToArray()));
        };
        var sta = w.Station("no-such-network");
        Assert.True(w.RunUntil(() => probes.Exists(p => p.FrequencyMhz > 5000) && probes.Exists(p => p.FrequencyMhz < 3000), 10));

        static bool Cck(byte rate) => (rate & 0x7f) is 2 or 4 or 11 or 22;
        Assert.All(probes.Where(p => p.FrequencyMhz > 5000), p => Assert.DoesNotContain(p.Rates, Cck));
        Assert.All(probes.Where(p => p.FrequencyMhz < 3000), p => Assert.Contains(p.Rates, Cck));
    }

    [Fact]
    public void Station_associates_to_an_open_network()
    {
        var w = new IwxWorld();
        var ap = w.HostAp("net80211");
        var sta = w.Station("net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        w.RunFor(0.5);
        Assert.Equal(ap.MacAddress, sta.Bss!.Bssid);
        Assert.Equal(ap.MacAddress, w.Driver.MacContextBssid);
        Assert.True(w.Driver.MacContextAssociated);
        Assert.True(w.Driver.StationQueue > 0);
        Assert.Equal(36, w.Driver.PhyChannel!.Ieee);
        w.AssertTxAccounting();
    }

    [Fact]
    public void Station_associates_to_a_wpa2_psk_network_with_ccmp_in_firmware()
    {
        var w = new IwxWorld();
        var ap = w.HostAp("secure", wpa: true);
        var sta = w.Station("secure", wpa: true);
        Assert.True(w.RunUntil(() => IwxWorld.Authorized(ap, sta), 20));
        Assert.True(w.Driver.HardwareKeysInstalled >= 2, $"{w.Driver.HardwareKeysInstalled} keys in firmware");
        var fromAp = IwxWorld.Capture(sta);
        var atAp = IwxWorld.Capture(ap);
        w.Send(sta, ap.MacAddress, 300, 0x5a);
        w.Send(ap, sta.MacAddress, 300, 0xa5);
        w.RunFor(0.5);
        Assert.Contains(atAp, f => f.Length == 314 && f[20] == 0x5a);
        Assert.Contains(fromAp, f => f.Length == 314 && f[20] == 0xa5);
        Assert.True(w.Device.TxEncrypted > 0);
        Assert.True(w.Device.RxDecrypted > 0);
        Assert.Equal(0, w.Driver.RxDecryptFailures);
        w.AssertTxAccounting();
    }

    [Fact]
    public void Data_flows_both_ways()
    {
        var w = new IwxWorld();
        var ap = w.HostAp("net80211");
        var sta = w.Station("net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        var atSta = IwxWorld.Capture(sta);
        var atAp = IwxWorld.Capture(ap);
        for (int i = 0; i < 20; i++)
        {
            w.Send(sta, ap.MacAddress, 1000, (byte)i);
            w.Send(ap, sta.MacAddress, 600, (byte)(0x80 + i));
            w.RunFor(0.01);
        }
        w.RunFor(0.5);
        Assert.Equal(20, atAp.Count(f => f.Length == 1014));
        Assert.Equal(20, atSta.Count(f => f.Length == 614));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (byte)i), atAp.Where(f => f.Length == 1014).Select(f => f[20]));
        Assert.True(sta.Bss!.TxRate > 0);
        w.AssertTxAccounting();
        Assert.Equal(0, w.Driver.TxStrayResponses);
    }

    [Fact]
    public void Station_reconnects_after_the_ap_deauthenticates_it()
    {
        var w = new IwxWorld();
        var ap = w.HostAp("net80211");
        var sta = w.Station("net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        var apStation = ap.Ic.Nodes.Find(ap, sta.MacAddress)!;
        w.World.OnQueue(w.ApRadio!, () => Net80211.Output.ManagementOutput.SendDeauthentication(ap, apStation, Net80211.Frames.ReasonCode.Inactivity));
        Assert.True(w.RunUntil(() => sta.State != Ieee80211State.Run, 2));
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        w.RunFor(0.2);
        Assert.Equal(ap.MacAddress, w.Driver.MacContextBssid);
        Assert.True(w.Driver.MacContextAssociated);
        w.AssertTxAccounting();
    }

    [Fact]
    public void Link_comes_back_after_a_firmware_crash()
    {
        var w = new IwxWorld();
        var ap = w.HostAp("net80211");
        var sta = w.Station("net80211");
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run, 15));
        int loads = w.Sim.Firmware.Loads;
        w.Device.Faults.Assert();
        Assert.True(w.RunUntil(() => w.Driver.FirmwareErrors == 1, 1));
        Assert.Contains(w.Driver.Messages, m => m.Contains("SYSASSERT (0x35)", StringComparison.Ordinal));
        Assert.True(w.RunUntil(() => sta.State == Ieee80211State.Run && w.Driver.MacContextAssociated, 15));
        Assert.True(w.Sim.Firmware.Loads > loads, "the firmware was reloaded");
        Assert.Equal(1, w.Driver.Recoveries);
        var atAp = IwxWorld.Capture(ap);
        w.Send(sta, ap.MacAddress, 100, 7);
        w.RunFor(0.2);
        Assert.Single(atAp);
        w.AssertTxAccounting();
    }
}
