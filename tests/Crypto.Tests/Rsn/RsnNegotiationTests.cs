using Net80211.Security;
using Net80211.Crypto.Rsn;
using Net80211.Frames;

namespace Crypto.Tests.Rsn;

public class RsnNegotiationTests
{
    private static RsnConfiguration Config(MfpMode mfp = MfpMode.Disabled, CipherSuite[]? pairwise = null, AkmSuite[]? akms = null, bool wpa1 = false)
        => new() { Mfp = mfp, PairwiseCiphers = pairwise ?? [CipherSuite.Ccmp128], Akms = akms ?? [AkmSuite.Psk], AllowWpa1 = wpa1 };

    /// <summary>12.6.3 / Table 12-? (robust management frame selection): station policy × AP policy.</summary>
    public static TheoryData<MfpMode, MfpMode, bool, bool, ushort> MfpTable() => new()
    {
        // station,          AP,                 associates, MFP used, status when refused
        { MfpMode.Disabled, MfpMode.Disabled, true, false, 0 },
        { MfpMode.Disabled, MfpMode.Capable, true, false, 0 },
        { MfpMode.Disabled, MfpMode.Required, false, false, 31 },
        { MfpMode.Capable, MfpMode.Disabled, true, false, 0 },
        { MfpMode.Capable, MfpMode.Capable, true, true, 0 },
        { MfpMode.Capable, MfpMode.Required, true, true, 0 },
        { MfpMode.Required, MfpMode.Disabled, false, false, 31 },
        { MfpMode.Required, MfpMode.Capable, true, true, 0 },
        { MfpMode.Required, MfpMode.Required, true, true, 0 },
    };

    [Theory]
    [MemberData(nameof(MfpTable))]
    public void MfpNegotiation(MfpMode station, MfpMode ap, bool associates, bool mfpUsed, ushort status)
    {
        RsnConfiguration sta = Config(station), apConfig = Config(ap);
        byte[] beacon = RsnElementBuilder.ForBeacon(apConfig);
        bool selected = RsnNegotiation.TrySelect(sta, beacon, out NegotiatedSuite? suite, out RsnRefusal refusal);
        Assert.Equal(associates, selected);
        if (!selected)
        {
            Assert.Equal(status, (ushort)refusal.Status);
            Assert.Equal(StatusCode.RobustManagementPolicyViolation, refusal.Status);
            Assert.Equal(ReasonCode.InvalidRsneCapabilities, refusal.Reason);
            // An AP meeting a station that associates anyway (with its own element) refuses it the same way.
            byte[] staElement = RsnElementBuilder.ForAssociation(sta, new NegotiatedSuite());
            Assert.False(RsnNegotiation.TryAccept(apConfig, staElement, out _, out RsnRefusal apRefusal));
            Assert.Equal(StatusCode.RobustManagementPolicyViolation, apRefusal.Status);
            return;
        }
        Assert.Equal(mfpUsed, suite!.ManagementFrameProtection);
        byte[] request = RsnElementBuilder.ForAssociation(sta, suite);
        Assert.True(RsnNegotiation.TryAccept(apConfig, request, out NegotiatedSuite? accepted, out refusal), refusal.Why);
        Assert.Equal(mfpUsed, accepted.ManagementFrameProtection);
    }

    [Fact]
    public void MfprWithoutMfpcIsAnInvalidElement()
    {
        byte[] element = RsnElementBuilder.ForBeacon(Config(MfpMode.Required));
        // RSN Capabilities is the last field, little-endian: MFPR (0x40) without MFPC (0x80).
        element[^2] = 0x40;
        element[^1] = 0x00;
        Assert.False(RsnNegotiation.TrySelect(Config(MfpMode.Capable), element, out _, out RsnRefusal refusal));
        Assert.Equal(StatusCode.InvalidRsneCapabilities, refusal.Status);
    }

    [Fact]
    public void MfpIsNotUsedWithTkip()
    {
        RsnConfiguration tkip = Config(MfpMode.Capable, [CipherSuite.Tkip]) with { GroupCipher = CipherSuite.Tkip };
        Assert.True(RsnNegotiation.TrySelect(tkip, RsnElementBuilder.ForBeacon(tkip), out NegotiatedSuite? suite, out _));
        Assert.False(suite.ManagementFrameProtection);
        RsnConfiguration required = tkip with { Mfp = MfpMode.Required };
        Assert.False(RsnNegotiation.TrySelect(required, RsnElementBuilder.ForBeacon(required), out _, out RsnRefusal refusal));
        Assert.Equal(StatusCode.RobustManagementPolicyViolation, refusal.Status);
    }

