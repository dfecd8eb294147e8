using Net80211.DataPath;
using Net80211.Frames;
using Net80211.Packets;

namespace Net80211.Tests.DataPath;

public class ReassemblerTests
{
    private static List<Packet> Fragments(DataPathWorld w, int threshold = 512, bool qos = false, int tid = 0)
    {
        var output = new List<Packet>();
        Assert.True(Fragmentation.TryFragment(FragmentationTests.Mpdu1500(w, qos, tid), threshold, w.Pool, output, out _));
        return output;
    }

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Out_of_order_fragment_drops_the_partial()
    {
        var w = new DataPathWorld();
        var f = Fragments(w);               // 4 fragments at 512
        Assert.Equal(4, f.Count);
        var r = new Reassembler();
        Assert.Equal(DefragResult.Held, r.Defragment(f[0], Ms(0), out _));
        Assert.Equal(DefragResult.Dropped, r.Defragment(f[2], Ms(1), out _));   // gap: 1 missing
        Assert.Equal(DefragResult.Dropped, r.Defragment(f[1], Ms(2), out _));
        Assert.Equal(DefragResult.Dropped, r.Defragment(f[3], Ms(3), out var msdu));
        Assert.Null(msdu);
        Assert.Equal(1, r.Stats.PartialsDropped);
        Assert.Equal(3, r.Stats.OrphanFragments);
        Assert.Equal(0, r.Stats.Completed);
        Assert.Equal(0, r.PendingCount);
        w.AssertNoLeaks();
    }

    [Fact]
    public void Missing_last_fragment_is_reaped_by_the_timeout()
    {
        var w = new DataPathWorld();
        var f = Fragments(w);
        var r = new Reassembler();
        for (int i = 0; i < 3; i++) Assert.Equal(DefragResult.Held, r.Defragment(f[i], Ms(i * 10), out _));
        Assert.Equal(1, r.PendingCount);
        Assert.Equal(0, r.Expire(Ms(500)));          // 500 ms after the first fragment is still in time
        Assert.Equal(1, r.Expire(Ms(501)));
        Assert.Equal(0, r.PendingCount);
        Assert.Equal(1, r.Stats.TimedOut);
        Assert.Equal(DefragResult.Dropped, r.Defragment(f[3], Ms(502), out _));
        Assert.Equal(1, r.Stats.OrphanFragments);
        w.AssertNoLeaks();
    }

