using System.Buffers.Binary;
using Net80211.Capture;
using Net80211.Frames;
using Net80211.Radiotap;
using static Net80211.Tests.Frames.FrameBytes;

namespace Net80211.Tests.Capture;

public class CapturedFrameTests
{
    private static readonly byte[] Beacon = TestFrames.Beacon(TestFrames.Ap, "lab"u8, 6);

    private static byte[] WithFcs(byte[] frame)
    {
        byte[] buf = new byte[frame.Length + 4];
        frame.CopyTo(buf, 0);
        Assert.True(Fcs.TryAppend(buf, frame.Length, out _));
        return buf;
    }

    private static CapturedFrame Decode(LinkType linkType, byte[] data, int? originalLength = null)
    {
        var record = new CaptureRecord { LinkType = linkType, Data = data, OriginalLength = originalLength ?? data.Length };
        Assert.True(CapturedFrame.TryDecode(record, out CapturedFrame frame, out FrameParseError error), error.ToString());
        return frame;
    }

    private static byte[] Radiotap(RadiotapFlags flags, byte[] frame)
    {
        var header = new RadiotapHeader { Present = RadiotapFields.Flags | RadiotapFields.Channel, Flags = flags, ChannelFrequencyMhz = 2437 };
        byte[] buf = new byte[RadiotapHeader.MaxEncodedLength];
        header.TryWrite(buf, out int n);
        return Concat(buf[..n], frame);
    }

    [Fact]
    public void Raw80211_TrailingFcsIsFoundByItsCrc()
    {
        CapturedFrame with = Decode(LinkType.Ieee80211, WithFcs(Beacon));
        Assert.True(with.HadFcs);
        Assert.Equal(Beacon, with.Frame.ToArray());

        CapturedFrame without = Decode(LinkType.Ieee80211, Beacon);
        Assert.False(without.HadFcs);
        Assert.Equal(Beacon, without.Frame.ToArray());

        // A record cut by the snap length has no FCS in it, whatever its last octets are.
        byte[] cut = WithFcs(Beacon[..30])[..34];
        Assert.False(Decode(LinkType.Ieee80211, cut, originalLength: 200).HadFcs);
    }

    [Fact]
    public void Radiotap_FcsFlagStripsAndChecksTheFcs()
    {
        CapturedFrame good = Decode(LinkType.Ieee80211Radiotap, Radiotap(RadiotapFlags.FcsAtEnd, WithFcs(Beacon)));
        Assert.True(good.HadFcs);
        Assert.False(good.FcsBad);
        Assert.Equal(Beacon, good.Frame.ToArray());
        Assert.Equal(6, good.Channel);
        Assert.Equal(2437, good.FrequencyMhz);

        byte[] corrupted = WithFcs(Beacon);
        corrupted[^1] ^= 0xFF;
        Assert.True(Decode(LinkType.Ieee80211Radiotap, Radiotap(RadiotapFlags.FcsAtEnd, corrupted)).FcsBad);
        Assert.True(Decode(LinkType.Ieee80211Radiotap, Radiotap(RadiotapFlags.BadFcs, Beacon)).FcsBad);

        // Without the flag, a trailing FCS is left alone: radiotap says whether there is one.
        CapturedFrame unflagged = Decode(LinkType.Ieee80211Radiotap, Radiotap(RadiotapFlags.None, WithFcs(Beacon)));
        Assert.False(unflagged.HadFcs);
        Assert.Equal(Beacon.Length + 4, unflagged.Frame.Length);
    }

    private static byte[] Prism(bool bigEndian, int channel, int signal, int rate, byte[] frame)
    {
        var b = new CaptureBytes(bigEndian).U32(PrismHeader.MessageCode).U32(PrismHeader.Length).Raw("wlan0\0\0\0\0\0\0\0\0\0\0\0"u8);
        int[] values = [1000, 2000, channel, 0, 0, signal, 0, rate, 0, frame.Length];
        for (int i = 0; i < 10; i++)
        {
            b.U32((uint)(((i + 1) << 16) | 0x44)).U16(i == 6 ? 1 : 0).U16(4).U32((uint)values[i]); // noise: status 1 = not supplied
        }
        return Concat(b.ToArray(), frame);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Prism_HeaderIsStrippedAndItsItemsRead(bool bigEndian)
    {
        CapturedFrame f = Decode(LinkType.Ieee80211Prism, Prism(bigEndian, 11, -47, 22, WithFcs(Beacon)));
        Assert.Equal(Beacon, f.Frame.ToArray());
        Assert.True(f.HadFcs);
        Assert.Equal(11, f.Channel);
        Assert.Equal(2462, f.FrequencyMhz);
        Assert.Equal(-47, f.SignalDbm);
        Assert.Null(f.NoiseDbm);
        Assert.Equal(22, f.Rate);

        // A positive "signal" is a driver-specific scale, not dBm.
        Assert.Null(Decode(LinkType.Ieee80211Prism, Prism(bigEndian, 11, 57, 22, Beacon)).SignalDbm);
    }

    [Fact]
    public void Avs_UnderEitherLinkType()
    {
        byte[] header = new byte[AvsHeader.MinLength];
        BinaryPrimitives.WriteUInt32BigEndian(header, AvsHeader.Version1);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), AvsHeader.MinLength);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(28), 36);   // channel
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(32), 540);  // 54 Mb/s in 100 kb/s
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(44), 3);    // ssi type dBm
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(48), -61);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(52), -92);
        foreach (LinkType link in new[] { LinkType.Ieee80211Avs, LinkType.Ieee80211Prism })
        {
            CapturedFrame f = Decode(link, Concat(header, Beacon));
            Assert.Equal(Beacon, f.Frame.ToArray());
            Assert.Equal(5180, f.FrequencyMhz);
            Assert.Equal(108, f.Rate);
            Assert.Equal(-61, f.SignalDbm);
            Assert.Equal(-92, f.NoiseDbm);
        }
    }

    public static TheoryData<string, LinkType, byte[], FrameParseError> Undecodable => new()
    {
        { "Ethernet", LinkType.Ethernet, new byte[60], FrameParseError.Unsupported },
        { "radiotap it_len past the record", LinkType.Ieee80211Radiotap, Hex("00 00 40 00 00 00 00 00 00 00"), FrameParseError.TooShort },
        { "Prism msglen past the record", LinkType.Ieee80211Prism, Concat(Hex("44 00 00 00 90 00 00 00"), new byte[40]), FrameParseError.TooShort },
        { "neither Prism nor AVS (wpaclean_crash.pcap)", LinkType.Ieee80211Prism, Hex("00 00 10 00 00 00 00 a0 00 00 00 20 88 7b 01 07 00"), FrameParseError.BadValue },
        { "empty Prism record", LinkType.Ieee80211Prism, [], FrameParseError.TooShort },
    };

    [Theory]
    [MemberData(nameof(Undecodable))]
    public void UndecodableLinkHeaders_AreRefused(string name, LinkType linkType, byte[] data, FrameParseError expected)
    {
        var record = new CaptureRecord { LinkType = linkType, Data = data, OriginalLength = data.Length };
        Assert.False(CapturedFrame.TryDecode(record, out _, out FrameParseError error), name);
        Assert.Equal(expected, error);
    }
}