    [Fact]
    public void BestCommonPairwiseCipherAndAkmAreChosen()
    {
        RsnConfiguration ap = Config(pairwise: [CipherSuite.Tkip, CipherSuite.Ccmp128, CipherSuite.Gcmp128, CipherSuite.Ccmp256], akms: [AkmSuite.Psk, AkmSuite.PskSha256]);
        Assert.True(RsnNegotiation.TrySelect(Config(pairwise: [CipherSuite.Ccmp128, CipherSuite.Gcmp256, CipherSuite.Ccmp256, CipherSuite.Tkip], akms: [AkmSuite.Psk, AkmSuite.PskSha256]),
            RsnElementBuilder.ForBeacon(ap), out NegotiatedSuite? suite, out _));
        Assert.Equal(CipherSuite.Ccmp256, suite.PairwiseCipher);
        Assert.Equal(AkmSuite.PskSha256, suite.Akm);
        Assert.Equal(KeyDescriptorVersion.AesCmac, suite.DescriptorVersion);

        Assert.True(RsnNegotiation.TrySelect(Config(pairwise: [CipherSuite.Tkip, CipherSuite.Ccmp128]), RsnElementBuilder.ForBeacon(ap), out suite, out _));
        Assert.Equal(CipherSuite.Ccmp128, suite.PairwiseCipher);
        Assert.Equal(AkmSuite.Psk, suite.Akm);
    }

