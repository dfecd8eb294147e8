using Net80211.Frames;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Frames;

public class FrameHeaderTests
{
    public static TheoryData<string, FrameControl, int> Lengths => new()
    {
        { "management", FrameControl.Management(ManagementSubtype.Beacon), 24 },
        { "management +HTC", FrameControl.Management(ManagementSubtype.Action, FrameControlFlags.Order), 28 },
        { "data", FrameControl.Data(DataSubtype.Data, FrameControlFlags.ToDs), 24 },
        { "data non-QoS Order", FrameControl.Data(DataSubtype.Data, FrameControlFlags.Order), 24 },
        { "data 4-address", FrameControl.Data(DataSubtype.Data, FrameControlFlags.ToDs | FrameControlFlags.FromDs), 30 },
        { "QoS data", FrameControl.Data(DataSubtype.QosData, FrameControlFlags.FromDs), 26 },
        { "QoS data +HTC", FrameControl.Data(DataSubtype.QosData, FrameControlFlags.Order), 30 },
        { "QoS data 4-address", FrameControl.Data(DataSubtype.QosData, FrameControlFlags.ToDs | FrameControlFlags.FromDs), 32 },
        { "QoS data 4-address +HTC", FrameControl.Data(DataSubtype.QosData, FrameControlFlags.ToDs | FrameControlFlags.FromDs | FrameControlFlags.Order), 36 },
        { "null", FrameControl.Data(DataSubtype.Null, FrameControlFlags.ToDs), 24 },
        { "QoS null", FrameControl.Data(DataSubtype.QosNull, FrameControlFlags.ToDs), 26 },
        { "ACK", FrameControl.Control(ControlSubtype.Ack), 10 },
        { "CTS", FrameControl.Control(ControlSubtype.Cts), 10 },
        { "RTS", FrameControl.Control(ControlSubtype.Rts), 16 },
        { "BA", FrameControl.Control(ControlSubtype.BlockAck), 16 },
        { "control wrapper (unsupported)", FrameControl.Control(ControlSubtype.ControlWrapper), 0 },
        { "extension (unsupported)", new FrameControl(FrameType.Extension, 0), 0 },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void GetHeaderLength_FollowsFrameControl(string name, FrameControl fc, int expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, FrameHeader.GetHeaderLength(fc));
    }

    [Fact]
    public void ManagementHeader_ReadsHandAssembledBytes()
    {
        byte[] bytes = Hex("80 00 3a 01 ff ff ff ff ff ff 00 11 22 33 44 55 00 11 22 33 44 55 13 27");
        Assert.True(FrameHeader.TryRead(bytes, out FrameHeader h, out FrameParseError error));
        Assert.Equal(FrameParseError.None, error);
        Assert.Equal(24, h.Length);
        Assert.Equal(ManagementSubtype.Beacon, h.FrameControl.ManagementSubtype);
        Assert.Equal(0x013a, h.Duration.Value);
        Assert.Equal(MacAddress.Broadcast, h.DestinationAddress);
        Assert.Equal(Ap, h.SourceAddress);
        Assert.Equal(Ap, h.Bssid);
        Assert.Equal(0x271, h.SequenceControl.SequenceNumber);
        Assert.Equal(3, h.SequenceControl.FragmentNumber);
        AssertRoundTrip(h, bytes);
    }

    [Fact]
    public void ManagementFactory_RoundTrips()
    {
        var h = FrameHeader.Management(ManagementSubtype.ProbeRequest, MacAddress.Broadcast, Sta, MacAddress.Broadcast,
            new SequenceControl(17, 0), FrameControlFlags.Retry, DurationId.FromMicroseconds(0));
        byte[] bytes = Write(h.TryWrite);
        Assert.Equal(24, bytes.Length);
        Assert.True(FrameHeader.TryRead(bytes, out FrameHeader back, out _));
        Assert.Equal(h, back);
    }

