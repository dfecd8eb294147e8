using Net80211.Capture;
using Net80211.Frames;
using Net80211.Radiotap;
using Net80211.Scan;
using static Net80211.Tests.Capture.TestFrames;

namespace Net80211.Tests.Capture;

public class CaptureScannerTests
{
    private static readonly MacAddress Ap2 = MacAddress.Parse("02:00:00:00:00:99");

    private static void Add(CaptureScanner scanner, byte[] frame, LinkType linkType = LinkType.Ieee80211)
        => scanner.Add(new CaptureRecord { LinkType = linkType, Data = frame, OriginalLength = frame.Length });

    private static byte[] Radiotap(byte[] frame, int frequency, int signal, int noise)
    {
        var header = new RadiotapHeader
        {
            Present = RadiotapFields.Channel | RadiotapFields.DbmAntennaSignal | RadiotapFields.DbmAntennaNoise,
            ChannelFrequencyMhz = (ushort)frequency,
            AntennaSignalDbm = (sbyte)signal,
            AntennaNoiseDbm = (sbyte)noise,
        };
        byte[] buf = new byte[RadiotapHeader.MaxEncodedLength + frame.Length];
        header.TryWrite(buf, out int n);
        frame.CopyTo(buf, n);
        return buf[..(n + frame.Length)];
    }

    [Fact]
    public void HiddenBeacon_IsNamedByAProbeResponse_AndCountsAddUp()
    {
        var scanner = new CaptureScanner();
        Add(scanner, Beacon(Ap, new byte[4], 6, TestSecurity.Wpa2));
        Add(scanner, Beacon(Ap, new byte[4], 6, TestSecurity.Wpa2));
        Add(scanner, Beacon(Ap, "home"u8, 6, TestSecurity.Wpa2, probeResponse: true, destination: Sta));
        Add(scanner, Data(Sta, Ap, toAp: true, qos: true, EapolEtherType, new byte[20]));
        Add(scanner, Data(Ap, Sta, toAp: false, qos: false, EapolEtherType, new byte[20]));
        Add(scanner, Data(Ap, Sta, toAp: false, qos: false, ExperimentalEtherType, new byte[20]));
        Add(scanner, Data(Sta, Ap, toAp: true, qos: true, EapolEtherType, new byte[20], protectedFrame: true));
        Add(scanner, Ack(Ap));

        ScannedBss bss = Assert.Single(scanner.Networks);
        Assert.Equal("home"u8.ToArray(), bss.Ssid.ToArray());
        Assert.Equal(Ap, bss.Bssid);
        Assert.Equal(6, bss.Channel);
        Assert.True(bss.ChannelFromDsParameterSet);
        Assert.Equal((2L, 1L, 4L, 2L), (bss.Beacons, bss.ProbeResponses, bss.DataFrames, bss.EapolFrames));
        Assert.Equal(ScanSecurity.Wpa2, bss.Security.Kind);
        Assert.Equal("WPA2(CCMP/PSK)", bss.Security.ToString());
        Assert.Equal(108, bss.MaxRate);
        Assert.Null(bss.BestSignalDbm);

        Assert.Equal((8L, 8L, 0L), (scanner.RecordsRead, scanner.Ieee80211Frames, scanner.Skipped));
        Assert.Equal((3L, 1L, 4L, 2L), (scanner.ManagementFrames, scanner.ControlFrames, scanner.DataFrames, scanner.EapolFrames));
    }