    [Fact]
    public void NoCommonSuitesAreRefusedWithTheirStatusCodes()
    {
        byte[] beacon = RsnElementBuilder.ForBeacon(Config(pairwise: [CipherSuite.Gcmp256]) with { GroupCipher = CipherSuite.Gcmp256 });
        Assert.False(RsnNegotiation.TrySelect(Config(), beacon, out _, out RsnRefusal refusal));
        Assert.Equal(StatusCode.InvalidGroupCipher, refusal.Status);
        Assert.False(RsnNegotiation.TrySelect(Config() with { AcceptedGroupCiphers = [CipherSuite.Gcmp256] }, beacon, out _, out refusal));
        Assert.Equal(StatusCode.InvalidPairwiseCipher, refusal.Status);
        Assert.Equal(ReasonCode.InvalidPairwiseCipher, refusal.Reason);
        Assert.False(RsnNegotiation.TrySelect(Config(akms: [AkmSuite.PskSha256]), RsnElementBuilder.ForBeacon(Config()), out _, out refusal));
        Assert.Equal(StatusCode.InvalidAkmp, refusal.Status);

        // The AP insists on its group cipher.
        byte[] request = RsnElementBuilder.ForAssociation(Config(), new NegotiatedSuite { GroupCipher = CipherSuite.Tkip });
        Assert.False(RsnNegotiation.TryAccept(Config(pairwise: [CipherSuite.Ccmp128, CipherSuite.Tkip]), request, out _, out refusal));
        Assert.Equal(StatusCode.InvalidGroupCipher, refusal.Status);
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0x02, 0x02, 0x00 }, StatusCode.UnsupportedRsneVersion)]
    [InlineData(new byte[] { 0x30, 0x03, 0x01, 0x00, 0x00 }, StatusCode.InvalidElement)]
    [InlineData(new byte[] { 0x30, 0x09, 0x01, 0x00 }, StatusCode.InvalidElement)]
    [InlineData(new byte[] { 0x2D, 0x02, 0x01, 0x00 }, StatusCode.InvalidElement)]
    [InlineData(new byte[] { 0x30 }, StatusCode.InvalidElement)]
    public void MalformedElementsAreRefused(byte[] element, StatusCode status)
    {
        Assert.False(RsnNegotiation.TrySelect(Config(), element, out _, out RsnRefusal refusal));
        Assert.Equal(status, refusal.Status);
    }

    [Fact]
    public void AbsentFieldsTakeTheirDefaults()
    {
        // Version only: CCMP-128 group and pairwise, 802.1X AKM (9.4.2.24.1).
        Assert.True(RsnNegotiation.TrySelect(Config(akms: [AkmSuite.Ieee8021X]), [0x30, 0x02, 0x01, 0x00], out NegotiatedSuite? suite, out _));
        Assert.Equal(CipherSuite.Ccmp128, suite.PairwiseCipher);
        Assert.Equal(AkmSuite.Ieee8021X, suite.Akm);
    }

    [Fact]
    public void Wpa1IsUsedOnlyWhenAllowedAndRsnIsPreferred()
    {
        RsnConfiguration ap = Config(pairwise: [CipherSuite.Tkip, CipherSuite.Ccmp128], wpa1: true) with { GroupCipher = CipherSuite.Tkip };
        byte[] rsn = RsnElementBuilder.ForBeacon(ap), wpa = RsnElementBuilder.WpaForBeacon(ap);
        Assert.Equal(new byte[] { 0xDD, 0x1A, 0x00, 0x50, 0xF2, 0x01, 0x01, 0x00, 0x00, 0x50, 0xF2, 0x02 }, wpa[..12]);

        RsnConfiguration sta = Config(pairwise: [CipherSuite.Tkip, CipherSuite.Ccmp128], wpa1: true);
        Assert.True(RsnNegotiation.TrySelect(sta, rsn, wpa, out NegotiatedSuite? suite, out _));
        Assert.Equal(RsnProtocol.Rsn, suite.Protocol);
        Assert.True(RsnNegotiation.TrySelect(sta, default, wpa, out suite, out _));
        Assert.Equal(RsnProtocol.Wpa, suite.Protocol);
        Assert.Equal(CipherSuite.Ccmp128, suite.PairwiseCipher);
        Assert.Equal(CipherSuite.Tkip, suite.GroupCipher);
        Assert.Equal(AkmSuite.Psk, suite.Akm);
        Assert.Equal(254, suite.DescriptorType);

        byte[] request = RsnElementBuilder.ForAssociation(sta, suite);
        Assert.True(RsnNegotiation.TryAccept(ap, request, out NegotiatedSuite? accepted, out _));
        Assert.Equal(suite, accepted);

        Assert.False(RsnNegotiation.TrySelect(sta with { AllowWpa1 = false }, default, wpa, out _, out RsnRefusal refusal));
        Assert.Contains("WPA1", refusal.Why, StringComparison.Ordinal);
        Assert.False(RsnNegotiation.TryAccept(ap with { AllowWpa1 = false }, request, out _, out _));
        Assert.False(RsnNegotiation.TrySelect(sta with { Mfp = MfpMode.Required }, default, wpa, out _, out refusal));
        Assert.Equal(StatusCode.RobustManagementPolicyViolation, refusal.Status);
    }

    [Fact]
    public void OurElementsParseWithTheCodec()
    {
        RsnConfiguration config = Config(MfpMode.Required, [CipherSuite.Ccmp128, CipherSuite.Gcmp256], [AkmSuite.Psk, AkmSuite.PskSha256]);
        byte[] beacon = RsnElementBuilder.ForBeacon(config);
        Assert.True(RsnElement.TryRead(beacon.AsSpan(2), out RsnElement rsn, out _));
        Assert.Equal(2, rsn.PairwiseCiphers.Count);
        Assert.Equal((uint)CipherSuite.Gcmp256, rsn.PairwiseCiphers[0]); // best first
        Assert.True(rsn.ManagementFrameProtectionRequired);
        Assert.True(rsn.ManagementFrameProtectionCapable);
        Assert.False(rsn.Has(RsnField.GroupManagementCipher)); // BIP-CMAC-128 is the default

        Assert.True(RsnNegotiation.TrySelect(config, beacon, out NegotiatedSuite? suite, out _));
        byte[] request = RsnElementBuilder.ForAssociation(config, suite);
        Assert.True(RsnElement.TryRead(request.AsSpan(2), out RsnElement req, out _));
        Assert.Equal(1, req.PairwiseCiphers.Count);
        Assert.Equal(1, req.Akms.Count);
        Assert.Equal((uint)AkmSuite.PskSha256, req.Akms[0]);
    }
}
