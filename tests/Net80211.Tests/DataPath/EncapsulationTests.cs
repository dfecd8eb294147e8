using Net80211.DataPath;
using Net80211.Frames;
using Net80211.Nodes;
using Net80211.Packets;
using static Net80211.Tests.DataPath.DataPathWorld;

namespace Net80211.Tests.DataPath;

public class EncapsulationTests
{
    public static TheoryData<EncapDirection, bool> DirectionsAndQos()
    {
        var data = new TheoryData<EncapDirection, bool>();
        foreach (var d in Enum.GetValues<EncapDirection>())
        {
            data.Add(d, false);
            data.Add(d, true);
        }
        return data;
    }

    public static TheoryData<string, byte[]> Payloads => new()
    {
        { "IPv4", Ipv4(Remote, Host, 0x00, 1480) },
        { "ARP", Ethernet(Remote, Host, 0x0806, 28) },
        { "AARP (bridge tunnel)", Ethernet(Remote, Host, Llc.EtherTypeAppleTalkAarp, 28) },
        { "IPX (bridge tunnel)", Ethernet(Remote, Host, Llc.EtherTypeIpx, 100) },
        { "802.3 LLC", Llc8023(Remote, Host, 38) },
        { "802.3 SNAP AARP (RFC 1042 kept)", Rfc1042Aarp() },
        { "broadcast IPv4", Ipv4(MacAddress.Broadcast, Host, 0x00, 60) },
        { "empty EtherType payload", Ethernet(Remote, Host, EthernetHeader.EtherTypeIPv4, 0) },
    };

    [Theory]
    [MemberData(nameof(DirectionsAndQos))]
    public void Round_trip_restores_the_ethernet_frame_in_every_direction(EncapDirection direction, bool qos)
    {
        var w = new DataPathWorld();
        foreach (var (_, original) in Payloads.Select(r => ((string)r[0], (byte[])r[1])))
        {
            var p = w.Pool.Rent(original);
            Assert.True(Encapsulation.TryEncapsulate(p, w.Params(direction, qos), out var error), error.ToString());
            Assert.True(Decapsulation.TryDecapsulate(p, out var info, out error), error.ToString());
            Assert.Equal(original, p.Data.ToArray());
            Assert.Equal(EthernetHeader.Destination(original), info.Destination);
            Assert.Equal(Host, info.Source);
            Assert.Equal(qos ? 0 : -1, info.Tid);
            p.Free();
        }
        w.AssertNoLeaks();
    }

