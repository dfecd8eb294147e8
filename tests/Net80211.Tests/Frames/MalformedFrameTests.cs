using Net80211.Frames;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Frames;

/// <summary>Malformed frames and element lists: each must be rejected with a specific error, be
/// counted, and never throw.</summary>
public class MalformedFrameTests
{
    private enum Kind
    {
        /// <summary>A whole frame (no FCS) through <see cref="FrameValidator"/>.</summary>
        Frame,
        /// <summary>An element list through <see cref="ParsedIes"/>.</summary>
        Elements,
    }

    private sealed record Case(Kind Kind, byte[] Bytes, FrameParseError Expected);

    private static readonly byte[] Rsn = Hex("01 00 00 0f ac 04 01 00 00 0f ac 04 01 00 00 0f ac 02 00 00");
    private static readonly byte[] WmmParam = Hex("00 50 f2 02 01 01 80 00 03 a4 00 00 27 a4 00 00 42 43 5e 00 62 32 2f 00");

    private static byte[] BeaconWith(params byte[][] elements) => Mgmt(ManagementSubtype.Beacon, [BeaconFixed(), .. elements]);

    private static byte[] Control(ControlSubtype subtype, int length) => Concat(ControlFc(subtype), Zeros(length - 2));

    private static byte[] Truncate(byte[] b, int length) => b[..length];

