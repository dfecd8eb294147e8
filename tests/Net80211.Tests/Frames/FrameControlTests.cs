using Net80211.Frames;

namespace Net80211.Tests.Frames;

public class FrameControlTests
{
    [Fact]
    public void Beacon_DecodesFromWireOctets()
    {
        Assert.True(FrameControl.TryRead([0x80, 0x00], out FrameControl fc));
        Assert.Equal(0, fc.ProtocolVersion);
        Assert.Equal(FrameType.Management, fc.Type);
        Assert.Equal(ManagementSubtype.Beacon, fc.ManagementSubtype);
        Assert.Equal(FrameControlFlags.None, fc.Flags);
    }

    [Fact]
    public void QosDataWithAllFlags_DecodesEachFlag()
    {
        // 0x88 = QoS Data; 0xff = every flag.
        Assert.True(FrameControl.TryRead([0x88, 0xff], out FrameControl fc));
        Assert.Equal(FrameType.Data, fc.Type);
        Assert.Equal(DataSubtype.QosData, fc.DataSubtype);
        Assert.True(fc.ToDs && fc.FromDs && fc.MoreFragments && fc.Retry && fc.PowerManagement && fc.MoreData && fc.Protected && fc.Order);
        Assert.True(fc.IsQosData);
        Assert.True(fc.HasAddress4);
        Assert.True(fc.HasHtControl);
    }

    [Theory]
    [InlineData(ControlSubtype.Ack, 0xd4)]
    [InlineData(ControlSubtype.Cts, 0xc4)]
    [InlineData(ControlSubtype.Rts, 0xb4)]
    [InlineData(ControlSubtype.PsPoll, 0xa4)]
    [InlineData(ControlSubtype.BlockAck, 0x94)]
    [InlineData(ControlSubtype.BlockAckRequest, 0x84)]
    [InlineData(ControlSubtype.CfEnd, 0xe4)]
    public void ControlSubtypes_MatchWellKnownFirstOctet(ControlSubtype subtype, byte firstOctet)
    {
        var fc = FrameControl.Control(subtype, FrameControlFlags.Retry);
        Span<byte> b = stackalloc byte[2];
        Assert.True(fc.TryWrite(b));
        Assert.Equal(firstOctet, b[0]);
        Assert.Equal(0x08, b[1]);
        Assert.True(FrameControl.TryRead(b, out FrameControl back));
        Assert.Equal(fc, back);
        Assert.Equal(subtype, back.ControlSubtype);
    }

    [Fact]
    public void HtControl_OnlyForQosDataAndManagement()
    {
        Assert.False(FrameControl.Data(DataSubtype.Data, FrameControlFlags.Order).HasHtControl);
        Assert.True(FrameControl.Data(DataSubtype.QosData, FrameControlFlags.Order).HasHtControl);
        Assert.True(FrameControl.Management(ManagementSubtype.Action, FrameControlFlags.Order).HasHtControl);
        Assert.False(FrameControl.Control(ControlSubtype.Rts, FrameControlFlags.Order).HasHtControl);
    }

    [Fact]
    public void TryRead_OneByte_IsFalse()
    {
        Assert.False(FrameControl.TryRead([0x80], out _));
        Assert.False(new FrameControl(0x80).TryWrite(new byte[1]));
    }

    [Fact]
    public void SequenceControl_SplitsFields()
    {
        var sc = new SequenceControl(0x2713);
        Assert.Equal(0x271, sc.SequenceNumber);
        Assert.Equal(3, sc.FragmentNumber);
        Assert.Equal(sc, new SequenceControl(0x271, 3));
        Assert.Equal(0, new SequenceControl(4096, 0).SequenceNumber);
        Assert.Equal(2, SequenceControl.Distance(4095, 1));
    }

    [Fact]
    public void QosControl_SplitsFields()
    {
        var q = new QosControl(0x00f5);
        Assert.Equal(5, q.Tid);
        Assert.True(q.EndOfServicePeriod);
        Assert.Equal(AckPolicy.BlockAck, q.AckPolicy);
        Assert.True(q.AmsduPresent);
        Assert.Equal(q, QosControl.Create(5, AckPolicy.BlockAck, eosp: true, amsduPresent: true));
        Assert.Equal(0x12, QosControl.Create(0, highOctet: 0x12).HighOctet);
    }

    [Fact]
    public void DurationId_DistinguishesDurationAndAid()
    {
        var d = DurationId.FromMicroseconds(314);
        Assert.True(d.IsDuration);
        Assert.Equal(314, d.Microseconds);
        Assert.False(d.IsAid);
        Assert.Equal(0x7FFF, DurationId.FromMicroseconds(100_000).Value);

        var aid = DurationId.FromAid(5);
        Assert.Equal(0xC005, aid.Value);
        Assert.True(aid.IsAid);
        Assert.Equal(5, aid.Aid);
        Assert.False(aid.IsDuration);
    }
}