    [Theory]
    [InlineData(EncapDirection.ToAp, FrameControlFlags.ToDs)]
    [InlineData(EncapDirection.FromAp, FrameControlFlags.FromDs)]
    [InlineData(EncapDirection.Ibss, FrameControlFlags.None)]
    [InlineData(EncapDirection.Wds, FrameControlFlags.ToDs | FrameControlFlags.FromDs)]
    public void Addresses_follow_table_9_26(EncapDirection direction, FrameControlFlags ds)
    {
        var w = new DataPathWorld();
        var p = w.Pool.Rent(Ipv4(Remote, Host, 0));
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(direction), out _));
        Assert.True(FrameHeader.TryRead(p.Data, out var h, out _));
        Assert.Equal(ds, h.FrameControl.Flags);
        Assert.Equal(DataSubtype.Data, h.FrameControl.DataSubtype);
        Assert.Equal(Encapsulation.HeaderLength(w.Params(direction)), h.Length);
        (MacAddress a1, MacAddress a2, MacAddress a3) = direction switch
        {
            EncapDirection.ToAp => (Bssid, Host, Remote),
            EncapDirection.FromAp => (Remote, Bssid, Host),
            EncapDirection.Ibss => (Remote, Host, Bssid),
            _ => (Peer, Bssid, Remote),
        };
        Assert.Equal(a1, h.Address1);
        Assert.Equal(a2, h.Address2);
        Assert.Equal(a3, h.Address3);
        if (direction == EncapDirection.Wds) Assert.Equal(Host, h.Address4);
        Assert.Equal(Remote, h.DestinationAddress);
        Assert.Equal(Host, h.SourceAddress);
        // RFC 1042 SNAP follows the header.
        Assert.Equal(new byte[] { 0xAA, 0xAA, 0x03, 0, 0, 0, 0x08, 0x00 }, p.Data.Slice(h.Length, 8).ToArray());
        Assert.Equal(PacketFlags.Encapsulated, p.Meta.Flags);
        Assert.Equal(-1, p.Meta.Tid);
        p.Free();
        w.AssertNoLeaks();
    }

    [Theory]
    [InlineData(Llc.EtherTypeAppleTalkAarp)]
    [InlineData(Llc.EtherTypeIpx)]
    public void Aarp_and_ipx_use_the_bridge_tunnel_oui(ushort etherType)
    {
        var w = new DataPathWorld();
        var original = Ethernet(Remote, Host, etherType, 40);
        var p = w.Pool.Rent(original);
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.FromAp), out _));
        byte[] snap = p.Data.Slice(FrameHeader.ThreeAddressLength, 8).ToArray();
        Assert.Equal(new byte[] { 0xAA, 0xAA, 0x03, 0x00, 0x00, 0xF8, (byte)(etherType >> 8), (byte)etherType }, snap);
        Assert.True(Decapsulation.TryDecapsulate(p, out var info, out _));
        Assert.False(info.IsLengthFrame);
        Assert.Equal(etherType, info.EtherType);
        Assert.Equal(original, p.Data.ToArray());
        p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Length_frames_keep_their_llc_and_lose_ethernet_padding()
    {
        var w = new DataPathWorld();
        var padded = Llc8023(Remote, Host, llcLength: 30, padding: 16);
        var p = w.Pool.Rent(padded);
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.FromAp), out _));
        Assert.Equal(FrameHeader.ThreeAddressLength + 30, p.Length);
        Assert.Equal(0x42, p.Data[FrameHeader.ThreeAddressLength]);
        Assert.True(Decapsulation.TryDecapsulate(p, out var info, out _));
        Assert.True(info.IsLengthFrame);
        Assert.Equal(30, info.EtherType);
        Assert.Equal(padded.AsSpan(0, EthernetHeader.Length + 30).ToArray(), p.Data.ToArray());
        p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Qos_frames_carry_the_classified_tid_and_access_category()
    {
        var w = new DataPathWorld();
        // DSCP EF (46): DS field 0xB8, precedence 5 → UP 5 → TID 5, AC_VI.
        var p = w.Pool.Rent(Ipv4(Remote, Host, 0xB8));
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.FromAp, qos: true), out _));
        Assert.True(FrameHeader.TryRead(p.Data, out var h, out _));
        Assert.Equal(DataSubtype.QosData, h.FrameControl.DataSubtype);
        Assert.Equal(26, h.Length);
        Assert.Equal(5, h.QosControl.Tid);
        Assert.Equal(AckPolicy.Normal, h.QosControl.AckPolicy);
        Assert.Equal(5, p.Meta.Tid);
        Assert.Equal((byte)AccessCategory.Video, p.Meta.AccessCategory);
        Assert.True(Decapsulation.TryDecapsulate(p, out var info, out _));
        Assert.Equal(5, info.Tid);
        Assert.Equal(5, p.Meta.Tid);
        p.Free();

        // An explicit TID wins over classification; No Ack policy is flagged for the driver.
        p = w.Pool.Rent(Ipv4(Remote, Host, 0xB8));
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.FromAp, qos: true, tid: 7) with { AckPolicy = AckPolicy.NoAck }, out _));
        Assert.True(FrameHeader.TryRead(p.Data, out h, out _));
        Assert.Equal(7, h.QosControl.Tid);
        Assert.Equal(AckPolicy.NoAck, h.QosControl.AckPolicy);
        Assert.Equal((byte)AccessCategory.Voice, p.Meta.AccessCategory);
        Assert.True(p.Meta.Flags.HasFlag(PacketFlags.NoAck));
        p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Protected_option_sets_only_the_bit()
    {
        var w = new DataPathWorld();
        var p = w.Pool.Rent(Ipv4(Remote, Host, 0));
        int before = p.Length;
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.ToAp) with { Protected = true }, out _));
        Assert.True(FrameHeader.TryRead(p.Data, out var h, out _));
        Assert.True(h.FrameControl.Protected);
        Assert.Equal(before - EthernetHeader.Length + 8 + 24, p.Length);
        // Still "encrypted" as far as decap knows: refused until a cipher has removed it.
        Assert.False(Decapsulation.TryDecapsulate(p, out _, out var error));
        Assert.Equal(FrameParseError.Unsupported, error);
        p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Sequence_numbers_count_per_tid_and_wrap_at_4096()
    {
        var w = new DataPathWorld();
        int Send(bool qos, int? tid, MacAddress da)
        {
            var p = w.Pool.Rent(Ipv4(da, Host, 0));
            Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.FromAp, qos, tid), out _));
            Assert.True(FrameHeader.TryRead(p.Data, out var h, out _));
            Assert.Equal(0, h.SequenceControl.FragmentNumber);
            p.Free();
            return h.SequenceControl.SequenceNumber;
        }
        Assert.Equal(0, Send(true, 5, Remote));
        Assert.Equal(1, Send(true, 5, Remote));
        Assert.Equal(2, Send(true, 5, MacAddress.Broadcast));  // group frames take numbers too
        Assert.Equal(0, Send(true, 0, Remote));
        Assert.Equal(0, Send(false, null, Remote));
        Assert.Equal(1, Send(false, null, MacAddress.Broadcast));
        Assert.Equal(3, Send(true, 5, Remote));
        Assert.Equal(2, Send(false, null, Remote));

        for (int i = 4; i < 4095; i++) w.Node.NextSequence(5);
        Assert.Equal(4095, Send(true, 5, Remote));
        Assert.Equal(0, Send(true, 5, Remote));
        Assert.Equal(1, Send(true, 5, Remote));
        Assert.Equal(3, w.Node.NextSequence(Ieee80211Node.NonQosTid));
        w.AssertNoLeaks();
    }

    [Fact]
    public void Group_addressed_receiver_marks_the_frame_multicast()
    {
        var w = new DataPathWorld();
        var p = w.Pool.Rent(Ipv4(MacAddress.Parse("01:00:5e:00:00:01"), Host, 0));
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.FromAp), out _));
        Assert.Equal(PacketFlags.Encapsulated | PacketFlags.Multicast, p.Meta.Flags);
        p.Free();
        // To the AP the receiver is the BSSID, so the frame is individually addressed on the air.
        p = w.Pool.Rent(Ipv4(MacAddress.Broadcast, Host, 0));
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.ToAp), out _));
        Assert.Equal(PacketFlags.Encapsulated, p.Meta.Flags);
        p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Eapol_is_flagged_both_ways()
    {
        var w = new DataPathWorld();
        var p = w.Pool.Rent(Ethernet(Remote, Host, EthernetHeader.EtherTypeEapol, 99));
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.ToAp), out _));
        Assert.True(p.Meta.Flags.HasFlag(PacketFlags.Eapol));
        p.Meta.Flags = PacketFlags.None;
        Assert.True(Decapsulation.TryDecapsulate(p, out _, out _));
        Assert.Equal(PacketFlags.Eapol, p.Meta.Flags);
        p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Zero_addresses_fall_back_to_the_node()
    {
        var w = new DataPathWorld();
        var p = w.Pool.Rent(Ipv4(Remote, Host, 0));
        Assert.True(Encapsulation.TryEncapsulate(p, new EncapParams(w.Node, EncapDirection.Wds), out _));
        Assert.True(FrameHeader.TryRead(p.Data, out var h, out _));
        Assert.Equal(Peer, h.Address1);
        Assert.Equal(w.Vap.MacAddress, h.Address2);
        p.Free();
        p = w.Pool.Rent(Ipv4(Remote, Host, 0));
        Assert.True(Encapsulation.TryEncapsulate(p, new EncapParams(w.Node, EncapDirection.ToAp), out _));
        Assert.True(FrameHeader.TryRead(p.Data, out h, out _));
        Assert.Equal(Bssid, h.Address1);
        p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Bad_input_to_encapsulation_fails_without_touching_the_frame()
    {
        var w = new DataPathWorld();
        void Refused(byte[] bytes, EncapParams p, FrameParseError expected)
        {
            var packet = w.Pool.Rent(bytes);
            long seqBefore = w.Node.NextSequence(Ieee80211Node.NonQosTid);
            Assert.False(Encapsulation.TryEncapsulate(packet, p, out var error));
            Assert.Equal(expected, error);
            Assert.Equal(bytes, packet.Data.ToArray());
            Assert.Equal(PacketFlags.None, packet.Meta.Flags);
            Assert.Equal(seqBefore + 1, w.Node.NextSequence(Ieee80211Node.NonQosTid));   // no number was taken
            packet.Free();
        }
        var ok = w.Params(EncapDirection.FromAp);
        Refused([], ok, FrameParseError.TooShort);
        Refused(new byte[13], ok, FrameParseError.TooShort);
        Refused(Ethernet(Remote, Host, 100, 20), ok, FrameParseError.BadLength);   // length beyond the payload
        Refused(Ethernet(Remote, Host, 0, 20), ok, FrameParseError.BadLength);
        Refused(Ipv4(Remote, Host, 0), default, FrameParseError.BadValue);          // no node
        Refused(Ipv4(Remote, Host, 0), ok with { Qos = true, Tid = 16 }, FrameParseError.BadValue);
        Refused(Ipv4(Remote, Host, 0), ok with { Direction = (EncapDirection)42 }, FrameParseError.BadValue);
        w.AssertNoLeaks();
    }

    private static byte[] Rfc1042Aarp()
    {
        // A native 802.3 SNAP frame (AppleTalk Phase 2 style): length field, then AA-AA-03-00-00-00-80-F3.
        var bytes = Llc8023(Remote, Host, 36);
        byte[] snap = [0xAA, 0xAA, 0x03, 0x00, 0x00, 0x00, 0x80, 0xF3];
        snap.CopyTo(bytes, EthernetHeader.Length);
        return bytes;
    }
}
