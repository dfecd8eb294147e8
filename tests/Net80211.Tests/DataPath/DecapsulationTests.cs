using Net80211.DataPath;
using Net80211.Frames;
using Net80211.Packets;
using static Net80211.Tests.DataPath.DataPathWorld;

namespace Net80211.Tests.DataPath;

public class DecapsulationTests
{
    private static byte[] Mpdu(FrameControl fc, ReadOnlySpan<byte> body, QosControl qos = default)
    {
        var header = new FrameHeader
        {
            FrameControl = fc,
            Address1 = Remote,
            Address2 = Bssid,
            Address3 = Host,
            Address4 = fc.HasAddress4 ? Host : default,
            SequenceControl = new SequenceControl(10, 0),
            QosControl = qos,
        };
        var bytes = new byte[header.Length + body.Length];
        header.TryWrite(bytes, out _);
        body.CopyTo(bytes.AsSpan(header.Length));
        return bytes;
    }

    private static readonly byte[] SnapIpv4 = [0xAA, 0xAA, 0x03, 0, 0, 0, 0x08, 0x00, 0x45, 0x00, 0x00, 0x14];

    [Fact]
    public void Null_and_qos_null_frames_have_no_data()
    {
        var w = new DataPathWorld();
        foreach (var fc in new[]
        {
            FrameControl.Data(DataSubtype.Null, FrameControlFlags.ToDs | FrameControlFlags.PowerManagement),
            FrameControl.Data(DataSubtype.QosNull, FrameControlFlags.ToDs),
            FrameControl.Data(DataSubtype.CfAck, FrameControlFlags.ToDs),
        })
        {
            var bytes = Mpdu(fc, [], fc.IsQosData ? QosControl.Create(3) : default);
            var p = w.Pool.Rent(bytes);
            Assert.False(Decapsulation.TryDecapsulate(p, out var info, out var error));
            Assert.Equal(FrameParseError.None, error);
            Assert.True(info.NoData);
            Assert.Equal(fc, info.Header.FrameControl);
            Assert.Equal(bytes, p.Data.ToArray());
            p.Free();
        }
        w.AssertNoLeaks();
    }

    public static TheoryData<string, byte[], FrameParseError> Malformed => new()
    {
        { "empty", [], FrameParseError.TooShort },
        { "one byte", [0x08], FrameParseError.TooShort },
        { "truncated header", Mpdu(FrameControl.Data(DataSubtype.Data), SnapIpv4)[..20], FrameParseError.TooShort },
        { "truncated QoS header", Mpdu(FrameControl.Data(DataSubtype.QosData), [], QosControl.Create(1))[..25], FrameParseError.TooShort },
        { "protocol version 1", Version1(), FrameParseError.BadVersion },
        { "management frame", Mpdu(FrameControl.Management(ManagementSubtype.Beacon), new byte[12]), FrameParseError.UnknownType },
        { "ACK", [0xD4, 0, 0, 0, 1, 2, 3, 4, 5, 6], FrameParseError.UnknownType },
        { "extension type", [0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], FrameParseError.UnknownType },
        { "data without body", Mpdu(FrameControl.Data(DataSubtype.Data), []), FrameParseError.TooShort },
        { "null frame with a body", Mpdu(FrameControl.Data(DataSubtype.Null), SnapIpv4), FrameParseError.BadLength },
        { "LLC PDU longer than 1500", Mpdu(FrameControl.Data(DataSubtype.Data), new byte[1501]), FrameParseError.BadLength },
        { "still protected", Mpdu(FrameControl.Data(DataSubtype.Data, FrameControlFlags.Protected), SnapIpv4), FrameParseError.Unsupported },
        { "first fragment", Mpdu(FrameControl.Data(DataSubtype.Data, FrameControlFlags.MoreFragments), SnapIpv4), FrameParseError.Unsupported },
        { "A-MSDU", Mpdu(FrameControl.Data(DataSubtype.QosData), SnapIpv4, QosControl.Create(0, amsduPresent: true)), FrameParseError.Unsupported },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_frames_are_refused_with_a_reason(string name, byte[] bytes, FrameParseError expected)
    {
        var w = new DataPathWorld();
        var p = w.Pool.Rent(bytes);
        Assert.False(Decapsulation.TryDecapsulate(p, out _, out var error), name);
        Assert.Equal(expected, error);
        Assert.Equal(bytes, p.Data.ToArray());
        p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var w = new DataPathWorld();
        var random = new Random(80211);
        var buffer = new byte[64];
        var frames = new List<Packet>();
        for (int i = 0; i < 20_000; i++)
        {
            int length = random.Next(buffer.Length + 1);
            random.NextBytes(buffer);
            // Bias towards data frames of version 0 so the deeper checks run too.
            if (length > 0 && (i & 1) == 0) buffer[0] = (byte)((buffer[0] & 0xF0) | 0x08);
            var p = w.Pool.Rent(buffer.AsSpan(0, length));
            Decapsulation.TryDecapsulate(p, out _, out _);
            p.Free();
            p = w.Pool.Rent(buffer.AsSpan(0, length));
            if (!AmsduDeaggregation.TryDeaggregate(p, w.Pool, frames, out _, out _)) p.Free();
            foreach (var f in frames) f.Free();
            frames.Clear();
            p = w.Pool.Rent(buffer.AsSpan(0, length));
            if (Fragmentation.TryFragment(p, 256, w.Pool, frames, out _)) { foreach (var f in frames) f.Free(); }
            else p.Free();
            frames.Clear();
        }
        w.AssertNoLeaks();
    }

    [Fact]
    public void Rfc1042_aarp_stays_an_8023_snap_frame()
    {
        var w = new DataPathWorld();
        byte[] body = [0xAA, 0xAA, 0x03, 0, 0, 0, 0x80, 0xF3, 1, 2, 3, 4];
        var p = w.Pool.Rent(Mpdu(FrameControl.Data(DataSubtype.Data, FrameControlFlags.FromDs), body));
        Assert.True(Decapsulation.TryDecapsulate(p, out var info, out _));
        Assert.True(info.IsLengthFrame);
        Assert.Equal(body.Length, info.EtherType);
        Assert.Equal(body, p.Data[EthernetHeader.Length..].ToArray());
        Assert.Equal(Remote, EthernetHeader.Destination(p.Data));
        Assert.Equal(Host, EthernetHeader.Source(p.Data));
        p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Decap_sets_metadata_for_the_upper_layer()
    {
        var w = new DataPathWorld();
        var bytes = Mpdu(FrameControl.Data(DataSubtype.QosData, FrameControlFlags.FromDs), SnapIpv4, QosControl.Create(6));
        bytes[4] = 0x01;   // A1 = DA becomes a group address
        var p = w.Pool.Rent(bytes);
        p.Meta.Flags = PacketFlags.Encapsulated;
        Assert.True(Decapsulation.TryDecapsulate(p, out var info, out _));
        Assert.True(info.Destination.IsGroup);
        Assert.Equal(PacketFlags.Multicast, p.Meta.Flags);
        Assert.Equal(6, p.Meta.Tid);
        Assert.Equal(EthernetHeader.EtherTypeIPv4, info.EtherType);
        Assert.Equal(Bssid, info.Header.Bssid);
        p.Free();
        w.AssertNoLeaks();
    }

    private static byte[] Version1()
    {
        var b = Mpdu(FrameControl.Data(DataSubtype.Data), SnapIpv4);
        b[0] |= 0x01;
        return b;
    }
}
