using Net80211.Frames;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Frames;

/// <summary>A beacon as a typical WPA2-PSK 802.11n AP on 2.4 GHz channel 6 sends it, assembled octet by octet.</summary>
public class RealWorldBeaconTests
{
    internal static readonly byte[] Beacon = Hex("""
        80 00 00 00 ff ff ff ff ff ff 00 11 22 33 44 55 00 11 22 33 44 55 10 27
        4b 92 d3 a5 05 00 00 00 64 00 11 04
        00 08 48 6f 6d 65 57 69 46 69
        01 08 82 84 8b 96 0c 12 18 24
        03 01 06
        05 04 00 03 00 00
        07 06 55 53 20 01 0b 1e
        2a 01 00
        30 14 01 00 00 0f ac 04 01 00 00 0f ac 04 01 00 00 0f ac 02 0c 00
        32 04 30 48 60 6c
        2d 1a ef 19 1b ff ff 00 00 00 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00
        3d 16 06 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
        7f 08 04 00 08 00 00 00 00 40
        dd 18 00 50 f2 02 01 01 80 00 03 a4 00 00 27 a4 00 00 42 43 5e 00 62 32 2f 00
        dd 0e 00 50 f2 04 10 4a 00 01 10 10 44 00 01 02
        ff 03 23 01 02
        """);

    [Fact]
    public void Header()
    {
        Assert.Equal(213, Beacon.Length);
        Assert.True(ManagementFrame.TryRead(Beacon, out ManagementFrame frame, out _));
        Assert.Equal(ManagementSubtype.Beacon, frame.Subtype);
        Assert.Equal(MacAddress.Broadcast, frame.Header.DestinationAddress);
        Assert.True(frame.Header.DestinationAddress.IsGroup);
        Assert.Equal(MacAddress.Parse("00:11:22:33:44:55"), frame.Header.Bssid);
        Assert.Equal(0x271, frame.Header.SequenceControl.SequenceNumber);
        Assert.Equal(FrameParseError.None, FrameValidator.Validate(Beacon));
    }

    [Fact]
    public void FixedFields()
    {
        Assert.True(BeaconFrame.TryRead(Beacon.AsSpan(24), out BeaconFrame beacon, out _));
        Assert.Equal(0x0000_0005_A5D3_924Bul, beacon.Timestamp);
        Assert.Equal(100, beacon.BeaconInterval);
        Assert.Equal(CapabilityInfo.Ess | CapabilityInfo.Privacy | CapabilityInfo.ShortSlotTime, beacon.Capabilities);
    }

