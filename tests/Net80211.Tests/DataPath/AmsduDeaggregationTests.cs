using System.Buffers.Binary;
using Net80211.DataPath;
using Net80211.Frames;
using Net80211.Packets;
using static Net80211.Tests.DataPath.DataPathWorld;

namespace Net80211.Tests.DataPath;

public class AmsduDeaggregationTests
{
    private static byte[] Subframe(MacAddress da, MacAddress sa, ReadOnlySpan<byte> msdu, bool pad)
    {
        int length = AmsduDeaggregation.SubframeHeaderLength + msdu.Length;
        var bytes = new byte[pad ? (length + 3) & ~3 : length];
        da.WriteTo(bytes);
        sa.WriteTo(bytes.AsSpan(6));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(12), (ushort)msdu.Length);
        msdu.CopyTo(bytes.AsSpan(14));
        return bytes;
    }

    private static byte[] Amsdu(params byte[][] subframes)
    {
        var header = new FrameHeader
        {
            FrameControl = FrameControl.Data(DataSubtype.QosData, FrameControlFlags.FromDs),
            Address1 = Peer,
            Address2 = Bssid,
            Address3 = Bssid,
            SequenceControl = new SequenceControl(7, 0),
            QosControl = QosControl.Create(5, amsduPresent: true),
        };
        var body = subframes.SelectMany(s => s).ToArray();
        var bytes = new byte[header.Length + body.Length];
        header.TryWrite(bytes, out _);
        body.CopyTo(bytes, header.Length);
        return bytes;
    }

    private static readonly byte[] SnapIpv4 = [0xAA, 0xAA, 0x03, 0, 0, 0, 0x08, 0x00, 0x45, 0x00, 0x00, 0x14, 9, 9, 9];
    private static readonly byte[] Llc = [0x42, 0x42, 0x03, 1, 2, 3, 4];

    [Fact]
    public void Subframes_become_ethernet_frames()
    {
        var w = new DataPathWorld();
        var frame = w.Pool.Rent(Amsdu(
            Subframe(Remote, Host, SnapIpv4, pad: true),
            Subframe(MacAddress.Broadcast, Host, Llc, pad: true),
            Subframe(Host, Remote, SnapIpv4, pad: false)));
        var output = new List<Packet>();
        Assert.True(AmsduDeaggregation.TryDeaggregate(frame, w.Pool, output, out var info, out var error), error.ToString());
        Assert.Equal(5, info.Tid);
        Assert.Equal(3, output.Count);
        Assert.Equal(Ethernet(Remote, Host, 0x0800, 0).Concat(SnapIpv4[8..]).ToArray(), output[0].Data.ToArray());
        Assert.Equal(Ethernet(MacAddress.Broadcast, Host, (ushort)Llc.Length, 0).Concat(Llc).ToArray(), output[1].Data.ToArray());
        Assert.True(output[1].Meta.Flags.HasFlag(PacketFlags.Multicast));
        Assert.Equal(5, output[2].Meta.Tid);
        foreach (var p in output) p.Free();
        w.AssertNoLeaks();
    }

    public static TheoryData<string, byte[], FrameParseError> Bad => new()
    {
        { "truncated subframe header", Amsdu(Subframe(Remote, Host, SnapIpv4, true), new byte[10]), FrameParseError.TooShort },
        { "length past the end", Amsdu(Subframe(Remote, Host, SnapIpv4, false)[..20]), FrameParseError.BadLength },
        { "empty subframe", Amsdu(Subframe(Remote, Host, [], false)), FrameParseError.BadLength },
        { "no subframes", Amsdu(), FrameParseError.TooShort },
        { "injected (DA is a SNAP header)", Amsdu(Subframe(MacAddress.Parse("aa:aa:03:00:00:00"), Host, SnapIpv4, false)), FrameParseError.BadValue },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Broken_aggregates_produce_nothing(string name, byte[] bytes, FrameParseError expected)
    {
        var w = new DataPathWorld();
        var frame = w.Pool.Rent(bytes);
        var output = new List<Packet>();
        Assert.False(AmsduDeaggregation.TryDeaggregate(frame, w.Pool, output, out _, out var error), name);
        Assert.Equal(expected, error);
        Assert.Empty(output);
        Assert.Equal(bytes, frame.Data.ToArray());
        frame.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Plain_frames_are_not_aggregates()
    {
        var w = new DataPathWorld();
        var p = w.Pool.Rent(Ipv4(Remote, Host, 0));
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.FromAp, qos: true), out _));
        var output = new List<Packet>();
        Assert.False(AmsduDeaggregation.TryDeaggregate(p, w.Pool, output, out _, out var error));
        Assert.Equal(FrameParseError.UnknownType, error);
        p.Free();
        w.AssertNoLeaks();
    }
}