    [Fact]
    public void ChannelAndSignal_FromTheRadioHeader_WhenNoDsParameterSet()
    {
        var scanner = new CaptureScanner();
        byte[] beacon = Beacon(Ap, "five"u8, 0, TestSecurity.Open);
        Add(scanner, Radiotap(beacon, 5180, -70, -95), LinkType.Ieee80211Radiotap);
        Add(scanner, Radiotap(beacon, 5180, -52, -94), LinkType.Ieee80211Radiotap);
        Add(scanner, Radiotap(beacon, 5180, -80, -96), LinkType.Ieee80211Radiotap);
        ScannedBss bss = Assert.Single(scanner.Networks);
        Assert.Equal(36, bss.Channel);
        Assert.False(bss.ChannelFromDsParameterSet);
        Assert.Equal(-52, bss.BestSignalDbm);
        Assert.Equal(-94, bss.NoiseDbm);
        Assert.Contains(" -52:-94 ", scanner.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void MembershipSelectors_AreNotCountedAsRates()
    {
        var scanner = new CaptureScanner();
        // Extended Supported Rates carrying only selectors: HE PHY, SAE hash-to-element, VHT PHY (basic bit set).
        Add(scanner, [.. Beacon(Ap, "sae"u8, 1, TestSecurity.Wpa2), 50, 3, 0x80 | 122, 0x80 | 123, 0x80 | 126]);
        Assert.Equal(108, Assert.Single(scanner.Networks).MaxRate);
    }

    [Fact]
    public void Security_OpenWepWpa()
    {
        var scanner = new CaptureScanner();
        Add(scanner, Beacon(Ap, "a"u8, 1, TestSecurity.Open));
        Add(scanner, Beacon(Ap2, "b"u8, 1, TestSecurity.Wep));
        Add(scanner, Beacon(Sta, "c"u8, 1, TestSecurity.Wpa));
        Assert.Equal(["open", "WEP", "WPA(TKIP/PSK)"], scanner.Networks.Select(n => n.Security.ToString()));
        Assert.Equal([ScanSecurity.Open, ScanSecurity.Wep, ScanSecurity.Wpa], scanner.Networks.Select(n => n.Security.Kind));
    }

    [Fact]
    public void DmgBeaconAndDamagedFrames_AreSkippedAndCountedByReason()
    {
        var scanner = new CaptureScanner();
        Add(scanner, DmgBeacon());
        Add(scanner, [0x80]);                                   // one octet
        Add(scanner, new byte[60], LinkType.Ethernet);          // not 802.11
        Add(scanner, Beacon(Ap, "x"u8, 1)[..30]);                // beacon without its fixed fields
        var header = new RadiotapHeader { Present = RadiotapFields.Flags, Flags = RadiotapFlags.BadFcs };
        byte[] rt = new byte[16];
        header.TryWrite(rt, out int n);
        Add(scanner, [.. rt[..n], .. Beacon(Ap, "x"u8, 1)], LinkType.Ieee80211Radiotap);

        Assert.Empty(scanner.Networks);
        Assert.Equal(5, scanner.RecordsRead);
        Assert.Equal(4, scanner.Skipped);
        Assert.Equal(1, scanner.SkipReasons[FrameParseError.UnknownType]);
        Assert.Equal(1, scanner.SkipReasons[FrameParseError.TooShort]);
        Assert.Equal(1, scanner.SkipReasons[FrameParseError.Unsupported]);
        Assert.Equal(1, scanner.SkipReasons[FrameParseError.BadFcs]);
        Assert.Equal(1, scanner.Malformed);
        Assert.Equal(1, scanner.Ieee80211Frames);
    }

    [Fact]
    public void Format_IsSortedBySsidThenBssid_OneLinePerBss()
    {
        var scanner = new CaptureScanner();
        Add(scanner, Beacon(Ap2, "beta"u8, 11, TestSecurity.Wpa2));
        Add(scanner, Beacon(Ap2, "beta"u8, 11, TestSecurity.Wpa2));
        Add(scanner, Beacon(Sta, "alpha"u8, 1));
        Add(scanner, Beacon(Ap, "alpha"u8, 6));
        Add(scanner, Beacon(MacAddress.Parse("02:00:00:00:00:77"), [0xb2, 0xe2, 0xca, 0xd4, 0x0a], 3));

        string[] lines = scanner.Format().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length); // header + 4 BSSs (beta twice)
        Assert.StartsWith("SSID/MESH ID  BSSID              CHAN RATE  S:N      INT CAPS BEACON PRESP   DATA EAPOL SECURITY", lines[0], StringComparison.Ordinal);
        Assert.Equal("alpha         02:00:00:00:00:01     6  54M -         100 Es        1     0      0     0 open", lines[1]);
        Assert.StartsWith("alpha         02:00:00:00:00:02     1", lines[2], StringComparison.Ordinal);
        Assert.Equal("beta          02:00:00:00:00:99    11  54M -         100 EPs       2     0      0     0 WPA2(CCMP/PSK)", lines[3]);
        Assert.StartsWith("0xb2e2cad40a  02:00:00:00:00:77     3", lines[4], StringComparison.Ordinal);

        Assert.Equal("5 frames read, 5 802.11 frames, 0 skipped (0 bad FCS), 0 malformed, 0 errors; 5 beacons, 0 probe responses, 0 data, 0 EAPOL",
            scanner.FormatSummary());
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("home", "home")]
    [InlineData("with space~", "with space~")]
    [InlineData("b2e2cad4", "0xb2e2cad4")]         // GBK
    [InlineData("e6b58be8af95", "0xe6b58be8af95")] // UTF-8 is not printable ASCII either
    [InlineData("000000", "0x000000")]             // hidden
    [InlineData("41420a", "0x41420a")]             // a newline never breaks the line
    public void SsidText_IsPrintedLikeIfconfig(string hexOrText, string expected)
    {
        byte[] ssid = expected.StartsWith("0x", StringComparison.Ordinal) ? Convert.FromHexString(hexOrText) : System.Text.Encoding.ASCII.GetBytes(hexOrText);
        Assert.Equal(expected, Net80211.Ssid.Format(ssid));
    }

    [Fact]
    public void SsidText_LongSsidsAreCut()
    {
        Assert.Equal("abcdefghij...", Net80211.Ssid.Format("abcdefghijklmnopqrstuvwxyz"u8, width: 13));
        byte[] binary = Enumerable.Repeat((byte)0xff, 32).ToArray();
        string shown = Net80211.Ssid.Format(binary);
        Assert.Equal(32, shown.Length);
        Assert.StartsWith("0xffff", shown, StringComparison.Ordinal);
        Assert.EndsWith("...", shown, StringComparison.Ordinal);
    }
}
