using Net80211.Frames;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Frames;

public class ControlFrameTests
{
    [Fact]
    public void Ack_RoundTrip()
    {
        var ack = new AckFrame { Flags = FrameControlFlags.PowerManagement, Duration = DurationId.FromMicroseconds(0), ReceiverAddress = Sta };
        byte[] bytes = Write(ack.TryWrite);
        Assert.Equal(Concat(ControlFc(ControlSubtype.Ack, 0x10), Hex("00 00"), Mac(Sta)), bytes);
        Assert.True(AckFrame.TryRead(bytes, out AckFrame back, out FrameParseError error), error.ToString());
        Assert.Equal(ack, back);
        Assert.Equal(bytes, Write(back.TryWrite));
    }

    [Fact]
    public void Cts_RoundTrip()
    {
        var cts = new CtsFrame { Duration = DurationId.FromMicroseconds(1234), ReceiverAddress = Ap };
        byte[] bytes = Write(cts.TryWrite);
        Assert.Equal(Concat(ControlFc(ControlSubtype.Cts), Hex("d2 04"), Mac(Ap)), bytes);
        Assert.True(CtsFrame.TryRead(bytes, out CtsFrame back, out _));
        Assert.Equal(cts, back);
        Assert.Equal(bytes, Write(back.TryWrite));
        // An ACK is not a CTS.
        Assert.False(AckFrame.TryRead(bytes, out _, out FrameParseError error));
        Assert.Equal(FrameParseError.UnknownType, error);
    }

    [Fact]
    public void Rts_RoundTrip()
    {
        var rts = new RtsFrame { Duration = DurationId.FromMicroseconds(500), ReceiverAddress = Ap, TransmitterAddress = Sta };
        byte[] bytes = Write(rts.TryWrite);
        Assert.Equal(Concat(ControlFc(ControlSubtype.Rts), Hex("f4 01"), Mac(Ap), Mac(Sta)), bytes);
        Assert.True(RtsFrame.TryRead(bytes, out RtsFrame back, out _));
        Assert.Equal(rts, back);
        Assert.Equal(bytes, Write(back.TryWrite));
    }

    [Fact]
    public void PsPoll_RoundTrip_SetsAidTopBits()
    {
        var poll = new PsPollFrame { Flags = FrameControlFlags.PowerManagement, Aid = 7, Bssid = Ap, TransmitterAddress = Sta };
        byte[] bytes = Write(poll.TryWrite);
        Assert.Equal(Concat(ControlFc(ControlSubtype.PsPoll, 0x10), Hex("07 c0"), Mac(Ap), Mac(Sta)), bytes);
        Assert.True(PsPollFrame.TryRead(bytes, out PsPollFrame back, out _));
        Assert.Equal(poll, back);
        Assert.Equal(bytes, Write(back.TryWrite));
    }

    [Fact]
    public void CfEnd_RoundTrip()
    {
        var end = new CfEndFrame { ReceiverAddress = MacAddress.Broadcast, Bssid = Ap };
        byte[] bytes = Write(end.TryWrite);
        Assert.Equal(16, bytes.Length);
        Assert.True(CfEndFrame.TryRead(bytes, out CfEndFrame back, out _));
        Assert.Equal(end, back);
        Assert.Equal(bytes, Write(back.TryWrite));
    }

    [Fact]
    public void BlockAckRequest_RoundTrip()
    {
        var bar = new BlockAckRequestFrame
        {
            Duration = DurationId.FromMicroseconds(60),
            ReceiverAddress = Ap,
            TransmitterAddress = Sta,
            Control = new BlockAckControl(BlockAckType.Compressed, tid: 5),
            StartingSequenceControl = new SequenceControl(1000, 0),
        };
        byte[] bytes = Write(bar.TryWrite);
        // BAR control: compressed (bit 2) and TID 5 in bits 12-15 -> 0x5004; SSC 1000 << 4 = 0x3e80.
        Assert.Equal(Concat(ControlFc(ControlSubtype.BlockAckRequest), Hex("3c 00"), Mac(Ap), Mac(Sta), Hex("04 50 80 3e")), bytes);
        Assert.True(BlockAckRequestFrame.TryRead(bytes, out BlockAckRequestFrame back, out _));
        Assert.Equal(bar, back);
        Assert.Equal(5, back.Control.Tid);
        Assert.Equal(BlockAckType.Compressed, back.Control.Type);
        Assert.Equal(bytes, Write(back.TryWrite));
    }

    [Fact]
    public void BlockAck_RoundTrip_AndBitmapLookup()
    {
        var ba = new BlockAckFrame
        {
            ReceiverAddress = Sta,
            TransmitterAddress = Ap,
            Control = new BlockAckControl(BlockAckType.Compressed, tid: 0, noAck: true),
            StartingSequenceControl = new SequenceControl(4090, 0),
            Bitmap = 0x8000_0000_0000_0005,
        };
        byte[] bytes = Write(ba.TryWrite);
        Assert.Equal(28, bytes.Length);
        Assert.Equal(Hex("05 00 00 00 00 00 00 80"), bytes[20..]);
        Assert.True(BlockAckFrame.TryRead(bytes, out BlockAckFrame back, out _));
        Assert.Equal(ba, back);
        Assert.True(back.Control.NoAck);
        Assert.Equal(bytes, Write(back.TryWrite));

        Assert.True(back.IsAcknowledged(4090));
        Assert.False(back.IsAcknowledged(4091));
        Assert.True(back.IsAcknowledged(4092));
        Assert.True(back.IsAcknowledged((4090 + 63) % 4096)); // wraps past 4095
        Assert.False(back.IsAcknowledged(4089));
    }

    [Fact]
    public void Writers_NoRoom_ReturnFalse()
    {
        var small = new byte[9];
        Assert.False(new AckFrame().TryWrite(small, out _));
        Assert.False(new CtsFrame().TryWrite(small, out _));
        Assert.False(new RtsFrame().TryWrite(new byte[15], out _));
        Assert.False(new PsPollFrame().TryWrite(new byte[15], out _));
        Assert.False(new CfEndFrame().TryWrite(new byte[15], out _));
        Assert.False(new BlockAckRequestFrame().TryWrite(new byte[19], out _));
        Assert.False(new BlockAckFrame().TryWrite(new byte[27], out int written));
        Assert.Equal(0, written);
    }
}
