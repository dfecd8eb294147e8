using Net80211.DataPath;
using Net80211.Packets;
using static Net80211.Tests.DataPath.DataPathWorld;

namespace Net80211.Tests.DataPath;

/// <summary>The per-frame paths allocate nothing once warm: measured with the thread's allocation counter
/// (bytes, not time, so the result does not depend on the machine).</summary>
public class DataPathAllocationTests
{
    [Fact]
    public void Encap_and_decap_allocate_nothing_per_frame()
    {
        var w = new DataPathWorld();
        var p = w.Pool.Rent(Ipv4(Remote, Host, 0xB8, 1486));
        var parameters = w.Params(EncapDirection.FromAp, qos: true);
        bool ok = true;
        for (int i = 0; i < 1000; i++) ok &= Cycle(p, parameters);      // warm-up: JIT tiers, statics

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) ok &= Cycle(p, parameters);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(ok);
        Assert.Equal(0, allocated);
        Assert.Equal(Ipv4(Remote, Host, 0xB8, 1486), p.Data.ToArray());
        p.Free();
        w.AssertNoLeaks();
    }

    [Fact]
    public void Fragment_and_reassemble_allocate_nothing_beyond_pool_packets()
    {
        var w = new DataPathWorld();
        var fragments = new List<Packet>(Fragmentation.MaxFragments);
        var reassembler = new Reassembler();
        var p = w.Pool.Rent(Ipv4(Remote, Host, 0, 1486));
        var parameters = w.Params(EncapDirection.FromAp);
        for (int i = 0; i < 200; i++) p = FragmentCycle(p, parameters, w.Pool, fragments, reassembler);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2_000; i++) p = FragmentCycle(p, parameters, w.Pool, fragments, reassembler);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2_200, reassembler.Stats.Completed);
        p.Free();
        w.AssertNoLeaks();
    }

    private static bool Cycle(Packet p, in EncapParams parameters)
        => Encapsulation.TryEncapsulate(p, parameters, out _) && Decapsulation.TryDecapsulate(p, out _, out _);

    private static Packet FragmentCycle(Packet p, in EncapParams parameters, PacketPool pool, List<Packet> fragments, Reassembler reassembler)
    {
        Encapsulation.TryEncapsulate(p, parameters, out _);
        Fragmentation.TryFragment(p, 400, pool, fragments, out _);
        Packet? whole = null;
        foreach (var f in fragments)
            if (reassembler.Defragment(f, TimeSpan.Zero, out var msdu) == DefragResult.Completed) whole = msdu;
        fragments.Clear();
        Decapsulation.TryDecapsulate(whole!, out _, out _);
        return whole!;
    }
}
