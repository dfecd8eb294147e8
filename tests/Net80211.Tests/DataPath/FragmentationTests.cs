using Net80211.DataPath;
using Net80211.Frames;
using Net80211.Packets;
using static Net80211.Tests.DataPath.DataPathWorld;

namespace Net80211.Tests.DataPath;

public class FragmentationTests
{
    /// <summary>An encapsulated MPDU carrying a 1500-byte IP packet: 24 + 8 + 1500 = 1532 octets (26 + ... with QoS).</summary>
    internal static Packet Mpdu1500(DataPathWorld w, bool qos = false, int tid = 0, MacAddress? da = null)
    {
        var p = w.Pool.Rent(Ipv4(da ?? Remote, Host, 0, 1500));
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.FromAp, qos, qos ? tid : null), out _));
        return p;
    }

    [Theory]
    [InlineData(256, false)]
    [InlineData(512, false)]
    [InlineData(1000, false)]
    [InlineData(256, true)]
    [InlineData(1000, true)]
    public void Fragments_fit_the_threshold_and_reassemble_to_the_same_bytes(int threshold, bool qos)
    {
        var w = new DataPathWorld();
        var mpdu = Mpdu1500(w, qos, tid: 3);
        byte[] original = mpdu.Data.ToArray();
        Assert.True(FrameHeader.TryRead(original, out var h, out _));
        int seq = h.SequenceControl.SequenceNumber;

        var fragments = new List<Packet>();
        Assert.True(Fragmentation.TryFragment(mpdu, threshold, w.Pool, fragments, out var error), error.ToString());
        int expectedBody = (threshold - h.Length - Fragmentation.FcsLength) & ~1;
        Assert.Equal((original.Length - h.Length + expectedBody - 1) / expectedBody, fragments.Count);
        Assert.Same(mpdu, fragments[0]);
        for (int i = 0; i < fragments.Count; i++)
        {
            var f = fragments[i];
            bool last = i == fragments.Count - 1;
            Assert.True(f.Length + Fragmentation.FcsLength <= threshold);
            if (!last)
            {
                Assert.Equal(h.Length + expectedBody, f.Length);
                Assert.Equal(0, (f.Length + Fragmentation.FcsLength) % 2);
            }
            Assert.True(FrameHeader.TryRead(f.Data, out var fh, out _));
            Assert.Equal(seq, fh.SequenceControl.SequenceNumber);
            Assert.Equal(i, fh.SequenceControl.FragmentNumber);
            Assert.Equal(!last, fh.FrameControl.MoreFragments);
            Assert.Equal(!last, f.Meta.Flags.HasFlag(PacketFlags.MoreFragments));
            Assert.Equal(h.Address1, fh.Address1);
            Assert.Equal(h.QosControl, fh.QosControl);
            Assert.Equal(mpdu.Meta.Tid, f.Meta.Tid);
            Assert.Same(w.Node, f.Node ?? w.Node);
        }

        var reassembler = new Reassembler();
        Packet? whole = null;
        for (int i = 0; i < fragments.Count; i++)
        {
            var result = reassembler.Defragment(fragments[i], TimeSpan.FromMilliseconds(i), out var msdu);
            Assert.Equal(i == fragments.Count - 1 ? DefragResult.Completed : DefragResult.Held, result);
            whole ??= msdu;
        }
        Assert.NotNull(whole);
        Assert.Equal(original, whole.Data.ToArray());
        Assert.Equal(1, reassembler.Stats.Completed);
        Assert.Equal(fragments.Count, reassembler.Stats.FragmentsAccepted);
        Assert.Equal(0, reassembler.PendingCount);

        // And the reassembled MPDU decapsulates to the original Ethernet frame.
        Assert.True(Decapsulation.TryDecapsulate(whole, out _, out _));
        Assert.Equal(Ipv4(Remote, Host, 0, 1500), whole.Data.ToArray());
        whole.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Short_frames_pass_through_as_the_only_fragment()
    {
        var w = new DataPathWorld();
        var p = w.Pool.Rent(Ipv4(Remote, Host, 0, 100));
        Assert.True(Encapsulation.TryEncapsulate(p, w.Params(EncapDirection.FromAp), out _));
        byte[] before = p.Data.ToArray();
        var output = new List<Packet>();
        Assert.True(Fragmentation.TryFragment(p, 2346, w.Pool, output, out _));
        Assert.Equal([p], output);
        Assert.Equal(before, p.Data.ToArray());
        Assert.False(Fragmentation.NeedsFragmentation(p.Length, 2346));
        Assert.True(Fragmentation.NeedsFragmentation(p.Length, p.Length + 3));
        Assert.False(Fragmentation.NeedsFragmentation(p.Length, p.Length + 4));
        p.Free();

        // Group-addressed frames are never fragmented, but a short one simply passes.
        output.Clear();
        p = FragmentationTests.Mpdu1500(w, da: MacAddress.Broadcast);
        Assert.True(Fragmentation.TryFragment(p, 2346, w.Pool, output, out _));
        Assert.Equal([p], output);
        p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Cipher_overhead_shrinks_the_fragments()
    {
        var w = new DataPathWorld();
        var mpdu = Mpdu1500(w);
        var output = new List<Packet>();
        Assert.True(Fragmentation.TryFragment(mpdu, 512, w.Pool, output, out _, perFragmentOverhead: 16));
        foreach (var f in output) Assert.True(f.Length + 16 + Fragmentation.FcsLength <= 512);
        foreach (var f in output) f.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Unfragmentable_frames_are_refused_and_left_to_the_caller()
    {
        var w = new DataPathWorld();
        var output = new List<Packet>();
        void Refused(Packet p, int threshold, FrameParseError expected, int overhead = 0)
        {
            byte[] before = p.Data.ToArray();
            Assert.False(Fragmentation.TryFragment(p, threshold, w.Pool, output, out var error, overhead));
            Assert.Equal(expected, error);
            Assert.Empty(output);
            Assert.Equal(before, p.Data.ToArray());
            p.Free();
        }
        Refused(Mpdu1500(w, da: MacAddress.Broadcast), 256, FrameParseError.BadValue);      // group addressed
        Refused(Mpdu1500(w), 30, FrameParseError.BadLength);                                 // no room for a body
        Refused(Mpdu1500(w), 256, FrameParseError.BadLength, overhead: 200);                 // > 16 fragments
        Refused(w.Pool.Rent(new byte[] { 0x08, 0x00, 0x00 }), 256, FrameParseError.TooShort);
        Refused(w.Pool.Rent(new byte[] { 0xD4, 0, 0, 0, 1, 2, 3, 4, 5, 6 }), 256, FrameParseError.BadValue);  // control

        var frag = Mpdu1500(w);
        Assert.True(Fragmentation.TryFragment(frag, 512, w.Pool, output, out _));
        var again = output[1];
        output.RemoveAt(1);
        foreach (var f in output) f.Free();
        output.Clear();
        Refused(again, 256, FrameParseError.BadValue);                                       // already a fragment
        w.AssertNoLeaks();
    }
}
