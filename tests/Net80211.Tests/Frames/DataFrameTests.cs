using Net80211.Frames;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Frames;

public class DataFrameTests
{
    private static readonly byte[] Ipv4Payload = Hex("aa aa 03 00 00 00 08 00 45 00 00 1c");

    public static TheoryData<string, DataSubtype, FrameControlFlags, bool> Shapes => new()
    {
        { "data to AP", DataSubtype.Data, FrameControlFlags.ToDs, true },
        { "data from AP", DataSubtype.Data, FrameControlFlags.FromDs, true },
        { "data IBSS", DataSubtype.Data, FrameControlFlags.None, true },
        { "data 4-address", DataSubtype.Data, FrameControlFlags.ToDs | FrameControlFlags.FromDs, true },
        { "QoS data", DataSubtype.QosData, FrameControlFlags.FromDs | FrameControlFlags.Retry, true },
        { "QoS data 4-address", DataSubtype.QosData, FrameControlFlags.ToDs | FrameControlFlags.FromDs, true },
        { "QoS data +HTC", DataSubtype.QosData, FrameControlFlags.ToDs | FrameControlFlags.Order, true },
        { "QoS data 4-address +HTC", DataSubtype.QosData, FrameControlFlags.ToDs | FrameControlFlags.FromDs | FrameControlFlags.Order, true },
        { "protected QoS data", DataSubtype.QosData, FrameControlFlags.ToDs | FrameControlFlags.Protected, true },
        { "null", DataSubtype.Null, FrameControlFlags.ToDs | FrameControlFlags.PowerManagement, false },
        { "QoS null", DataSubtype.QosNull, FrameControlFlags.ToDs, false },
        { "QoS null 4-address", DataSubtype.QosNull, FrameControlFlags.ToDs | FrameControlFlags.FromDs, false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RoundTrip(string name, DataSubtype subtype, FrameControlFlags flags, bool hasPayload)
    {
        var fc = FrameControl.Data(subtype, flags);
        var header = new FrameHeader
        {
            FrameControl = fc,
            Duration = DurationId.FromMicroseconds(44),
            Address1 = Ap,
            Address2 = Sta,
            Address3 = Other,
            Address4 = fc.HasAddress4 ? Peer : default,
            SequenceControl = new SequenceControl(321, 0),
            QosControl = fc.IsQosData ? QosControl.Create(6, AckPolicy.Normal) : default,
            HtControl = fc.HasHtControl ? 0x0000_ABCDu : 0,
        };
        var data = new DataFrame { Header = header, Payload = hasPayload ? Ipv4Payload : default };
        byte[] buf = Buf();
        byte[] bytes = Take(buf, data.TryWrite(buf, out int n), n);
        Assert.Equal(header.Length + (hasPayload ? Ipv4Payload.Length : 0), bytes.Length);

        Assert.True(DataFrame.TryRead(bytes, out DataFrame back, out FrameParseError error), $"{name}: {error}");
        Assert.Equal(header, back.Header);
        Assert.True(back.Payload.SequenceEqual(data.Payload));
        Assert.Equal(bytes, Take(buf, back.TryWrite(buf, out n), n));
        Assert.Equal(FrameParseError.None, FrameValidator.Validate(bytes));
    }

    [Fact]
    public void HandAssembledToDsFrame_ExposesSnapPayload()
    {
        byte[] bytes = Concat(DataFc(DataSubtype.Data, 0x01), Hex("2c 00"), Mac(Ap), Mac(Sta), Mac(Other), Hex("a0 01"), Ipv4Payload);
        Assert.True(DataFrame.TryRead(bytes, out DataFrame data, out _));
        Assert.Equal(Ap, data.Header.Bssid);
        Assert.Equal(Other, data.Header.DestinationAddress);
        Assert.Equal(Sta, data.Header.SourceAddress);
        Assert.Equal(26, data.Header.SequenceControl.SequenceNumber);
        Assert.True(Llc.TryReadSnap(data.Payload, out ushort etherType, out ReadOnlySpan<byte> ip));
        Assert.Equal(0x0800, etherType);
        Assert.Equal(0x45, ip[0]);
    }

    [Fact]
    public void ManagementHeader_IsNotData()
    {
        byte[] beacon = Mgmt(ManagementSubtype.Beacon, BeaconFixed());
        Assert.False(DataFrame.TryRead(beacon, out _, out FrameParseError error));
        Assert.Equal(FrameParseError.UnknownType, error);
    }

    [Fact]
    public void NullWithPayload_WriterThrows()
    {
        Assert.Throws<InvalidOperationException>(() => new DataFrame
        {
            Header = new FrameHeader { FrameControl = FrameControl.Data(DataSubtype.Null, FrameControlFlags.ToDs) },
            Payload = new byte[] { 1 },
        }.TryWrite(new byte[64], out _));
    }

    [Fact]
    public void Writer_NoRoom_ReturnsFalse()
    {
        var data = new DataFrame
        {
            Header = new FrameHeader { FrameControl = FrameControl.Data(DataSubtype.Data, FrameControlFlags.ToDs) },
            Payload = Ipv4Payload,
        };
        Assert.False(data.TryWrite(new byte[24 + Ipv4Payload.Length - 1], out int written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData((ushort)0x0800, "aa aa 03 00 00 00 08 00")]
    [InlineData((ushort)0x888e, "aa aa 03 00 00 00 88 8e")]
    [InlineData((ushort)0x8137, "aa aa 03 00 00 f8 81 37")]
    [InlineData((ushort)0x80f3, "aa aa 03 00 00 f8 80 f3")]
    public void Snap_RoundTrip(ushort etherType, string expectedHex)
    {
        var buffer = new byte[10];
        Assert.True(Llc.TryWriteSnap(buffer, etherType, out int written));
        Assert.Equal(Llc.SnapHeaderLength, written);
        Assert.Equal(Hex(expectedHex), buffer[..8]);
        Assert.True(Llc.TryReadSnap(buffer, out ushort back, out ReadOnlySpan<byte> rest));
        Assert.Equal(etherType, back);
        Assert.Equal(2, rest.Length);
    }

    [Theory]
    [InlineData("aa aa 03 00 00 00 08")]          // short
    [InlineData("aa ab 03 00 00 00 08 00")]       // wrong SSAP
    [InlineData("aa aa 03 00 00 01 08 00")]       // unknown OUI
    [InlineData("42 42 03 00 00 00 08 00")]       // STP-style LLC, no SNAP
    public void Snap_RejectsNonSnap(string hex)
    {
        Assert.False(Llc.TryReadSnap(Hex(hex), out _, out _));
        Assert.False(Llc.TryWriteSnap(new byte[7], 0x0800, out _));
    }
}