    private static Dictionary<string, Case> BuildCases()
    {
        var c = new Dictionary<string, Case>();
        void F(string name, byte[] bytes, FrameParseError e) => c.Add(name, new Case(Kind.Frame, bytes, e));
        void E(string name, byte[] bytes, FrameParseError e) => c.Add(name, new Case(Kind.Elements, bytes, e));

        byte[] qos4 = Concat(DataFc(DataSubtype.QosData, 0x03), Zeros(30));
        byte[] qosHtc4 = Concat(DataFc(DataSubtype.QosData, 0x83), Zeros(34));

        // --- empty and truncated headers of each type ---
        F("empty buffer", [], FrameParseError.TooShort);
        F("one octet", [0x80], FrameParseError.TooShort);
        F("management FC only", [0x80, 0x00], FrameParseError.TooShort);
        F("management header 23 octets", Truncate(MgmtHeader(ManagementSubtype.Beacon), 23), FrameParseError.TooShort);
        F("management +HTC header 27 octets", Concat(MgmtHeader(ManagementSubtype.Action, 0x80), Zeros(3)), FrameParseError.TooShort);
        F("data header 23 octets", Concat(DataFc(DataSubtype.Data, 0x01), Zeros(21)), FrameParseError.TooShort);
        F("4-address data header 29 octets", Concat(DataFc(DataSubtype.Data, 0x03), Zeros(27)), FrameParseError.TooShort);
        F("QoS data header 25 octets", Concat(DataFc(DataSubtype.QosData, 0x01), Zeros(23)), FrameParseError.TooShort);
        F("4-address QoS data header 31 octets", Truncate(qos4, 31), FrameParseError.TooShort);
        F("QoS +HTC data header 29 octets", Concat(DataFc(DataSubtype.QosData, 0x81), Zeros(27)), FrameParseError.TooShort);
        F("4-address QoS +HTC header 35 octets", Truncate(qosHtc4, 35), FrameParseError.TooShort);
        F("QoS null header 25 octets", Concat(DataFc(DataSubtype.QosNull, 0x01), Zeros(23)), FrameParseError.TooShort);
        F("ACK 9 octets", Control(ControlSubtype.Ack, 9), FrameParseError.TooShort);
        F("CTS 9 octets", Control(ControlSubtype.Cts, 9), FrameParseError.TooShort);
        F("RTS 15 octets", Control(ControlSubtype.Rts, 15), FrameParseError.TooShort);
        F("PS-Poll 15 octets", Control(ControlSubtype.PsPoll, 15), FrameParseError.TooShort);
        F("CF-End 15 octets", Control(ControlSubtype.CfEnd, 15), FrameParseError.TooShort);
        F("BAR without control field", Control(ControlSubtype.BlockAckRequest, 17), FrameParseError.TooShort);
        F("BAR 19 octets", Concat(ControlFc(ControlSubtype.BlockAckRequest), Zeros(14), Hex("04 00 00")), FrameParseError.TooShort);
        F("BA 27 octets", Concat(ControlFc(ControlSubtype.BlockAck), Zeros(14), Hex("04 00"), Zeros(9)), FrameParseError.TooShort);

        // --- control frame sizes and variants ---
        F("ACK with FCS left on", Control(ControlSubtype.Ack, 14), FrameParseError.BadLength);
        F("RTS 20 octets", Control(ControlSubtype.Rts, 20), FrameParseError.BadLength);
        F("basic BlockAck (128-octet bitmap)", Concat(ControlFc(ControlSubtype.BlockAck), Zeros(14), Hex("00 00"), Zeros(130)), FrameParseError.Unsupported);
        F("multi-TID BAR", Concat(ControlFc(ControlSubtype.BlockAckRequest), Zeros(14), Hex("06 10"), Zeros(8)), FrameParseError.Unsupported);
        F("trigger frame (not decoded)", Control(ControlSubtype.Trigger, 24), FrameParseError.Unsupported);

        // --- version and type ---
        F("protocol version 1", [0x81, 0x00, .. Zeros(22)], FrameParseError.BadVersion);
        F("protocol version 3 on data", [0x0b, 0x01, .. Zeros(30)], FrameParseError.BadVersion);
        F("extension frame type", [0x0c, 0x00, .. Zeros(30)], FrameParseError.UnknownType);
        F("reserved control subtype 0", Control((ControlSubtype)0, 16), FrameParseError.UnknownType);
        F("control wrapper", Control(ControlSubtype.ControlWrapper, 32), FrameParseError.UnknownType);
        F("reserved management subtype 7", Mgmt((ManagementSubtype)7, Zeros(4)), FrameParseError.UnknownType);
        F("reserved management subtype 15", Mgmt((ManagementSubtype)15), FrameParseError.UnknownType);

        // --- data frame bodies ---
        F("null data with payload", Concat(DataFc(DataSubtype.Null, 0x01), Zeros(22), [0xaa]), FrameParseError.BadLength);
        F("QoS null with payload", Concat(DataFc(DataSubtype.QosNull, 0x01), Zeros(24), [1, 2, 3]), FrameParseError.BadLength);

        // --- truncated management bodies ---
        F("beacon body 11 octets", Mgmt(ManagementSubtype.Beacon, Zeros(11)), FrameParseError.TooShort);
        F("probe response without body", Mgmt(ManagementSubtype.ProbeResponse), FrameParseError.TooShort);
        F("association request body 3 octets", Mgmt(ManagementSubtype.AssociationRequest, Zeros(3)), FrameParseError.TooShort);
        F("reassociation request body 9 octets", Mgmt(ManagementSubtype.ReassociationRequest, Zeros(9)), FrameParseError.TooShort);
        F("association response body 5 octets", Mgmt(ManagementSubtype.AssociationResponse, Zeros(5)), FrameParseError.TooShort);
        F("reassociation response body 0 octets", Mgmt(ManagementSubtype.ReassociationResponse), FrameParseError.TooShort);
        F("authentication body 5 octets", Mgmt(ManagementSubtype.Authentication, Zeros(5)), FrameParseError.TooShort);
        F("deauthentication body 1 octet", Mgmt(ManagementSubtype.Deauthentication, [3]), FrameParseError.TooShort);
        F("disassociation without reason", Mgmt(ManagementSubtype.Disassociation), FrameParseError.TooShort);
        F("action without category", Mgmt(ManagementSubtype.Action), FrameParseError.TooShort);
        F("action no-ack without category", Mgmt(ManagementSubtype.ActionNoAck), FrameParseError.TooShort);
        F("timing advertisement body 9 octets", Mgmt(ManagementSubtype.TimingAdvertisement, Zeros(9)), FrameParseError.TooShort);
        F("ATIM with a body", Mgmt(ManagementSubtype.Atim, [0]), FrameParseError.BadLength);

        // --- element framing and content inside frames ---
        F("beacon IE length past end", BeaconWith(Ssid("net"), Hex("01 08 82 84 8b")), FrameParseError.IeTruncated);
        F("beacon dangling single octet", BeaconWith(Ssid("net"), [0x03]), FrameParseError.IeTruncated);
        F("beacon duplicate SSID", BeaconWith(Ssid("a"), RatesIe(), Ssid("b")), FrameParseError.IeDuplicate);
        F("beacon duplicate supported rates", BeaconWith(Ssid("a"), RatesIe(), RatesIe()), FrameParseError.IeDuplicate);
        F("beacon duplicate DS parameter", BeaconWith(Ds(1), Ds(6)), FrameParseError.IeDuplicate);
        F("beacon duplicate TIM", BeaconWith(Tim(), Tim()), FrameParseError.IeDuplicate);
        F("beacon SSID of 33 octets", BeaconWith(Ie(0, 33)), FrameParseError.IeTooLong);
        F("probe request 9 supported rates", Mgmt(ManagementSubtype.ProbeRequest, Ie(0), Ie(1, 9)), FrameParseError.IeTooLong);
        F("beacon empty supported rates", BeaconWith(Ssid("a"), Ie(1)), FrameParseError.IeTooShort);
        F("beacon DS parameter length 2", BeaconWith(Ie(3, 6, 0)), FrameParseError.IeTooLong);
        F("beacon DS parameter length 0", BeaconWith(Ie(3)), FrameParseError.IeTooShort);
        F("beacon TIM length 2", BeaconWith(Ie(5, 0, 1)), FrameParseError.IeTooShort);
        F("beacon HT capabilities length 25", BeaconWith(Ie(45, 25)), FrameParseError.IeTooShort);
        F("beacon HT capabilities length 27", BeaconWith(Ie(45, 27)), FrameParseError.IeTooLong);
        F("beacon HT operation length 21", BeaconWith(Ie(61, 21)), FrameParseError.IeTooShort);
        F("probe response WMM parameter too short", Mgmt(ManagementSubtype.ProbeResponse, BeaconFixed(), Ie(221, WmmParam[..20])), FrameParseError.IeTooShort);
        F("open auth challenge IE truncated", Mgmt(ManagementSubtype.Authentication, Hex("00 00 01 00 00 00"), Hex("10 80 01 02")), FrameParseError.IeTruncated);
        F("association request RSN pairwise count past end", Mgmt(ManagementSubtype.AssociationRequest, Hex("01 00 0a 00"), Ssid("x"),
            Ie(48, Hex("01 00 00 0f ac 04 05 00 00 0f ac 04"))), FrameParseError.IeTooShort);
        F("association response duplicate HT operation", Mgmt(ManagementSubtype.AssociationResponse, Hex("01 00 00 00 01 c0"),
            Ie(61, 22), Ie(61, 22)), FrameParseError.IeDuplicate);
        F("deauthentication with truncated vendor IE", Mgmt(ManagementSubtype.Deauthentication, Hex("03 00"), Hex("dd 09 00 50")), FrameParseError.IeTruncated);

        // --- element lists on their own ---
        E("single octet list", [0x00], FrameParseError.IeTruncated);
        E("length past end after valid elements", Concat(Ssid("ok"), RatesIe(), Hex("30 14 01 00")), FrameParseError.IeTruncated);
        E("extension element with length 0", Hex("ff 00"), FrameParseError.IeTooShort);
        E("duplicate extended rates", Concat(Ie(50, 0x30), Ie(50, 0x48)), FrameParseError.IeDuplicate);
        E("duplicate RSN", Concat(Ie(48, Rsn), Ie(48, Rsn)), FrameParseError.IeDuplicate);
        E("duplicate HT capabilities", Concat(Ie(45, 26), Ie(45, 26)), FrameParseError.IeDuplicate);
        E("duplicate country", Concat(Ie(7, 0x55, 0x53, 0x20, 1, 11, 30), Ie(7, 0x55, 0x53, 0x20, 1, 11, 30)), FrameParseError.IeDuplicate);
        E("extended rates length 0", Ie(50), FrameParseError.IeTooShort);
        E("TIM length 255", Ie(5, 255), FrameParseError.IeTooLong);
        E("HT operation length 23", Ie(61, 23), FrameParseError.IeTooLong);
        E("ERP length 2", Ie(42, 0, 0), FrameParseError.IeTooLong);
        E("IBSS parameter set length 1", Ie(6, 0), FrameParseError.IeTooShort);
        E("challenge text length 0", Ie(16), FrameParseError.IeTooShort);
        E("extended capabilities length 0", Ie(127), FrameParseError.IeTooShort);
        E("country length 5", Ie(7, 0x55, 0x53, 0x20, 1, 11), FrameParseError.IeTooShort);
        E("country with two stray octets", Ie(7, 0x55, 0x53, 0x20, 1, 11, 30, 36, 4), FrameParseError.BadLength);
        E("vendor element shorter than an OUI", Ie(221, 0x00, 0x50), FrameParseError.IeTooShort);
        E("RSN length 1", Ie(48, 1), FrameParseError.IeTooShort);
        E("RSN version 2", Ie(48, 2, 0, 0x00, 0x0f, 0xac, 0x04), FrameParseError.BadVersion);
        E("RSN group cipher truncated", Ie(48, Rsn[..5]), FrameParseError.IeTooShort);
        E("RSN pairwise count without list", Ie(48, Rsn[..8]), FrameParseError.IeTooShort);
        E("RSN pairwise count octet cut", Ie(48, Rsn[..7]), FrameParseError.IeTooShort);
        E("RSN pairwise count 65535", Ie(48, Concat(Rsn[..6], Hex("ff ff 00 0f ac 04"))), FrameParseError.IeTooShort);
        E("RSN pairwise list cut mid-selector", Ie(48, Rsn[..10]), FrameParseError.IeTooShort);
        E("RSN AKM count past end", Ie(48, Concat(Rsn[..12], Hex("02 00 00 0f ac 02"))), FrameParseError.IeTooShort);
        E("RSN capabilities one octet", Ie(48, Rsn[..19]), FrameParseError.IeTooShort);
        E("RSN PMKID count past end", Ie(48, Concat(Rsn, Hex("01 00"), Zeros(15))), FrameParseError.IeTooShort);
        E("RSN PMKID count one octet", Ie(48, Concat(Rsn, Hex("01"))), FrameParseError.IeTooShort);
        E("RSN group management cipher truncated", Ie(48, Concat(Rsn, Hex("00 00 00 0f ac"))), FrameParseError.IeTooShort);
        E("RSN trailing octets", Ie(48, Concat(Rsn, Hex("00 00 00 0f ac 06 00"))), FrameParseError.BadLength);
        E("WPA version 2", Ie(221, Hex("00 50 f2 01 02 00 00 50 f2 02")), FrameParseError.BadVersion);
        E("WPA without version", Ie(221, Hex("00 50 f2 01 01")), FrameParseError.IeTooShort);
        E("WPA AKM list truncated", Ie(221, Hex("00 50 f2 01 01 00 00 50 f2 02 01 00 00 50 f2 02 01 00 00 50")), FrameParseError.IeTooShort);
        E("WMM parameter 20 octets", Ie(221, WmmParam[..20]), FrameParseError.IeTooShort);
        E("WMM parameter 25 octets", Ie(221, Concat(WmmParam, [0])), FrameParseError.IeTooLong);
        E("WMM information 6 octets", Ie(221, Hex("00 50 f2 02 00 01")), FrameParseError.IeTooShort);
        E("WMM parameter version 2", Ie(221, Concat(WmmParam[..5], [2], WmmParam[6..])), FrameParseError.BadVersion);

        // --- seeded random bytes with a forced, known defect ---
        var rng = new Random(80211);
        for (int i = 0; i < 4; i++)
        {
            byte[] r = new byte[rng.Next(24, 200)];
            rng.NextBytes(r);
            r[0] = (byte)((r[0] & 0xFC) | 1 + rng.Next(3)); // protocol version 1..3
            F($"random frame #{i} with bad version", r, FrameParseError.BadVersion);
        }
        for (int i = 0; i < 4; i++)
        {
            byte[] r = new byte[rng.Next(2, 24)];
            rng.NextBytes(r);
            r[0] = (byte)(r[0] & 0xF0); // version 0, management: needs 24 octets
            r[1] &= 0x7F;               // no +HTC
            F($"random short management frame #{i}", r, FrameParseError.TooShort);
        }
        for (int i = 0; i < 4; i++)
        {
            // Unknown elements with random bodies, then one whose length overruns the end.
            var list = new List<byte>();
            for (int k = rng.Next(1, 6); k > 0; k--) list.AddRange(Ie(rng.Next(200, 220), rng.Next(0, 40)));
            int overrun = rng.Next(1, 50);
            list.AddRange([(byte)rng.Next(200, 220), (byte)(overrun + 1)]);
            list.AddRange(Zeros(overrun));
            E($"random element list #{i} overrunning", [.. list], FrameParseError.IeTruncated);
        }
        return c;
    }

