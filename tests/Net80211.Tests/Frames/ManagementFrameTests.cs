using Net80211.Frames;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Frames;

public class ManagementFrameTests
{
    private static readonly byte[] SomeElements = Concat(Ssid("lab-net"), RatesIe(), Ds(11));

    /// <summary>Writes header + body, then reads both back through <see cref="ManagementFrame"/>.</summary>
    private static byte[] Frame(ManagementSubtype subtype, byte[] body)
    {
        var header = FrameHeader.Management(subtype, Sta, Ap, Ap, new SequenceControl(42, 0));
        var frame = new ManagementFrame { Header = header, Body = body };
        byte[] buf = Buf();
        byte[] bytes = Take(buf, frame.TryWrite(buf, out int n), n);

        Assert.True(ManagementFrame.TryRead(bytes, out ManagementFrame back, out FrameParseError error), error.ToString());
        Assert.Equal(header, back.Header);
        Assert.Equal(subtype, back.Subtype);
        Assert.True(back.Body.SequenceEqual(body));
        Assert.Equal(FrameParseError.None, FrameValidator.Validate(bytes));
        return bytes[24..];
    }

    [Theory]
    [InlineData(ManagementSubtype.Beacon)]
    [InlineData(ManagementSubtype.ProbeResponse)]
    public void BeaconAndProbeResponse_RoundTrip(ManagementSubtype subtype)
    {
        var beacon = new BeaconFrame
        {
            Timestamp = 0x0102_0304_0506_0708,
            BeaconInterval = 100,
            Capabilities = CapabilityInfo.Ess | CapabilityInfo.Privacy | CapabilityInfo.ShortSlotTime,
            Elements = SomeElements,
        };
        byte[] buf = Buf();
        byte[] body = Take(buf, beacon.TryWrite(buf, out int n), n);
        Assert.Equal(Concat(Hex("08 07 06 05 04 03 02 01 64 00 11 04"), SomeElements), body);

        body = Frame(subtype, body);
        Assert.True(BeaconFrame.TryRead(body, out BeaconFrame back, out _));
        Assert.Equal(beacon.Timestamp, back.Timestamp);
        Assert.Equal(beacon.BeaconInterval, back.BeaconInterval);
        Assert.Equal(beacon.Capabilities, back.Capabilities);
        Assert.True(back.Elements.SequenceEqual(SomeElements));
        Assert.Equal(body, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void ProbeRequest_RoundTrip()
    {
        byte[] elements = Concat(Ie(0), RatesIe());
        var probe = new ProbeRequestFrame { Elements = elements };
        byte[] buf = Buf();
        byte[] body = Frame(ManagementSubtype.ProbeRequest, Take(buf, probe.TryWrite(buf, out int n), n));
        Assert.Equal(elements, body);
        Assert.True(ProbeRequestFrame.TryRead(body, out ProbeRequestFrame back, out _));
        Assert.True(back.Elements.SequenceEqual(elements));
        Assert.Equal(body, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void Authentication_SharedKeyWithChallenge_RoundTrip()
    {
        byte[] challenge = Ie(16, Enumerable.Range(0, 128).Select(i => (byte)i).ToArray());
        var auth = new AuthenticationFrame
        {
            Algorithm = AuthenticationAlgorithm.SharedKey,
            TransactionSequence = 2,
            StatusCode = StatusCode.Success,
            Elements = challenge,
        };
        byte[] buf = Buf();
        byte[] body = Take(buf, auth.TryWrite(buf, out int n), n);
        Assert.Equal(Concat(Hex("01 00 02 00 00 00"), challenge), body);
        body = Frame(ManagementSubtype.Authentication, body);

        Assert.True(AuthenticationFrame.TryRead(body, out AuthenticationFrame back, out _));
        Assert.Equal(AuthenticationAlgorithm.SharedKey, back.Algorithm);
        Assert.Equal(2, back.TransactionSequence);
        Assert.Equal(StatusCode.Success, back.StatusCode);
        Assert.True(ParsedIes.TryParse(back.Elements, out ParsedIes ies, out _));
        Assert.Equal(128, ies.ChallengeText.Length);
        Assert.Equal(body, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void Authentication_SaeBodyIsNotTreatedAsElements()
    {
        // SAE commit: group 19 then scalar octets; the first "element" header would run past the end.
        byte[] body = Concat(Hex("03 00 01 00 00 00 13 00"), Enumerable.Repeat((byte)0xEE, 32).ToArray());
        Assert.True(AuthenticationFrame.TryRead(body, out AuthenticationFrame auth, out _));
        Assert.Equal(AuthenticationAlgorithm.Sae, auth.Algorithm);
        Assert.Equal(34, auth.Elements.Length);
        Assert.Equal(FrameParseError.None, FrameValidator.Validate(Mgmt(ManagementSubtype.Authentication, body)));
    }

    [Theory]
    [InlineData(ManagementSubtype.Deauthentication, ReasonCode.LeavingNetworkDeauth)]
    [InlineData(ManagementSubtype.Disassociation, ReasonCode.MissingAcks)]
    public void DeauthAndDisassoc_RoundTrip(ManagementSubtype subtype, ReasonCode reason)
    {
        var frame = new DeauthenticationFrame { ReasonCode = reason };
        byte[] buf = Buf();
        byte[] body = Frame(subtype, Take(buf, frame.TryWrite(buf, out int n), n));
        Assert.Equal([(byte)reason, 0], body);
        Assert.True(DeauthenticationFrame.TryRead(body, out DeauthenticationFrame back, out _));
        Assert.Equal(reason, back.ReasonCode);
        Assert.True(back.Elements.IsEmpty);
        Assert.Equal(body, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void AssociationRequest_RoundTrip()
    {
        var req = new AssociationRequestFrame
        {
            Capabilities = CapabilityInfo.Ess | CapabilityInfo.ShortPreamble,
            ListenInterval = 10,
            Elements = SomeElements,
        };
        byte[] buf = Buf();
        byte[] body = Frame(ManagementSubtype.AssociationRequest, Take(buf, req.TryWrite(buf, out int n), n));
        Assert.Equal(Hex("21 00 0a 00"), body[..4]);
        Assert.True(AssociationRequestFrame.TryRead(body, out AssociationRequestFrame back, out _));
        Assert.Equal(req.Capabilities, back.Capabilities);
        Assert.Equal(10, back.ListenInterval);
        Assert.True(back.Elements.SequenceEqual(SomeElements));
        Assert.Equal(body, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void ReassociationRequest_RoundTrip()
    {
        var req = new ReassociationRequestFrame
        {
            Capabilities = CapabilityInfo.Ess,
            ListenInterval = 3,
            CurrentApAddress = Other,
            Elements = SomeElements,
        };
        byte[] buf = Buf();
        byte[] body = Frame(ManagementSubtype.ReassociationRequest, Take(buf, req.TryWrite(buf, out int n), n));
        Assert.Equal(Concat(Hex("01 00 03 00"), Mac(Other)), body[..10]);
        Assert.True(ReassociationRequestFrame.TryRead(body, out ReassociationRequestFrame back, out _));
        Assert.Equal(Other, back.CurrentApAddress);
        Assert.Equal(3, back.ListenInterval);
        Assert.Equal(CapabilityInfo.Ess, back.Capabilities);
        Assert.True(back.Elements.SequenceEqual(SomeElements));
        Assert.Equal(body, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Theory]
    [InlineData(ManagementSubtype.AssociationResponse)]
    [InlineData(ManagementSubtype.ReassociationResponse)]
    public void AssociationResponse_RoundTrip_AidTopBits(ManagementSubtype subtype)
    {
        var resp = new AssociationResponseFrame
        {
            Capabilities = CapabilityInfo.Ess | CapabilityInfo.Qos,
            StatusCode = StatusCode.Success,
            Aid = 2007,
            Elements = Concat(RatesIe()),
        };
        byte[] buf = Buf();
        byte[] body = Frame(subtype, Take(buf, resp.TryWrite(buf, out int n), n));
        // AID 2007 = 0x07d7, with bits 14 and 15 set on the air -> 0xc7d7.
        Assert.Equal(Hex("01 02 00 00 d7 c7"), body[..6]);
        Assert.True(AssociationResponseFrame.TryRead(body, out AssociationResponseFrame back, out _));
        Assert.Equal(2007, back.Aid);
        Assert.Equal(StatusCode.Success, back.StatusCode);
        Assert.Equal(resp.Capabilities, back.Capabilities);
        Assert.Equal(body, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void AssociationResponse_Refused_HasNoAid()
    {
        var resp = new AssociationResponseFrame { StatusCode = StatusCode.DeniedNoMoreStas };
        byte[] buf = Buf();
        byte[] body = Take(buf, resp.TryWrite(buf, out int n), n);
        Assert.Equal(Hex("00 00 11 00 00 00"), body);
        Assert.True(AssociationResponseFrame.TryRead(body, out AssociationResponseFrame back, out _));
        Assert.Equal(StatusCode.DeniedNoMoreStas, back.StatusCode);
        Assert.Equal(0, back.Aid);
    }

    [Theory]
    [InlineData(ManagementSubtype.Action)]
    [InlineData(ManagementSubtype.ActionNoAck)]
    public void Action_RoundTrip(ManagementSubtype subtype)
    {
        // Block Ack category, ADDBA request action code 0, dialog token 1, ...
        byte[] details = Hex("00 01 02 10 00 00 10 00");
        var action = new ActionFrame { RawCategory = (byte)ActionCategory.BlockAck, Details = details };
        byte[] buf = Buf();
        byte[] body = Frame(subtype, Take(buf, action.TryWrite(buf, out int n), n));
        Assert.Equal(Concat([3], details), body);
        Assert.True(ActionFrame.TryRead(body, out ActionFrame back, out _));
        Assert.Equal(ActionCategory.BlockAck, back.Category);
        Assert.False(back.IsReturnedAsError);
        Assert.Equal(0, back.ActionCode);
        Assert.Equal(body, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void Action_ErrorBitIsSeparateFromCategory()
    {
        Assert.True(ActionFrame.TryRead(Hex("84 0a"), out ActionFrame action, out _));
        Assert.True(action.IsReturnedAsError);
        Assert.Equal(ActionCategory.Public, action.Category);
        Assert.Equal(10, action.ActionCode);
    }

    [Fact]
    public void Atim_RoundTrip()
    {
        byte[] buf = Buf();
        Assert.True(new AtimFrame().TryWrite(buf, out int n));
        Assert.Equal(0, n);
        Assert.Empty(Frame(ManagementSubtype.Atim, []));
        Assert.True(AtimFrame.TryRead([], out _, out _));
    }

    [Fact]
    public void TimingAdvertisement_RoundTrip()
    {
        byte[] elements = Concat(Ie(7, 0x44, 0x45, 0x20, 1, 13, 20));
        var ta = new TimingAdvertisementFrame { Timestamp = 123456789, Capabilities = CapabilityInfo.None, Elements = elements };
        byte[] buf = Buf();
        byte[] body = Frame(ManagementSubtype.TimingAdvertisement, Take(buf, ta.TryWrite(buf, out int n), n));
        Assert.Equal(10 + elements.Length, body.Length);
        Assert.True(TimingAdvertisementFrame.TryRead(body, out TimingAdvertisementFrame back, out _));
        Assert.Equal(123456789ul, back.Timestamp);
        Assert.True(back.Elements.SequenceEqual(elements));
        Assert.Equal(body, Take(buf, back.TryWrite(buf, out n), n));
    }

    [Fact]
    public void BodyWriters_NoRoom_ReturnFalse()
    {
        Assert.False(new BeaconFrame { Elements = SomeElements }.TryWrite(new byte[12 + SomeElements.Length - 1], out int n));
        Assert.Equal(0, n);
        Assert.False(new BeaconFrame().TryWrite(new byte[11], out _));
        Assert.False(new AuthenticationFrame().TryWrite(new byte[5], out _));
        Assert.False(new AssociationRequestFrame().TryWrite(new byte[3], out _));
        Assert.False(new ReassociationRequestFrame().TryWrite(new byte[9], out _));
        Assert.False(new AssociationResponseFrame().TryWrite(new byte[5], out _));
        Assert.False(new DeauthenticationFrame().TryWrite(new byte[1], out _));
        Assert.False(new ActionFrame().TryWrite([], out _));
        Assert.False(new TimingAdvertisementFrame().TryWrite(new byte[9], out _));
        Assert.False(new ProbeRequestFrame { Elements = SomeElements }.TryWrite(new byte[3], out _));
    }

    [Fact]
    public void StatusAndReasonCodes_HaveStandardValues()
    {
        Assert.Equal(0, (int)StatusCode.Success);
        Assert.Equal(1, (int)StatusCode.RefusedReasonUnspecified);
        Assert.Equal(10, (int)StatusCode.RefusedCapabilitiesMismatch);
        Assert.Equal(13, (int)StatusCode.UnsupportedAuthAlgorithm);
        Assert.Equal(17, (int)StatusCode.DeniedNoMoreStas);
        Assert.Equal(30, (int)StatusCode.RefusedTemporarily);
        Assert.Equal(31, (int)StatusCode.RobustManagementPolicyViolation);
        Assert.Equal(43, (int)StatusCode.InvalidAkmp);
        Assert.Equal(53, (int)StatusCode.InvalidPmkid);
        Assert.Equal(1, (int)ReasonCode.Unspecified);
        Assert.Equal(8, (int)ReasonCode.LeavingNetworkDisassoc);
        Assert.Equal(15, (int)ReasonCode.FourWayHandshakeTimeout);
        Assert.Equal(24, (int)ReasonCode.CipherOutOfPolicy);
        Assert.Equal(34, (int)ReasonCode.MissingAcks);
        Assert.Equal(0x0400, (int)CapabilityInfo.ShortSlotTime);
        Assert.Equal(0x0100, (int)CapabilityInfo.SpectrumManagement);
    }
}
