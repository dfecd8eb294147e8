using Net80211.Capture;
using Net80211.Frames;
using Net80211.Scan;
using Net80211.Testing;

namespace Net80211.Tests.Capture;

/// <summary>The real captures of shared/captures (from aircrack-ng's test suite), checked against
/// what their README states and what tshark reports for them.</summary>
public class SharedCaptureTests
{
    private static CaptureScanner Scan(string name, out CaptureReader reader)
    {
        reader = CaptureReader.Open(SharedFolder.CapturePath(name));
        var scanner = new CaptureScanner();
        scanner.Scan(reader);
        return scanner;
    }

    private static CaptureScanner Scan(string name)
    {
        CaptureScanner scanner = Scan(name, out CaptureReader reader);
        reader.Dispose();
        return scanner;
    }

    private static ScannedBss Network(CaptureScanner scanner, string bssid)
    {
        ScannedBss? bss = scanner.Networks.SingleOrDefault(n => n.Bssid == MacAddress.Parse(bssid));
        Assert.True(bss is not null, $"no BSS {bssid} in\n{scanner.Format()}");
        return bss;
    }

    [Fact]
    public void WpaCap_PrismWithFcs_TestNetworkWpaTkip()
    {
        CaptureScanner scanner = Scan("wpa.cap", out CaptureReader reader);
        using (reader)
        {
            Assert.Equal(LinkType.Ieee80211Prism, reader.LinkType);
            Assert.Equal(0, reader.ErrorCount);
        }
        Assert.Equal(13, scanner.RecordsRead);
        Assert.Equal(13, scanner.Ieee80211Frames);
        ScannedBss bss = Network(scanner, "00:0d:93:eb:b0:8c");
        Assert.Equal("test"u8.ToArray(), bss.Ssid.ToArray());
        Assert.Equal(ScanSecurity.Wpa, bss.Security.Kind);
        Assert.Equal(CipherSet.Tkip, bss.Security.WpaCiphers);
        Assert.Equal(AkmSet.Psk, bss.Security.WpaAkms);
        Assert.Equal(7, bss.Channel);
        Assert.Equal(4, scanner.EapolFrames);

        // The README says the frames carry their FCS: every one is found by its CRC.
        using CaptureReader again = CaptureReader.Open(SharedFolder.CapturePath("wpa.cap"));
        int withFcs = 0;
        while (again.TryReadNext(out CaptureRecord record))
        {
            Assert.True(CapturedFrame.TryDecode(record, out CapturedFrame frame, out _));
            Assert.Equal(7, frame.Channel); // from the Prism channel item
            if (frame.HadFcs) withFcs++;
        }
        Assert.Equal(13, withFcs);
    }

    [Fact]
    public void WpaPskLinksys_WpaTkip()
    {
        CaptureScanner scanner = Scan("wpa-psk-linksys.cap");
        Assert.Equal(587, scanner.RecordsRead);
        Assert.Equal(0, scanner.Skipped);
        ScannedBss bss = Assert.Single(scanner.Networks);
        Assert.Equal(MacAddress.Parse("00:0b:86:c2:a4:85"), bss.Bssid);
        Assert.Equal("linksys"u8.ToArray(), bss.Ssid.ToArray());
        Assert.Equal(ScanSecurity.Wpa, bss.Security.Kind);
        Assert.Equal("WPA(TKIP/PSK)", bss.Security.ToString());
        // tshark: 98 beacons, 3 probe responses, 265 data frames, 4 EAPOL.
        Assert.Equal((98L, 3L, 4L), (bss.Beacons, bss.ProbeResponses, scanner.EapolFrames));
        Assert.Equal(265, scanner.DataFrames);
    }

    [Fact]
    public void Wpa2PskLinksys_Wpa2Ccmp()
    {
        CaptureScanner scanner = Scan("wpa2-psk-linksys.cap");
        Assert.Equal(499, scanner.RecordsRead);
        ScannedBss bss = Assert.Single(scanner.Networks);
        Assert.Equal(MacAddress.Parse("00:0b:86:c2:a4:85"), bss.Bssid);
        Assert.Equal("linksys"u8.ToArray(), bss.Ssid.ToArray());
        Assert.Equal(ScanSecurity.Wpa2, bss.Security.Kind);
        Assert.Equal(CipherSet.Ccmp, bss.Security.RsnCiphers);
        Assert.Equal("WPA2(CCMP/PSK)", bss.Security.ToString());
        // tshark: 85 beacons, 6 probe responses, 208 data frames, 12 EAPOL (with retransmissions).
        Assert.Equal((85L, 6L, 208L, 12L), (bss.Beacons, bss.ProbeResponses, scanner.DataFrames, scanner.EapolFrames));
        Assert.Equal(1, bss.Channel);
    }