    private static readonly Dictionary<string, Case> Cases = BuildCases();

    public static TheoryData<string> CaseNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string name in Cases.Keys) data.Add(name);
            return data;
        }
    }

    [Fact]
    public void Corpus_HasAtLeastSixtyCases() => Assert.True(Cases.Count >= 60, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void IsRejectedAndCounted(string name)
    {
        Case c = Cases[name];
        var counters = new FrameParseCounters();
        FrameParseError error;
        if (c.Kind == Kind.Frame)
        {
            Assert.False(FrameValidator.TryValidate(c.Bytes, counters, out error));
        }
        else
        {
            Assert.False(ParsedIes.TryParse(c.Bytes, out _, out error));
            counters.Count(error);
        }
        Assert.Equal(c.Expected, error);
        Assert.Equal(1, counters[c.Expected]);
        Assert.Equal(1, counters.Total);
    }

    [Fact]
    public void SeededRandomFrames_NeverThrow_AndEveryRejectionIsCounted()
    {
        var rng = new Random(2020);
        var counters = new FrameParseCounters();
        int rejected = 0;
        for (int i = 0; i < 20_000; i++)
        {
            byte[] frame = new byte[rng.Next(0, 300)];
            rng.NextBytes(frame);
            if (frame.Length > 0 && rng.Next(2) == 0) frame[0] &= 0xFC; // keep half at version 0 to reach the body parsers
            if (!FrameValidator.TryValidate(frame, counters, out FrameParseError error))
            {
                rejected++;
                Assert.True(Enum.IsDefined(error));
            }
            // Element parsing and each typed element reader on the same random octets.
            _ = ParsedIes.TryParse(frame, out _, out _);
            _ = RsnElement.TryRead(frame, out _, out _);
            _ = WpaElement.TryRead(frame, out _, out _);
            _ = CountryElement.TryRead(frame, out _, out _);
            _ = TimElement.TryRead(frame, out _, out _);
            _ = WmmParameterElement.TryRead(frame, out _, out _);
        }
        Assert.Equal(rejected, counters.Total);
        Assert.True(rejected > 15_000, $"only {rejected} rejected");
    }

    [Fact]
    public void MutatedRealBeacon_NeverThrows()
    {
        byte[] original = RealWorldBeaconTests.Beacon;
        var rng = new Random(11);
        var counters = new FrameParseCounters();
        int accepted = 0;
        for (int i = 0; i < 20_000; i++)
        {
            byte[] frame = (byte[])original.Clone();
            int flips = rng.Next(1, 4);
            for (int f = 0; f < flips; f++) frame[rng.Next(frame.Length)] ^= (byte)(1 << rng.Next(8));
            if (rng.Next(3) == 0) frame = frame[..rng.Next(frame.Length)];
            if (FrameValidator.TryValidate(frame, counters, out _)) accepted++;
        }
        Assert.Equal(20_000 - accepted, counters.Total);
        Assert.True(accepted > 0 && counters.Total > 0);
    }

    [Fact]
    public void EveryTruncationOfRealBeacon_IsRejectedOrIsAShorterValidFrame()
    {
        byte[] beacon = RealWorldBeaconTests.Beacon;
        for (int length = 0; length < beacon.Length; length++)
        {
            FrameParseError error = FrameValidator.Validate(beacon.AsSpan(0, length));
            // Cuts at element boundaries are valid shorter beacons; anything else must say why.
            Assert.True(error is FrameParseError.None or FrameParseError.TooShort or FrameParseError.IeTruncated, $"length {length}: {error}");
            if (length < 36) Assert.Equal(FrameParseError.TooShort, error);
        }
    }
}
