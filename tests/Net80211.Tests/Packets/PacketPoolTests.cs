using Net80211.Packets;

namespace Net80211.Tests.Packets;

public class PacketPoolTests
{
    [Fact]
    public void Prepend_uses_headroom_without_moving_data()
    {
        var pool = new PacketPool();
        var p = pool.Rent([1, 2, 3]);
        int headroom = p.Headroom;
        p.Prepend(2)[0] = 9;
        Assert.Equal(headroom - 2, p.Headroom);
        Assert.Equal([9, 0, 1, 2, 3], p.Data.ToArray());
        p.Append([7]);
        p.TrimFront(1);
        p.TrimBack(1);
        Assert.Equal([0, 1, 2, 3], p.Data.ToArray());
        p.Free();
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Prepend_past_headroom_grows_and_keeps_contents()
    {
        var pool = new PacketPool();
        var p = pool.Rent([5, 6], headroom: 4);
        p.Prepend(200).Fill(1);
        Assert.Equal(202, p.Length);
        Assert.Equal(5, p.Data[200]);
        Assert.Equal(6, p.Data[201]);
        p.Free();
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Pool_counts_outstanding_and_reuses_packets()
    {
        var pool = new PacketPool();
        var a = pool.Rent(100);
        var b = pool.Rent(100);
        Assert.Equal(2, pool.Outstanding);
        a.Free();
        var c = pool.Rent(10);
        Assert.Same(a, c);
        Assert.Equal(0, c.Length);
        b.Free();
        c.Free();
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(2, pool.Created);
    }

    [Fact]
    public void Freeing_twice_is_caught()
    {
        var pool = new PacketPool();
        var p = pool.Rent(1);
        p.Free();
        Assert.Throws<InvalidOperationException>(p.Free);
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Metadata_is_reset_on_rent_and_copied_by_clone()
    {
        var pool = new PacketPool();
        var p = pool.Rent([1, 2]);
        p.Meta.Rate = 108;
        p.Meta.Flags = PacketFlags.Multicast;
        var clone = p.Clone();
        Assert.Equal(108, clone.Meta.Rate);
        Assert.Equal(p.Data.ToArray(), clone.Data.ToArray());
        p.Free();
        var again = pool.Rent();
        Assert.Equal(0, again.Meta.Rate);
        Assert.Equal(PacketFlags.None, again.Meta.Flags);
        again.Free();
        clone.Free();
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Trim_beyond_length_is_refused()
    {
        var pool = new PacketPool();
        var p = pool.Rent([1, 2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => p.TrimFront(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => p.TrimBack(3));
        p.Free();
    }
}
