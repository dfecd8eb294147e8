using Net80211.Frames;

namespace Net80211.Tests.Capture;

/// <summary>Frames of a small association, written with the frame codec.</summary>
internal static class TestFrames
{
    public static readonly MacAddress Ap = MacAddress.Parse("02:00:00:00:00:01");
    public static readonly MacAddress Sta = MacAddress.Parse("02:00:00:00:00:02");
    /// <summary>IEEE Std 802 Local Experimental EtherType: payloads no dissector interprets.</summary>
    public const ushort ExperimentalEtherType = 0x88B5;
    public const ushort EapolEtherType = 0x888E;

    private static readonly byte[] Rates = [0x82, 0x84, 0x8B, 0x96, 0x0C, 0x12, 0x18, 0x24, 0x30, 0x48, 0x60, 0x6C];

    public enum TestSecurity
    {
        Open,
        Wep,
        Wpa,
        Wpa2,
    }

    public static byte[] Elements(ReadOnlySpan<byte> ssid, byte channel, TestSecurity security)
    {
        byte[] buf = new byte[512];
        int n = 0;
        n += Written(new SsidElement(ssid).TryWrite(buf.AsSpan(n), out int w), w);
        n += Written(SupportedRatesElement.TryWriteRateSet(buf.AsSpan(n), Rates, out w), w);
        if (channel != 0) n += Written(new DsParameterSetElement(channel).TryWrite(buf.AsSpan(n), out w), w);
        if (security == TestSecurity.Wpa2)
        {
            ReadOnlySpan<uint> pairwise = [(uint)CipherSuite.Ccmp128];
            ReadOnlySpan<uint> akms = [(uint)AkmSuite.Psk];
            var rsn = new RsnElement
            {
                LastField = RsnField.Capabilities,
                GroupDataCipher = CipherSuite.Ccmp128,
                PairwiseCiphers = new SuiteList(pairwise),
                Akms = new SuiteList(akms),
            };
            n += Written(rsn.TryWrite(buf.AsSpan(n), out w), w);
        }
        if (security == TestSecurity.Wpa)
        {
            ReadOnlySpan<uint> pairwise = [(uint)CipherSuite.WpaTkip];
            ReadOnlySpan<uint> akms = [(uint)AkmSuite.WpaPsk];
            var wpa = new WpaElement
            {
                LastField = RsnField.Akms,
                GroupCipher = CipherSuite.WpaTkip,
                PairwiseCiphers = new SuiteList(pairwise),
                Akms = new SuiteList(akms),
            };
            n += Written(wpa.TryWrite(buf.AsSpan(n), out w), w);
        }
        return buf[..n];
    }

    public static byte[] Beacon(MacAddress bssid, ReadOnlySpan<byte> ssid, byte channel, TestSecurity security = TestSecurity.Open,
        bool probeResponse = false, MacAddress? destination = null, ushort sequence = 0)
    {
        CapabilityInfo caps = CapabilityInfo.Ess | CapabilityInfo.ShortSlotTime | (security == TestSecurity.Open ? 0 : CapabilityInfo.Privacy);
        var body = new BeaconFrame { Timestamp = 1234, BeaconInterval = 100, Capabilities = caps, Elements = Elements(ssid, channel, security) };
        byte[] bodyBuffer = new byte[1024];
        Assert.True(body.TryWrite(bodyBuffer, out int bodyLength));
        return Management(probeResponse ? ManagementSubtype.ProbeResponse : ManagementSubtype.Beacon,
            destination ?? MacAddress.Broadcast, bssid, bssid, sequence, bodyBuffer.AsSpan(0, bodyLength));
    }

    public static byte[] ProbeRequest(MacAddress source)
    {
        var body = new ProbeRequestFrame { Elements = Elements([], 0, TestSecurity.Open) };
        byte[] bodyBuffer = new byte[1024];
        Assert.True(body.TryWrite(bodyBuffer, out int bodyLength));
        return Management(ManagementSubtype.ProbeRequest, MacAddress.Broadcast, source, MacAddress.Broadcast, 1, bodyBuffer.AsSpan(0, bodyLength));
    }

    public static byte[] Authentication(MacAddress from, MacAddress to, MacAddress bssid, ushort transaction)
    {
        var body = new AuthenticationFrame { Algorithm = AuthenticationAlgorithm.OpenSystem, TransactionSequence = transaction, StatusCode = StatusCode.Success };
        byte[] bodyBuffer = new byte[1024];
        Assert.True(body.TryWrite(bodyBuffer, out int bodyLength));
        return Management(ManagementSubtype.Authentication, to, from, bssid, (ushort)(10 + transaction), bodyBuffer.AsSpan(0, bodyLength));
    }