    [Fact]
    public void Elements()
    {
        Assert.True(BeaconFrame.TryRead(Beacon.AsSpan(24), out BeaconFrame beacon, out _));
        Assert.True(ParsedIes.TryParse(beacon.Elements, out ParsedIes ies, out FrameParseError error), error.ToString());

        Assert.True(ies.Has(ParsedElements.Ssid | ParsedElements.SupportedRates | ParsedElements.ExtendedSupportedRates
            | ParsedElements.DsParameterSet | ParsedElements.Tim | ParsedElements.Country | ParsedElements.ErpInformation
            | ParsedElements.Rsn | ParsedElements.HtCapabilities | ParsedElements.HtOperation
            | ParsedElements.ExtendedCapabilities | ParsedElements.WmmParameter));
        // WPS (00-50-F2 type 4) and the ID-255 element are skipped, not mistaken for anything.
        Assert.False(ies.Has(ParsedElements.Wpa));
        Assert.False(ies.Has(ParsedElements.WmmInformation));

        Assert.Equal("HomeWiFi", System.Text.Encoding.ASCII.GetString(ies.Ssid.Ssid));
        Assert.Equal(8, ies.SupportedRates.Rates.Length);
        Assert.Equal([2, 4, 11, 22, 12, 18, 24, 36], ies.SupportedRates.Rates.ToArray().Select(r => RateCode.GetRateIn500Kbps(r)));
        Assert.Equal(4, ies.SupportedRates.Rates.ToArray().Count(RateCode.IsBasic));
        Assert.Equal(108, RateCode.GetRateIn500Kbps(ies.ExtendedSupportedRates.Rates[^1]));
        Assert.Equal(6, ies.DsParameterSet.CurrentChannel);

        Assert.Equal(0, ies.Tim.DtimCount);
        Assert.Equal(3, ies.Tim.DtimPeriod);
        Assert.False(ies.Tim.GroupTrafficBuffered);
        Assert.False(ies.Tim.IsTrafficBuffered(1));

        Assert.Equal("US ", System.Text.Encoding.ASCII.GetString(ies.Country.CountryString));
        Assert.Equal(1, ies.Country.TripletCount);
        Assert.Equal(CountryTriplet.Subband(1, 11, 30), ies.Country.GetTriplet(0));
        Assert.Equal(0, ies.ErpInformation);

        RsnElement rsn = ies.Rsn;
        Assert.Equal(RsnField.Capabilities, rsn.LastField);
        Assert.Equal(CipherSuite.Ccmp128, rsn.GroupDataCipher);
        Assert.Equal(1, rsn.PairwiseCiphers.Count);
        Assert.Equal((uint)CipherSuite.Ccmp128, rsn.PairwiseCiphers[0]);
        Assert.Equal(1, rsn.Akms.Count);
        Assert.Equal((uint)AkmSuite.Psk, rsn.Akms[0]);
        Assert.Equal(RsnCapabilities.PtksaReplayCounterMask, rsn.Capabilities);
        Assert.False(rsn.ManagementFrameProtectionCapable);

        HtCapabilitiesElement ht = ies.HtCapabilities;
        Assert.Equal(HtCapabilityInfo.LdpcCoding | HtCapabilityInfo.SupportedChannelWidth40 | HtCapabilityInfo.SmPowerSaveDisabled
            | HtCapabilityInfo.ShortGi20 | HtCapabilityInfo.ShortGi40 | HtCapabilityInfo.TxStbc | HtCapabilityInfo.RxStbcOneStream
            | HtCapabilityInfo.MaxAmsdu7935 | HtCapabilityInfo.DsssCck40, ht.CapabilityInfo);
        Assert.Equal(3, ht.MaxAmpduLengthExponent);
        Assert.Equal(6, ht.MinMpduStartSpacing);
        Assert.True(ht.SupportedMcsSet.IsMcsSupported(15));
        Assert.False(ht.SupportedMcsSet.IsMcsSupported(16));
        Assert.True(ht.SupportedMcsSet.TxMcsSetDefined);

        Assert.Equal(6, ies.HtOperation.PrimaryChannel);
        Assert.Equal(SecondaryChannelOffset.Above, ies.HtOperation.SecondaryChannelOffset);
        Assert.True(ies.HtOperation.AnyChannelWidth);
        Assert.Equal(HtProtection.None, ies.HtOperation.Protection);

        Assert.True(ies.ExtendedCapabilities.IsSet(ExtendedCapability.ExtendedChannelSwitching));
        Assert.True(ies.ExtendedCapabilities.IsSet(19));
        Assert.True(ies.ExtendedCapabilities.IsSet(ExtendedCapability.OperatingModeNotification));
        Assert.True(ies.ExtendedCapabilities.IsSet(ExtendedCapability.BssTransition));
        Assert.False(ies.ExtendedCapabilities.IsSet(ExtendedCapability.Interworking));

        WmmParameterElement wmm = ies.WmmParameter;
        Assert.True(wmm.ApUapsd);
        Assert.Equal(0, wmm.ParameterSetCount);
        Assert.Equal((3, 4, 10, 0), (wmm.BestEffort.Aifsn, wmm.BestEffort.EcwMin, wmm.BestEffort.EcwMax, wmm.BestEffort.TxopLimit));
        Assert.Equal(AccessCategory.Background, wmm.Background.Aci);
        Assert.Equal(7, wmm.Background.Aifsn);
        Assert.Equal(3008, wmm.Video.TxopLimitMicroseconds);
        Assert.Equal((AccessCategory.Voice, 2, 3, 7), (wmm.Voice.Aci, wmm.Voice.Aifsn, wmm.Voice.CwMin, wmm.Voice.CwMax));
    }

    [Fact]
    public void Fcs_MatchesIndependentlyComputedValue()
    {
        var withFcs = new byte[Beacon.Length + 4];
        Beacon.CopyTo(withFcs, 0);
        Assert.True(Fcs.TryAppend(withFcs, Beacon.Length, out _));
        // zlib.crc32 of the 213 octets is 0x69021050, sent least significant octet first.
        Assert.Equal(Hex("50 10 02 69"), withFcs[^4..]);
        Assert.True(Fcs.Verify(withFcs));
    }

    [Fact]
    public void ElementsRebuiltWithWriters_AreIdentical()
    {
        // Rebuild the element list with the typed writers and compare octet for octet.
        Assert.True(BeaconFrame.TryRead(Beacon.AsSpan(24), out BeaconFrame beacon, out _));
        Assert.True(ParsedIes.TryParse(beacon.Elements, out ParsedIes ies, out _));
        var buf = new byte[512];
        int at = 0;
        Span<byte> b = buf;
        Assert.True(ies.Ssid.TryWrite(b[at..], out int n)); at += n;
        Assert.True(ies.SupportedRates.TryWrite(b[at..], out n)); at += n;
        Assert.True(ies.DsParameterSet.TryWrite(b[at..], out n)); at += n;
        Assert.True(ies.Tim.TryWrite(b[at..], out n)); at += n;
        Assert.True(ies.Country.TryWrite(b[at..], out n)); at += n;
        Assert.True(InformationElement.TryWrite(b[at..], ElementId.ErpInformation, [ies.ErpInformation], out n)); at += n;
        Assert.True(ies.Rsn.TryWrite(b[at..], out n)); at += n;
        Assert.True(ies.ExtendedSupportedRates.TryWrite(b[at..], out n)); at += n;
        Assert.True(ies.HtCapabilities.TryWrite(b[at..], out n)); at += n;
        Assert.True(ies.HtOperation.TryWrite(b[at..], out n)); at += n;
        Assert.True(ies.ExtendedCapabilities.TryWrite(b[at..], out n)); at += n;
        Assert.True(ies.WmmParameter.TryWrite(b[at..], out n)); at += n;
        int wps = beacon.Elements.Length - at;
        Assert.Equal(beacon.Elements[..at].ToArray(), buf[..at]);
        Assert.Equal(16 + 5, wps);
    }
}