    [Fact]
    public void ManagementWithHtc_RoundTrips()
    {
        var h = FrameHeader.Management(ManagementSubtype.Action, Sta, Ap, Ap, new SequenceControl(9, 0), FrameControlFlags.Order)
            with { HtControl = 0xDEADBEEF };
        byte[] bytes = Write(h.TryWrite);
        Assert.Equal(28, bytes.Length);
        Assert.Equal(Hex("ef be ad de"), bytes[24..]);
        AssertRoundTrip(h, bytes);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void DataHeader_AddressRolesFollowTable(bool toDs, bool fromDs)
    {
        var flags = (toDs ? FrameControlFlags.ToDs : 0) | (fromDs ? FrameControlFlags.FromDs : 0);
        MacAddress a1 = MacAddress.Parse("02:00:00:00:00:01"), a2 = MacAddress.Parse("02:00:00:00:00:02"),
            a3 = MacAddress.Parse("02:00:00:00:00:03"), a4 = MacAddress.Parse("02:00:00:00:00:04");
        var h = new FrameHeader
        {
            FrameControl = FrameControl.Data(DataSubtype.Data, flags),
            Address1 = a1, Address2 = a2, Address3 = a3, Address4 = toDs && fromDs ? a4 : default,
            SequenceControl = new SequenceControl(100, 0),
        };
        AssertRoundTrip(h, Write(h.TryWrite));

        Assert.Equal(a1, h.ReceiverAddress);
        Assert.Equal(a2, h.TransmitterAddress);
        (MacAddress da, MacAddress sa, MacAddress? bssid) = (toDs, fromDs) switch
        {
            (false, false) => (a1, a2, (MacAddress?)a3),
            (false, true) => (a1, a3, a2),
            (true, false) => (a3, a2, a1),
            _ => (a3, a4, null),
        };
        Assert.Equal(da, h.DestinationAddress);
        Assert.Equal(sa, h.SourceAddress);
        Assert.Equal(bssid, h.Bssid);
    }

    [Fact]
    public void FourAddressQosHtcHeader_ReadsHandAssembledBytes()
    {
        byte[] bytes = Concat(
            DataFc(DataSubtype.QosData, 0x83),       // ToDS | FromDS | Order
            Hex("2c 00"),                              // duration 44
            Mac(Ap), Mac(Other), Mac(Sta), Hex("50 01"), Mac(Peer),
            Hex("e6 07"),                              // QoS: TID 6, BlockAck policy, A-MSDU present, high octet 7
            Hex("01 02 03 04"));                       // HT Control
        Assert.Equal(36, bytes.Length);
        Assert.True(FrameHeader.TryRead(bytes, out FrameHeader h, out _));
        Assert.Equal(36, h.Length);
        Assert.Equal(Ap, h.ReceiverAddress);
        Assert.Equal(Other, h.TransmitterAddress);
        Assert.Equal(Sta, h.DestinationAddress);
        Assert.Equal(Peer, h.SourceAddress);
        Assert.Null(h.Bssid);
        Assert.Equal(0x15, h.SequenceControl.SequenceNumber);
        Assert.Equal(6, h.QosControl.Tid);
        Assert.Equal(AckPolicy.BlockAck, h.QosControl.AckPolicy);
        Assert.True(h.QosControl.AmsduPresent);
        Assert.Equal(7, h.QosControl.HighOctet);
        Assert.Equal(0x04030201u, h.HtControl);
        AssertRoundTrip(h, bytes);
    }

    [Fact]
    public void QosHtcThreeAddress_RoundTrips()
    {
        var h = new FrameHeader
        {
            FrameControl = FrameControl.Data(DataSubtype.QosData, FrameControlFlags.FromDs | FrameControlFlags.Order | FrameControlFlags.Protected),
            Duration = DurationId.FromMicroseconds(48),
            Address1 = Sta, Address2 = Ap, Address3 = Other,
            SequenceControl = new SequenceControl(4095, 0),
            QosControl = QosControl.Create(3, AckPolicy.NoAck),
            HtControl = 0x80000001,
        };
        byte[] bytes = Write(h.TryWrite);
        Assert.Equal(30, bytes.Length);
        AssertRoundTrip(h, bytes);
    }

    [Fact]
    public void ControlHeaders_HaveOnlyTheirAddresses()
    {
        byte[] ack = Concat(ControlFc(ControlSubtype.Ack), Hex("00 00"), Mac(Sta));
        Assert.True(FrameHeader.TryRead(ack, out FrameHeader h, out _));
        Assert.Equal(10, h.Length);
        Assert.Equal(Sta, h.ReceiverAddress);
        Assert.Equal(MacAddress.Zero, h.TransmitterAddress);
        Assert.Null(h.Bssid);
        AssertRoundTrip(h, ack);

        byte[] rts = Concat(ControlFc(ControlSubtype.Rts), Hex("10 01"), Mac(Ap), Mac(Sta));
        Assert.True(FrameHeader.TryRead(rts, out h, out _));
        Assert.Equal(Sta, h.TransmitterAddress);
        AssertRoundTrip(h, rts);
    }

    [Fact]
    public void TryWrite_NoRoom_ReturnsFalse()
    {
        var h = FrameHeader.Management(ManagementSubtype.Beacon, MacAddress.Broadcast, Ap, Ap);
        Assert.False(h.TryWrite(new byte[23], out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void TryWrite_UnknownLayout_Throws()
    {
        var h = new FrameHeader { FrameControl = new FrameControl(FrameType.Extension, 1) };
        Assert.Throws<InvalidOperationException>(() => h.TryWrite(new byte[64], out _));
    }

    private static void AssertRoundTrip(FrameHeader expected, byte[] bytes)
    {
        Assert.True(FrameHeader.TryRead(bytes, out FrameHeader read, out FrameParseError error), error.ToString());
        Assert.Equal(expected, read);
        Assert.Equal(bytes.Length, read.Length);
        Assert.Equal(bytes, Write(read.TryWrite));
    }
}
