using System.Text;
using Net80211.Frames;

namespace Net80211.Tests.Scan;

/// <summary>What a test beacon or probe response advertises.</summary>
public enum TestSecurity { Open, Wep, Wpa, Wpa2, Mixed }

/// <summary>Builds beacons and probe responses with the frame codec's writers.</summary>
internal sealed record BeaconSpec
{
    public MacAddress Bssid { get; init; } = MacAddress.Parse("00:11:22:33:44:01");
    /// <summary>Address 2; the BSSID when not set.</summary>
    public MacAddress? Transmitter { get; init; }
    public byte[] Ssid { get; init; } = Encoding.ASCII.GetBytes("net");
    public byte? DsChannel { get; init; }
    /// <summary>11g: 1 2 5.5 11 basic, OFDM extended.</summary>
    public byte[] Rates { get; init; } = [0x82, 0x84, 0x8b, 0x96, 12, 18, 24, 36, 48, 72, 96, 108];
    public CapabilityInfo Capabilities { get; init; } = CapabilityInfo.Ess;
    public TestSecurity Security { get; init; }
    public bool Wmm { get; init; }
    public bool Ht { get; init; }
    public byte DtimPeriod { get; init; } = 2;
    public ushort IntervalTu { get; init; } = 100;
    public ulong Tsf { get; init; } = 123456;
    public bool ProbeResponse { get; init; }

    public static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    public byte[] Elements()
    {
        var buf = new byte[1024];
        int n = 0;
        Span<byte> rest() => buf.AsSpan(n);
        Assert.True(new SsidElement(Ssid).TryWrite(rest(), out int w)); n += w;
        Assert.True(SupportedRatesElement.TryWriteRateSet(rest(), Rates, out w)); n += w;
        if (DsChannel is byte ds) { Assert.True(new DsParameterSetElement(ds).TryWrite(rest(), out w)); n += w; }
        if (!ProbeResponse) { Assert.True(TimElement.TryWrite(rest(), 0, DtimPeriod, false, ReadOnlySpan<ushort>.Empty, out w)); n += w; }
        if (Security is TestSecurity.Wpa2 or TestSecurity.Mixed)
        {
            uint[] pairwise = [(uint)CipherSuite.Ccmp128];
            uint[] akms = [(uint)AkmSuite.Psk, (uint)AkmSuite.Sae];
            var rsn = new RsnElement
            {
                LastField = RsnField.Capabilities,
                GroupDataCipher = CipherSuite.Ccmp128,
                PairwiseCiphers = new SuiteList(pairwise),
                Akms = new SuiteList(akms),
                Capabilities = RsnCapabilities.Mfpc,
            };
            Assert.True(rsn.TryWrite(rest(), out w)); n += w;
        }
        if (Security is TestSecurity.Wpa or TestSecurity.Mixed)
        {
            uint[] pairwise = [(uint)CipherSuite.WpaTkip];
            uint[] akms = [(uint)AkmSuite.WpaPsk];
            var wpa = new WpaElement
            {
                LastField = RsnField.Akms,
                GroupCipher = CipherSuite.WpaTkip,
                PairwiseCiphers = new SuiteList(pairwise),
                Akms = new SuiteList(akms),
            };
            Assert.True(wpa.TryWrite(rest(), out w)); n += w;
        }
        if (Ht) { Assert.True(new HtCapabilitiesElement().TryWrite(rest(), out w)); n += w; }
        if (Wmm) { Assert.True(new WmmInformationElement(0).TryWrite(rest(), out w)); n += w; }
        return buf[..n];
    }

    public byte[] Build() => Frame(Elements());

    /// <summary>Header and fixed fields around an arbitrary element list (for malformed-element tests).</summary>
    public byte[] Frame(ReadOnlySpan<byte> elements)
    {
        var caps = Capabilities;
        if (Security != TestSecurity.Open) caps |= CapabilityInfo.Privacy;
        var subtype = ProbeResponse ? ManagementSubtype.ProbeResponse : ManagementSubtype.Beacon;
        var dest = ProbeResponse ? MacAddress.Parse("02:00:00:00:00:01") : MacAddress.Broadcast;
        var header = FrameHeader.Management(subtype, dest, Transmitter ?? Bssid, Bssid);
        var buf = new byte[FrameHeader.ThreeAddressLength + BeaconFrame.FixedLength + elements.Length];
        Assert.True(header.TryWrite(buf, out int h));
        var body = new BeaconFrame { Timestamp = Tsf, BeaconInterval = IntervalTu, Capabilities = caps, Elements = elements };
        Assert.True(body.TryWrite(buf.AsSpan(h), out int b));
        return buf[..(h + b)];
    }
}