    public static byte[] AssociationRequest(MacAddress sta, MacAddress ap, ReadOnlySpan<byte> ssid)
    {
        var body = new AssociationRequestFrame
        {
            Capabilities = CapabilityInfo.Ess | CapabilityInfo.ShortSlotTime,
            ListenInterval = 10,
            Elements = Elements(ssid, 0, TestSecurity.Wpa2),
        };
        byte[] bodyBuffer = new byte[1024];
        Assert.True(body.TryWrite(bodyBuffer, out int bodyLength));
        return Management(ManagementSubtype.AssociationRequest, ap, sta, ap, 20, bodyBuffer.AsSpan(0, bodyLength));
    }

    public static byte[] AssociationResponse(MacAddress ap, MacAddress sta)
    {
        var body = new AssociationResponseFrame
        {
            Capabilities = CapabilityInfo.Ess | CapabilityInfo.Privacy,
            StatusCode = StatusCode.Success,
            Aid = 1,
            Elements = Elements(default, 0, TestSecurity.Open)[2..], // rates only (skip the empty SSID element)
        };
        byte[] bodyBuffer = new byte[1024];
        Assert.True(body.TryWrite(bodyBuffer, out int bodyLength));
        return Management(ManagementSubtype.AssociationResponse, sta, ap, ap, 21, bodyBuffer.AsSpan(0, bodyLength));
    }

    public static byte[] Deauthentication(MacAddress from, MacAddress to, MacAddress bssid)
    {
        var body = new DeauthenticationFrame { ReasonCode = ReasonCode.LeavingNetworkDeauth };
        byte[] bodyBuffer = new byte[1024];
        Assert.True(body.TryWrite(bodyBuffer, out int bodyLength));
        return Management(ManagementSubtype.Deauthentication, to, from, bssid, 30, bodyBuffer.AsSpan(0, bodyLength));
    }

    /// <summary>A data frame carrying LLC/SNAP + <paramref name="etherType"/> + <paramref name="payload"/>.</summary>
    public static byte[] Data(MacAddress from, MacAddress to, bool toAp, bool qos, ushort etherType, ReadOnlySpan<byte> payload,
        bool protectedFrame = false, ushort sequence = 40)
    {
        FrameControlFlags flags = (toAp ? FrameControlFlags.ToDs : FrameControlFlags.FromDs) | (protectedFrame ? FrameControlFlags.Protected : 0);
        MacAddress bssid = toAp ? to : from;
        byte[] msdu = new byte[Llc.SnapHeaderLength + payload.Length];
        Llc.TryWriteSnap(msdu, etherType, out _);
        payload.CopyTo(msdu.AsSpan(Llc.SnapHeaderLength));
        var frame = new DataFrame
        {
            Header = new FrameHeader
            {
                FrameControl = FrameControl.Data(qos ? DataSubtype.QosData : DataSubtype.Data, flags),
                Duration = DurationId.FromMicroseconds(44),
                Address1 = toAp ? bssid : to,
                Address2 = toAp ? from : bssid,
                Address3 = toAp ? to : from,
                SequenceControl = new SequenceControl(sequence, 0),
                QosControl = qos ? QosControl.Create(0) : default,
            },
            Payload = msdu,
        };
        byte[] buf = new byte[2048];
        Assert.True(frame.TryWrite(buf, out int n));
        return buf[..n];
    }

    public static byte[] Ack(MacAddress receiver)
    {
        byte[] buf = new byte[16];
        Assert.True(new AckFrame { ReceiverAddress = receiver }.TryWrite(buf, out int n));
        return buf[..n];
    }

    /// <summary>An 802.11ad DMG Beacon: frame type 3 (extension), subtype 0, as in 80211ad_beacon.pcap.</summary>
    public static byte[] DmgBeacon() => Convert.FromHexString("0c008b028c3badb15fff24b078270000000000003c040064");

    private static byte[] Management(ManagementSubtype subtype, MacAddress destination, MacAddress source, MacAddress bssid, ushort sequence,
        ReadOnlySpan<byte> body)
    {
        var header = FrameHeader.Management(subtype, destination, source, bssid, new SequenceControl(sequence, 0));
        byte[] buf = new byte[2048];
        Assert.True(header.TryWrite(buf, out int h));
        body.CopyTo(buf.AsSpan(h));
        return buf[..(h + body.Length)];
    }

    private static int Written(bool ok, int bytes)
    {
        Assert.True(ok);
        return bytes;
    }
}