    [Fact]
    public void A_late_fragment_finds_its_partial_expired()
    {
        var w = new DataPathWorld();
        var f = Fragments(w);
        var r = new Reassembler(Ms(100));
        Assert.Equal(DefragResult.Held, r.Defragment(f[0], Ms(0), out _));
        Assert.Equal(DefragResult.Held, r.Defragment(f[1], Ms(50), out _));
        Assert.Equal(DefragResult.Dropped, r.Defragment(f[2], Ms(150), out _));
        Assert.Equal(1, r.Stats.TimedOut);
        Assert.Equal(1, r.Stats.OrphanFragments);
        f[3].Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void A_new_sequence_number_abandons_the_partial()
    {
        var w = new DataPathWorld();
        var first = Fragments(w);
        var second = Fragments(w);
        var r = new Reassembler();
        Assert.Equal(DefragResult.Held, r.Defragment(first[0], Ms(0), out _));
        Assert.Equal(DefragResult.Held, r.Defragment(first[1], Ms(1), out _));
        Packet? msdu = null;
        foreach (var p in second) r.Defragment(p, Ms(2), out msdu);
        Assert.NotNull(msdu);
        Assert.Equal(1, r.Stats.PartialsDropped);
        Assert.Equal(1, r.Stats.Completed);
        msdu.Free();
        first[2].Free();
        first[3].Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void An_unfragmented_frame_on_the_same_tid_abandons_the_partial_and_passes_through()
    {
        var w = new DataPathWorld();
        var f = Fragments(w);
        var whole = FragmentationTests.Mpdu1500(w);
        var r = new Reassembler();
        r.Defragment(f[0], Ms(0), out _);
        Assert.Equal(DefragResult.Unfragmented, r.Defragment(whole, Ms(1), out var msdu));
        Assert.Same(whole, msdu);
        Assert.Equal(1, r.Stats.PartialsDropped);
        whole.Free();
        for (int i = 1; i < f.Count; i++) f[i].Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Tids_reassemble_concurrently()
    {
        var w = new DataPathWorld();
        var a = Fragments(w, 700, qos: true, tid: 1);
        var b = Fragments(w, 700, qos: true, tid: 6);
        var c = Fragments(w, 700);                       // non-QoS slot
        var r = new Reassembler();
        var done = new List<Packet>();
        for (int i = 0; i < a.Count; i++)
        {
            foreach (var list in new[] { a, b, c })
            {
                if (r.Defragment(list[i], Ms(i), out var msdu) == DefragResult.Completed) done.Add(msdu!);
            }
        }
        Assert.Equal(3, done.Count);
        Assert.Equal(3, r.Stats.Completed);
        Assert.Equal(0, r.Stats.PartialsDropped);
        foreach (var p in done)
        {
            Assert.True(Decapsulation.TryDecapsulate(p, out _, out _));
            Assert.Equal(DataPathWorld.Ipv4(DataPathWorld.Remote, DataPathWorld.Host, 0, 1500), p.Data.ToArray());
            p.Free();
        }
        w.AssertNoLeaks();
    }

    [Fact]
    public void Too_long_and_malformed_frames_are_dropped_and_counted()
    {
        var w = new DataPathWorld();
        var f = Fragments(w);
        var r = new Reassembler(Reassembler.DefaultTimeout, maxBodyLength: 1000);
        Assert.Equal(DefragResult.Held, r.Defragment(f[0], Ms(0), out _));
        Assert.Equal(DefragResult.Held, r.Defragment(f[1], Ms(0), out _));
        Assert.Equal(DefragResult.Dropped, r.Defragment(f[2], Ms(0), out _));
        Assert.Equal(1, r.Stats.TooLong);
        Assert.Equal(DefragResult.Dropped, r.Defragment(f[3], Ms(0), out _));
        Assert.Equal(DefragResult.Dropped, r.Defragment(w.Pool.Rent(new byte[] { 0x08, 0x00 }), Ms(0), out _));
        Assert.Equal(1, r.Stats.Malformed);
        w.AssertNoLeaks();
    }

    [Fact]
    public void Clear_returns_held_fragments_to_the_pool()
    {
        var w = new DataPathWorld();
        var a = Fragments(w, qos: true, tid: 2);
        var b = Fragments(w);
        var r = new Reassembler();
        r.Defragment(a[0], Ms(0), out _);
        r.Defragment(b[0], Ms(0), out _);
        r.Defragment(b[1], Ms(0), out _);
        Assert.Equal(2, r.PendingCount);
        r.Clear();
        Assert.Equal(2, r.Stats.Flushed);
        foreach (var p in a.Skip(1).Concat(b.Skip(2))) p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Control_frames_and_the_completed_header_are_clean()
    {
        var w = new DataPathWorld();
        var r = new Reassembler();
        var ack = w.Pool.Rent(new byte[] { 0xD4, 0, 0, 0, 1, 2, 3, 4, 5, 6 });
        Assert.Equal(DefragResult.Unfragmented, r.Defragment(ack, Ms(0), out var same));
        Assert.Same(ack, same);
        ack.Free();

        var f = Fragments(w);
        // Retries on fragments 1.. carry the Retry bit; the reassembled frame takes fragment 0's header.
        f[2].Data[1] |= (byte)FrameControlFlags.Retry;
        Packet? msdu = null;
        foreach (var p in f) r.Defragment(p, Ms(0), out msdu);
        Assert.NotNull(msdu);
        Assert.True(FrameHeader.TryRead(msdu.Data, out var h, out _));
        Assert.False(h.FrameControl.MoreFragments);
        Assert.False(h.FrameControl.Retry);
        Assert.Equal(0, h.SequenceControl.FragmentNumber);
        Assert.False(msdu.Meta.Flags.HasFlag(PacketFlags.MoreFragments));
        msdu.Free();
        w.AssertNoLeaks();
    }
}
