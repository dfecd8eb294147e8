using Net80211.Frames;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Frames;

public class InformationElementTests
{
    /// <summary>Checks the element framing the writer produced and returns the body.</summary>
    private static byte[] Body(byte[] element, ElementId id)
    {
        var reader = new IeReader(element);
        Assert.True(reader.MoveNext());
        Assert.Equal(id, reader.Current.Id);
        byte[] body = reader.Current.Body.ToArray();
        Assert.Equal(element.Length, reader.Current.TotalLength);
        Assert.False(reader.MoveNext());
        Assert.Equal(FrameParseError.None, reader.Error);
        return body;
    }

    [Theory]
    [InlineData("")]                                   // wildcard
    [InlineData("486f6d6557694669")]                   // "HomeWiFi"
    [InlineData("fffe00c328a0a1")]                     // not UTF-8, embedded NUL
    [InlineData("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20")] // 32 octets
    public void Ssid_RoundTrip(string ssidHex)
    {
        byte[] ssid = Hex(ssidHex);
        byte[] buf = Buf();
        byte[] element = Take(buf, new SsidElement(ssid).TryWrite(buf, out int n), n);
        Assert.Equal(Concat([0, (byte)ssid.Length], ssid), element);
        Assert.True(SsidElement.TryRead(Body(element, ElementId.Ssid), out SsidElement back, out _));
        Assert.True(back.Ssid.SequenceEqual(ssid));
        Assert.Equal(ssid.Length == 0, back.IsWildcard);
        Assert.Equal(element, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void Ssid_33Octets_RejectedByReaderAndConstructor()
    {
        Assert.False(SsidElement.TryRead(new byte[33], out _, out FrameParseError error));
        Assert.Equal(FrameParseError.IeTooLong, error);
        Assert.Throws<ArgumentException>(() => new SsidElement(new byte[33]));
    }

    [Fact]
    public void SupportedRates_RoundTrip_AndRateCodes()
    {
        byte[] rates = Hex("82 84 8b 96 0c 12 18 24");
        byte[] buf = Buf();
        byte[] element = Take(buf, new SupportedRatesElement(rates).TryWrite(buf, out int n), n);
        Assert.Equal(Concat([1, 8], rates), element);
        Assert.True(SupportedRatesElement.TryRead(Body(element, ElementId.SupportedRates), out SupportedRatesElement back, out _));
        Assert.True(back.Rates.SequenceEqual(rates));
        Assert.False(back.IsExtended);
        Assert.Equal(element, Take(buf, back.TryWrite(buf, out n), n));

        Assert.True(RateCode.IsBasic(back.Rates[0]));
        Assert.Equal(1000, RateCode.GetKbps(back.Rates[0]));
        Assert.Equal(11, RateCode.GetRateIn500Kbps(back.Rates[2]));
        Assert.False(RateCode.IsBasic(back.Rates[4]));
        Assert.Equal(6000, RateCode.GetKbps(back.Rates[4]));
        Assert.True(RateCode.IsMembershipSelector(0xFF));
        Assert.False(RateCode.IsMembershipSelector(0x7F));
        Assert.Equal(0xEC, RateCode.FromRateIn500Kbps(108, basic: true));
    }

    [Fact]
    public void ExtendedSupportedRates_RoundTrip()
    {
        byte[] rates = Hex("30 48 60 6c");
        byte[] buf = Buf();
        byte[] element = Take(buf, new SupportedRatesElement(rates, extended: true).TryWrite(buf, out int n), n);
        Assert.Equal(Concat([50, 4], rates), element);
        Assert.True(SupportedRatesElement.TryReadExtended(Body(element, ElementId.ExtendedSupportedRates), out SupportedRatesElement back, out _));
        Assert.True(back.IsExtended);
        Assert.True(back.Rates.SequenceEqual(rates));
        Assert.Equal(element, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void RateSet_SplitsAfterEight()
    {
        byte[] all = Hex("82 84 8b 96 0c 12 18 24 30 48 60 6c");
        byte[] buf = Buf();
        byte[] elements = Take(buf, SupportedRatesElement.TryWriteRateSet(buf, all, out int n), n);
        Assert.Equal(Concat([1, 8], all[..8], [50, 4], all[8..]), elements);
        Assert.False(SupportedRatesElement.TryWriteRateSet(new byte[12], all, out _));
        // Eight or fewer: no extended element.
        Assert.Equal(10, Take(buf, SupportedRatesElement.TryWriteRateSet(buf, all[..8], out n), n).Length);
    }

    [Fact]
    public void DsParameterSet_RoundTrip()
    {
        byte[] element = Write(new DsParameterSetElement(6).TryWrite);
        Assert.Equal(Hex("03 01 06"), element);
        Assert.True(DsParameterSetElement.TryRead(Body(element, ElementId.DsParameterSet), out DsParameterSetElement back, out _));
        Assert.Equal(6, back.CurrentChannel);
        Assert.Equal(element, Write(back.TryWrite));
    }

    [Fact]
    public void Tim_NoTraffic_IsMinimal()
    {
        byte[] buf = Buf();
        byte[] element = Take(buf, TimElement.TryWrite(buf, 0, 3, groupTrafficBuffered: false, [], out int n), n);
        Assert.Equal(Hex("05 04 00 03 00 00"), element);
    }

    [Fact]
    public void Tim_FromAids_BuildsOffsetBitmap()
    {
        // AIDs 17 and 30 live in octets 2 and 3; N1 = 2 (even), offset field = 1.
        ushort[] aids = [17, 30];
        byte[] buf = Buf();
        byte[] element = Take(buf, TimElement.TryWrite(buf, 0, 1, groupTrafficBuffered: true, aids, out int n), n);
        Assert.Equal(Hex("05 05 00 01 03 02 40"), element);

        Assert.True(TimElement.TryRead(Body(element, ElementId.Tim), out TimElement tim, out _));
        Assert.Equal(0, tim.DtimCount);
        Assert.Equal(1, tim.DtimPeriod);
        Assert.True(tim.GroupTrafficBuffered);
        Assert.Equal(2, tim.BitmapOffsetOctets);
        for (int aid = 0; aid <= TimElement.MaxAid; aid++)
        {
            Assert.Equal(aid is 17 or 30, tim.IsTrafficBuffered(aid));
        }
        Assert.False(tim.IsTrafficBuffered(-1));
        Assert.False(tim.IsTrafficBuffered(5000));
        Assert.Equal(element, Take(buf, tim.TryWrite(buf, out n), n));
    }

    [Fact]
    public void Tim_OddFirstOctet_RoundsOffsetDown()
    {
        // AID 9 is octet 1; N1 must be even, so the bitmap starts at octet 0.
        byte[] buf = Buf();
        byte[] element = Take(buf, TimElement.TryWrite(buf, 2, 3, false, [9, 2007], out int n), n);
        Assert.True(TimElement.TryRead(Body(element, ElementId.Tim), out TimElement tim, out _));
        Assert.Equal(0, tim.BitmapOffsetOctets);
        Assert.Equal(251, tim.PartialVirtualBitmap.Length);
        Assert.True(tim.IsTrafficBuffered(9));
        Assert.True(tim.IsTrafficBuffered(2007));
        Assert.False(tim.IsTrafficBuffered(8));
        Assert.Equal(254, element[1]);
    }

    [Fact]
    public void Tim_FromPredicate_MatchesAidSet()
    {
        var queued = new HashSet<int> { 1, 64, 65, 800 };
        byte[] buf = Buf();
        byte[] fromPredicate = Take(buf, TimElement.TryWrite(buf, 1, 2, false, 1000, queued.Contains, out int n), n);
        byte[] fromSet = Take(buf, TimElement.TryWrite(buf, 1, 2, false, [1, 64, 65, 800], out n), n);
        Assert.Equal(fromSet, fromPredicate);
        Assert.True(TimElement.TryRead(Body(fromPredicate, ElementId.Tim), out TimElement tim, out _));
        Assert.Equal(1, tim.DtimCount);
        for (int aid = 0; aid <= TimElement.MaxAid; aid++) Assert.Equal(queued.Contains(aid), tim.IsTrafficBuffered(aid));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimElement.TryWrite(new byte[64], 0, 1, false, 2008, _ => true, out _));
    }

    [Fact]
    public void Tim_InvalidAid_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimElement.TryWrite(new byte[64], 0, 1, false, [2008], out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimElement.TryWrite(new byte[64], 0, 1, false, [0], out _));
    }

    [Fact]
    public void Country_RoundTrip_WithPadAndOperatingTriplet()
    {
        CountryTriplet[] triplets =
        [
            CountryTriplet.Subband(1, 13, 20),
            CountryTriplet.Operating(201, 81, 0),
        ];
        byte[] cs = "DE "u8.ToArray();
        byte[] buf = Buf();
        byte[] element = Take(buf, new CountryElement(cs, triplets).TryWrite(buf, out int n), n);
        // 3 + 6 = 9 octets, padded to 10.
        Assert.Equal(Hex("07 0a 44 45 20 01 0d 14 c9 51 00 00"), element);

        Assert.True(CountryElement.TryRead(Body(element, ElementId.Country), out CountryElement back, out _));
        Assert.True(back.CountryString.SequenceEqual(cs));
        Assert.Equal(2, back.TripletCount);
        Assert.Equal(triplets[0], back.GetTriplet(0));
        Assert.Equal(20, back.GetTriplet(0).MaxTransmitPowerDbm);
        Assert.False(back.GetTriplet(0).IsOperatingTriplet);
        Assert.True(back.GetTriplet(1).IsOperatingTriplet);
        Assert.Equal(81, back.GetTriplet(1).OperatingClass);
        Assert.Throws<ArgumentOutOfRangeException>(() => GetTripletOutOfRange(element));
        Assert.Equal(element, Take(buf, back.TryWrite(buf, out n), n));
    }

    private static CountryTriplet GetTripletOutOfRange(byte[] element)
    {
        CountryElement.TryRead(element.AsSpan(2), out CountryElement c, out _);
        return c.GetTriplet(2);
    }

    [Fact]
    public void Country_EvenLength_HasNoPad()
    {
        byte[] buf = Buf();
        byte[] element = Take(buf, new CountryElement("US "u8, [CountryTriplet.Subband(36, 4, 23)]).TryWrite(buf, out int n), n);
        Assert.Equal(Hex("07 06 55 53 20 24 04 17"), element);
    }

    [Fact]
    public void Rsn_FullRoundTrip()
    {
        uint[] pairwise = [(uint)CipherSuite.Ccmp128, (uint)CipherSuite.Gcmp256];
        uint[] akms = [(uint)AkmSuite.Sae, (uint)AkmSuite.PskSha256];
        byte[] pmkids = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var rsn = new RsnElement
        {
            LastField = RsnField.GroupManagementCipher,
            GroupDataCipher = CipherSuite.Ccmp128,
            PairwiseCiphers = new SuiteList(pairwise),
            Akms = new SuiteList(akms),
            Capabilities = RsnCapabilities.Mfpc | RsnCapabilities.Mfpr | RsnCapabilities.PtksaReplayCounterMask,
            PmkIds = new PmkIdList(pmkids),
            GroupManagementCipher = CipherSuite.BipCmac256,
        };
        byte[] buf = Buf();
        byte[] element = Take(buf, rsn.TryWrite(buf, out int n), n);
        Assert.Equal(Concat(
            Hex("30 42 01 00 00 0f ac 04 02 00 00 0f ac 04 00 0f ac 09 02 00 00 0f ac 08 00 0f ac 06 cc 00 02 00"),
            pmkids,
            Hex("00 0f ac 0d")), element);

        Assert.True(RsnElement.TryRead(Body(element, ElementId.Rsn), out RsnElement back, out FrameParseError error), error.ToString());
        Assert.Equal(RsnField.GroupManagementCipher, back.LastField);
        Assert.Equal(CipherSuite.Ccmp128, back.GroupDataCipher);
        Assert.Equal(2, back.PairwiseCiphers.Count);
        Assert.Equal((uint)CipherSuite.Gcmp256, back.PairwiseCiphers[1]);
        Assert.True(back.Akms.Contains(AkmSuite.Sae));
        Assert.True(back.Akms.Contains(AkmSuite.PskSha256));
        Assert.False(back.Akms.Contains(AkmSuite.Psk));
        Assert.True(back.ManagementFrameProtectionRequired);
        Assert.True(back.ManagementFrameProtectionCapable);
        Assert.Equal(2, back.PmkIds.Count);
        Assert.True(back.PmkIds[1].SequenceEqual(pmkids.AsSpan(16)));
        Assert.Equal(CipherSuite.BipCmac256, back.GroupManagementCipher);
        Assert.Equal(element, Take(buf, back.TryWrite(buf, out n), n));

        var seen = new List<uint>();
        foreach (uint s in back.Akms) seen.Add(s);
        Assert.Equal(akms, seen);
    }

    public static TheoryData<RsnField, int> RsnTails => new()
    {
        { RsnField.Version, 2 },
        { RsnField.GroupDataCipher, 6 },
        { RsnField.PairwiseCiphers, 12 },
        { RsnField.Akms, 18 },
        { RsnField.Capabilities, 20 },
        { RsnField.PmkIds, 22 },
        { RsnField.GroupManagementCipher, 26 },
    };

    [Theory]
    [MemberData(nameof(RsnTails))]
    public void Rsn_EachOptionalTail_RoundTrips(RsnField last, int bodyLength)
    {
        uint[] ccmp = [(uint)CipherSuite.Ccmp128];
        uint[] psk = [(uint)AkmSuite.Psk];
        var rsn = new RsnElement
        {
            LastField = last,
            GroupDataCipher = CipherSuite.Tkip,
            PairwiseCiphers = new SuiteList(ccmp),
            Akms = new SuiteList(psk),
            Capabilities = RsnCapabilities.Mfpc,
            GroupManagementCipher = CipherSuite.BipGmac128,
        };
        Assert.Equal(bodyLength, rsn.BodyLength);
        byte[] buf = Buf();
        byte[] element = Take(buf, rsn.TryWrite(buf, out int n), n);
        Assert.Equal(2 + bodyLength, element.Length);

        Assert.True(RsnElement.TryRead(Body(element, ElementId.Rsn), out RsnElement back, out FrameParseError error), error.ToString());
        Assert.Equal(last, back.LastField);
        // Absent fields take the standard's defaults.
        Assert.Equal(last >= RsnField.GroupDataCipher ? CipherSuite.Tkip : CipherSuite.Ccmp128, back.EffectiveGroupDataCipher);
        Assert.True(back.OffersPairwiseCipher(CipherSuite.Ccmp128));
        Assert.Equal(last >= RsnField.Akms, back.OffersAkm(AkmSuite.Psk));
        Assert.Equal(last < RsnField.Akms, back.OffersAkm(AkmSuite.Ieee8021X));
        Assert.Equal(last >= RsnField.Capabilities, back.ManagementFrameProtectionCapable);
        Assert.Equal(last >= RsnField.GroupManagementCipher ? CipherSuite.BipGmac128 : CipherSuite.BipCmac128, back.EffectiveGroupManagementCipher);
        Assert.Equal(element, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void Wpa_RoundTrip()
    {
        uint[] pairwise = [(uint)CipherSuite.WpaTkip, (uint)CipherSuite.WpaCcmp];
        uint[] akms = [(uint)AkmSuite.WpaPsk];
        var wpa = new WpaElement
        {
            LastField = RsnField.Akms,
            GroupCipher = CipherSuite.WpaTkip,
            PairwiseCiphers = new SuiteList(pairwise),
            Akms = new SuiteList(akms),
        };
        byte[] buf = Buf();
        byte[] element = Take(buf, wpa.TryWrite(buf, out int n), n);
        Assert.Equal(Hex("dd 1a 00 50 f2 01 01 00 00 50 f2 02 02 00 00 50 f2 02 00 50 f2 04 01 00 00 50 f2 02"), element);

        byte[] body = Body(element, ElementId.VendorSpecific);
        Assert.True(WpaElement.IsWpa(body));
        Assert.True(WpaElement.TryRead(body, out WpaElement back, out _));
        Assert.Equal(CipherSuite.WpaTkip, back.GroupCipher);
        Assert.True(back.PairwiseCiphers.Contains(CipherSuite.WpaCcmp));
        Assert.True(back.Akms.Contains(AkmSuite.WpaPsk));
        Assert.False(back.Has(RsnField.Capabilities));
        Assert.Equal(element, Take(buf, back.TryWrite(buf, out n), n));

        // With the optional capabilities tail.
        var withCaps = new WpaElement { LastField = RsnField.Capabilities, GroupCipher = back.GroupCipher, PairwiseCiphers = back.PairwiseCiphers, Akms = back.Akms, Capabilities = RsnCapabilities.PreAuthentication };
        element = Take(buf, withCaps.TryWrite(buf, out n), n);
        Assert.True(WpaElement.TryRead(Body(element, ElementId.VendorSpecific), out back, out _));
        Assert.Equal(RsnCapabilities.PreAuthentication, back.Capabilities);
        Assert.Equal(element, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void HtCapabilities_RoundTrip()
    {
        var mcs = new HtMcsSet(0).WithMcs(0).WithMcs(7).WithMcs(15).WithMcs(76);
        var ht = new HtCapabilitiesElement
        {
            CapabilityInfo = HtCapabilityInfo.LdpcCoding | HtCapabilityInfo.SupportedChannelWidth40 | HtCapabilityInfo.SmPowerSaveDisabled
                | HtCapabilityInfo.ShortGi20 | HtCapabilityInfo.ShortGi40 | HtCapabilityInfo.RxStbcOneStream,
            AmpduParameters = 0x1b,
            SupportedMcsSet = mcs,
            ExtendedCapabilities = 0x0400,
            TransmitBeamformingCapabilities = 0x1234_5678,
            AselCapabilities = 0x01,
        };
        byte[] element = Write(ht.TryWrite);
        Assert.Equal(28, element.Length);
        Assert.Equal(Hex("2d 1a 6f 01 1b 81 80 00 00 00 00 00 00 00 10"), element[..15]);
        Assert.True(HtCapabilitiesElement.TryRead(Body(element, ElementId.HtCapabilities), out HtCapabilitiesElement back, out _));
        Assert.Equal(ht, back);
        Assert.Equal(3, back.MaxAmpduLengthExponent);
        Assert.Equal(6, back.MinMpduStartSpacing);
        Assert.True(back.SupportedMcsSet.IsMcsSupported(76));
        Assert.False(back.SupportedMcsSet.IsMcsSupported(8));
        Assert.False(back.SupportedMcsSet.IsMcsSupported(77));
        Assert.Equal(element, Write(back.TryWrite));
    }

    [Fact]
    public void HtOperation_RoundTrip()
    {
        var op = new HtOperationElement
        {
            PrimaryChannel = 36,
            Information = HtOperationElement.ComposeInformation(SecondaryChannelOffset.Above, anyChannelWidth: true,
                HtProtection.NonHtMixed, nongreenfieldStationsPresent: true, obssNonHtStationsPresent: true, channelCenterFrequencySegment2: 0x2a)
                | (1UL << 32),
            BasicMcsSet = new HtMcsSet(0).WithMcs(0),
        };
        byte[] element = Write(op.TryWrite);
        Assert.Equal(24, element.Length);
        // Info octets: 0x05; 0x03 | 0x04 | 0x10 | (0x2a << 5 & 0xff) = 0x57; 0x2a >> 3 = 0x05; 0x00; 0x01
        Assert.Equal(Hex("3d 16 24 05 57 05 00 01 01"), element[..9]);
        Assert.True(HtOperationElement.TryRead(Body(element, ElementId.HtOperation), out HtOperationElement back, out _));
        Assert.Equal(op, back);
        Assert.Equal(SecondaryChannelOffset.Above, back.SecondaryChannelOffset);
        Assert.True(back.AnyChannelWidth);
        Assert.Equal(HtProtection.NonHtMixed, back.Protection);
        Assert.True(back.NongreenfieldStationsPresent);
        Assert.True(back.ObssNonHtStationsPresent);
        Assert.Equal(0x2a, back.ChannelCenterFrequencySegment2);
        Assert.True(back.StbcBeacon);
        Assert.False(back.DualBeacon);
        Assert.Equal(element, Write(back.TryWrite));
    }

    [Fact]
    public void WmmInformation_RoundTrip()
    {
        var wmm = new WmmInformationElement(0x0f);
        byte[] element = Write(wmm.TryWrite);
        Assert.Equal(Hex("dd 07 00 50 f2 02 00 01 0f"), element);
        byte[] body = Body(element, ElementId.VendorSpecific);
        Assert.True(WmmInformationElement.IsWmmInformation(body));
        Assert.False(WmmParameterElement.IsWmmParameter(body));
        Assert.True(WmmInformationElement.TryRead(body, out WmmInformationElement back, out _));
        Assert.Equal(wmm, back);
        Assert.Equal(element, Write(back.TryWrite));
    }

    [Fact]
    public void WmmParameter_RoundTrip()
    {
        var wmm = new WmmParameterElement
        {
            QosInfo = 0x81,
            BestEffort = WmmAcParameters.Create(AccessCategory.BestEffort, 3, 4, 10, 0),
            Background = WmmAcParameters.Create(AccessCategory.Background, 7, 4, 10, 0),
            Video = WmmAcParameters.Create(AccessCategory.Video, 2, 3, 4, 94),
            Voice = WmmAcParameters.Create(AccessCategory.Voice, 2, 2, 3, 47, admissionControlMandatory: true),
        };
        byte[] element = Write(wmm.TryWrite);
        Assert.Equal(Hex("dd 18 00 50 f2 02 01 01 81 00 03 a4 00 00 27 a4 00 00 42 43 5e 00 72 32 2f 00"), element);
        Assert.True(WmmParameterElement.TryRead(Body(element, ElementId.VendorSpecific), out WmmParameterElement back, out _));
        Assert.Equal(wmm, back);
        Assert.Equal(1, back.ParameterSetCount);
        Assert.True(back.ApUapsd);
        Assert.Equal(AccessCategory.Voice, back[AccessCategory.Voice].Aci);
        Assert.True(back.Voice.AdmissionControlMandatory);
        Assert.Equal(1504, back.Voice.TxopLimitMicroseconds);
        Assert.Equal(15, back.BestEffort.CwMin);
        Assert.Equal(1023, back.BestEffort.CwMax);
        Assert.Equal(element, Write(back.TryWrite));
    }

    [Fact]
    public void ExtendedCapabilities_RoundTrip()
    {
        ExtendedCapability[] caps = [ExtendedCapability.ExtendedChannelSwitching, ExtendedCapability.BssTransition, ExtendedCapability.OperatingModeNotification];
        byte[] buf = Buf();
        byte[] element = Take(buf, ExtendedCapabilitiesElement.TryWrite(buf, caps, out int n), n);
        Assert.Equal(Hex("7f 08 04 00 08 00 00 00 00 40"), element);
        Assert.True(ExtendedCapabilitiesElement.TryRead(Body(element, ElementId.ExtendedCapabilities), out ExtendedCapabilitiesElement back, out _));
        Assert.True(back.IsSet(ExtendedCapability.BssTransition));
        Assert.True(back.IsSet(ExtendedCapability.OperatingModeNotification));
        Assert.False(back.IsSet(ExtendedCapability.Interworking));
        Assert.False(back.IsSet(ExtendedCapability.FtmResponder)); // beyond the field: reads as zero
        Assert.Equal(element, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void VendorSpecific_RoundTrip()
    {
        byte[] content = Hex("04 10 4a 00 01 10");
        byte[] buf = Buf();
        byte[] element = Take(buf, new VendorSpecificElement(VendorOui.Microsoft, content).TryWrite(buf, out int n), n);
        Assert.Equal(Concat(Hex("dd 09 00 50 f2"), content), element);
        Assert.True(VendorSpecificElement.TryRead(Body(element, ElementId.VendorSpecific), out VendorSpecificElement back, out _));
        Assert.Equal(VendorOui.Microsoft, back.Oui);
        Assert.Equal(VendorOui.MicrosoftTypeWps, back.VendorType);
        Assert.True(back.Content.SequenceEqual(content));
        Assert.Equal(element, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void ExtensionElement_RoundTrip()
    {
        byte[] buf = Buf();
        byte[] element = Take(buf, InformationElement.TryWriteExtension(buf, 35, Hex("01 02 03"), out int n), n);
        Assert.Equal(Hex("ff 04 23 01 02 03"), element);
        var reader = new IeReader(element);
        Assert.True(reader.MoveNext());
        Assert.True(reader.Current.IsExtension);
        Assert.Equal(35, reader.Current.ExtensionId);
        Assert.True(reader.Current.Body.SequenceEqual(Hex("01 02 03")));
        Assert.Equal(element, Take(buf, reader.Current.TryWrite(buf, out n), n));
    }

    [Fact]
    public void IeReader_EnumeratesInOrder_WithForeach()
    {
        byte[] elements = Concat(Ssid("a"), Ie(221, 0x00, 0x50, 0xf2, 0x04), Ie(255, 59, 7), Ds(1));
        var ids = new List<(ElementId, byte, int)>();
        foreach (InformationElement ie in new IeReader(elements)) ids.Add((ie.Id, ie.ExtensionId, ie.Body.Length));
        Assert.Equal([(ElementId.Ssid, 0, 1), (ElementId.VendorSpecific, 0, 4), (ElementId.Extension, 59, 1), (ElementId.DsParameterSet, 0, 1)], ids);
        Assert.True(IeReader.TryFind(elements, ElementId.DsParameterSet, out InformationElement ds));
        Assert.Equal(1, ds.Body[0]);
        Assert.False(IeReader.TryFind(elements, ElementId.Tim, out _));
    }

    [Fact]
    public void IeReader_StopsAtTruncation_AndReportsRemaining()
    {
        byte[] elements = Concat(Ssid("ok"), Hex("01 08 82 84"));
        var reader = new IeReader(elements);
        Assert.True(reader.MoveNext());
        Assert.False(reader.MoveNext());
        Assert.Equal(FrameParseError.IeTruncated, reader.Error);
        Assert.Equal(4, reader.Remaining.Length);
        Assert.False(reader.MoveNext());
    }

    [Fact]
    public void ElementWriters_NoRoom_ReturnFalse()
    {
        Assert.False(new SsidElement("abc"u8).TryWrite(new byte[4], out int n));
        Assert.Equal(0, n);
        Assert.False(new DsParameterSetElement(1).TryWrite(new byte[2], out _));
        Assert.False(new HtCapabilitiesElement().TryWrite(new byte[27], out _));
        Assert.False(new HtOperationElement().TryWrite(new byte[23], out _));
        Assert.False(new WmmParameterElement().TryWrite(new byte[25], out _));
        Assert.False(new WmmInformationElement().TryWrite(new byte[8], out _));
        Assert.False(TimElement.TryWrite(new byte[5], 0, 1, false, [], out _));
        Assert.False(new RsnElement { LastField = RsnField.GroupDataCipher }.TryWrite(new byte[7], out _));
        Assert.False(InformationElement.TryWrite(new byte[2], ElementId.Ssid, "x"u8, out _));
        Assert.Throws<ArgumentException>(() => InformationElement.TryWrite(new byte[300], ElementId.Ssid, new byte[256], out _));
    }
}