    [Fact]
    public void Wpa2Eapol_HarkonenWithFourEapolFrames()
    {
        CaptureScanner scanner = Scan("wpa2.eapol.cap");
        Assert.Equal(5, scanner.RecordsRead);
        ScannedBss bss = Network(scanner, "00:14:6c:7e:40:80");
        Assert.Equal("Harkonen"u8.ToArray(), bss.Ssid.ToArray());
        Assert.Equal(ScanSecurity.Wpa2, bss.Security.Kind);
        Assert.Equal(4, scanner.EapolFrames);
        Assert.Equal(4, bss.EapolFrames);
        Assert.Equal(250, bss.BeaconInterval);
    }

    [Fact]
    public void Wep64Ptw_AppartWep()
    {
        CaptureScanner scanner = Scan("wep_64_ptw.cap");
        Assert.Equal(65_282, scanner.RecordsRead);
        Assert.Equal(0, scanner.CaptureErrors);
        ScannedBss bss = Network(scanner, "00:12:bf:12:32:29");
        Assert.Equal("Appart"u8.ToArray(), bss.Ssid.ToArray());
        Assert.Equal(ScanSecurity.Wep, bss.Security.Kind);
        Assert.Equal("WEP", bss.Security.ToString());
        Assert.Equal(3, bss.Channel);
        Assert.Equal(30_630, scanner.DataFrames); // tshark: wlan.fc.type == 2
    }

    [Theory]
    [InlineData("wep.open.system.authentication.cap", 9)]
    [InlineData("wep.shared.key.authentication.cap", 13)]
    public void WepAuthentication_Teddy(string name, int frames)
    {
        CaptureScanner scanner = Scan(name);
        Assert.Equal(frames, scanner.RecordsRead);
        ScannedBss bss = Assert.Single(scanner.Networks);
        Assert.Equal("teddy"u8.ToArray(), bss.Ssid.ToArray());
        Assert.Equal(ScanSecurity.Wep, bss.Security.Kind);
    }

    [Fact]
    public void ChineseSsid_KeepsTheGbkBytes()
    {
        CaptureScanner scanner = Scan("Chinese-SSID-Name.pcap");
        ScannedBss bss = Assert.Single(scanner.Networks);
        Assert.Equal(new byte[] { 0xb2, 0xe2, 0xca, 0xd4 }, bss.Ssid.ToArray());
        Assert.Equal(MacAddress.Parse("00:24:01:8d:c0:84"), bss.Bssid);
        Assert.StartsWith("0xb2e2cad4  ", scanner.Format().Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Wps20_WlanWithVendorElements()
    {
        CaptureScanner scanner = Scan("wps2.0.pcap");
        ScannedBss bss = Assert.Single(scanner.Networks);
        Assert.Equal("WLAN_666"u8.ToArray(), bss.Ssid.ToArray());
        Assert.Equal(13, bss.Channel);
        Assert.Equal(ScanSecurity.Wpa | ScanSecurity.Wpa2, bss.Security.Kind);
    }

    [Fact]
    public void DmgBeacon_IsSkippedCleanly()
    {
        CaptureScanner scanner = Scan("80211ad_beacon.pcap", out CaptureReader reader);
        using (reader) Assert.Equal(LinkType.Ieee80211Radiotap, reader.LinkType);
        Assert.Equal(1, scanner.RecordsRead);
        Assert.Equal(0, scanner.Ieee80211Frames);
        Assert.Equal(1, scanner.Skipped);
        Assert.Equal(1, scanner.SkipReasons[FrameParseError.UnknownType]);
        Assert.Equal(0, scanner.CaptureErrors);
        Assert.Empty(scanner.Networks);
    }

    [Theory]
    [InlineData("3.pcap", 3)]
    [InlineData("floatingpoint_exception.pcap", 20)]
    [InlineData("wpaclean_crash.pcap", 1)]
    public void CrashRegressions_ReadWithoutException(string name, int records)
    {
        CaptureScanner scanner = Scan(name);
        Assert.Equal(records, scanner.RecordsRead);
        Assert.Equal(scanner.RecordsRead, scanner.Ieee80211Frames + scanner.Skipped);
        _ = scanner.Format();
    }

    [Fact]
    public void WpacleanCrash_PrismRecordTooShortForItsHeader_IsSkipped()
    {
        CaptureScanner scanner = Scan("wpaclean_crash.pcap");
        Assert.Equal(1, scanner.Skipped);
        Assert.Equal(1, scanner.SkipReasons[FrameParseError.BadValue]);
    }

    [Fact]
    public void README_IsNotACapture()
    {
        using var stream = File.OpenRead(Path.Combine(SharedFolder.Captures, "README.md"));
        Assert.False(CaptureReader.TryOpen(stream, out _, out CaptureError error));
        Assert.Equal(CaptureError.NotACapture, error);
    }
}
