using Net80211.Nodes;
using Net80211.Radio;
using Net80211.Testing;

namespace Net80211.Tests.Nodes;

public class NodeTableTests
{
    private static readonly MacAddress Peer = MacAddress.Parse("02:11:22:33:44:55");

    [Fact]
    public void Aids_run_from_1_to_2007_and_are_reused()
    {
        var aids = new AidAllocator();
        for (int i = 1; i <= AidAllocator.MaxAid; i++) Assert.Equal(i, aids.Allocate());
        Assert.Equal(0, aids.Allocate());
        aids.Free(17);
        Assert.Equal(17, aids.Allocate());
        aids.Free(0);      // ignored
        aids.Free(5000);   // ignored
        Assert.Equal(AidAllocator.MaxAid, aids.InUse);
    }

    [Fact]
    public void The_node_timer_frees_a_fragment_whose_sender_never_finished()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.Sta).Vap!;
        var node = world.Ic.Nodes.Add(vap, Peer);
        var header = new Net80211.Frames.FrameHeader
        {
            FrameControl = Net80211.Frames.FrameControl.Data(Net80211.Frames.DataSubtype.Data, Net80211.Frames.FrameControlFlags.MoreFragments),
            Address1 = vap.MacAddress,
            Address2 = Peer,
            Address3 = Peer,
            SequenceControl = new Net80211.Frames.SequenceControl(7, 0),
        };
        var bytes = new byte[header.Length + 40];
        Assert.True(header.TryWrite(bytes, out _));
        long before = world.Pool.Outstanding;
        world.OnQueue(() => node.Reassembly.Defragment(world.Pool.Rent(bytes), world.Ic.Now, out _));
        Assert.Equal(1, node.Reassembly.PendingCount);
        Assert.Equal(before + 1, world.Pool.Outstanding);

        // One inactivity tick (15 s) later the stale partial is gone and its buffer is back in the pool.
        world.Scheduler.RunFor(NodeTable.InactivityTick + TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, node.Reassembly.PendingCount);
        Assert.Equal(before, world.Pool.Outstanding);
        Assert.Equal(1, node.Reassembly.Stats.TimedOut);
    }

    [Fact]
    public void Aid_limit_caps_allocation()
    {
        var aids = new AidAllocator(limit: 2);
        Assert.Equal(1, aids.Allocate());
        Assert.Equal(2, aids.Allocate());
        Assert.Equal(0, aids.Allocate());
    }

    [Fact]
    public void Rx_lookup_picks_the_vap_a_frame_is_addressed_to()
    {
        var world = new TestRadio();
        var a = world.Ic.CreateVap(OpMode.Sta, flags: VapCreateFlags.MacAddress, macAddress: MacAddress.Parse("02:00:00:00:0a:01")).Vap!;
        var b = world.Ic.CreateVap(OpMode.Sta, flags: VapCreateFlags.MacAddress, macAddress: MacAddress.Parse("02:00:00:00:0b:01")).Vap!;
        var na = world.Ic.Nodes.Add(a, Peer);
        var nb = world.Ic.Nodes.Add(b, Peer);
        Assert.Same(na, world.Ic.Nodes.Add(a, Peer));
        Assert.Equal(2, world.Ic.Nodes.Count);
        Assert.Same(na, world.Ic.Nodes.FindRxNode(Peer, a.MacAddress));
        Assert.Same(nb, world.Ic.Nodes.FindRxNode(Peer, b.MacAddress));
        Assert.Null(world.Ic.Nodes.FindRxNode(Peer, MacAddress.Broadcast));   // each VAP gets its own copy
        Assert.Null(world.Ic.Nodes.FindRxNode(MacAddress.Parse("02:99:99:99:99:99"), a.MacAddress));
        Assert.True(world.Ic.Nodes.Remove(na));
        Assert.Same(nb, world.Ic.Nodes.FindRxNode(Peer, MacAddress.Broadcast));
    }

    [Fact]
    public void Sequence_numbers_wrap_at_12_bits_per_tid()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.HostAp).Vap!;
        var n = world.Ic.Nodes.Add(vap, Peer);
        for (int i = 0; i < 4095; i++) n.NextSequence(3);
        Assert.Equal(4095, n.NextSequence(3));
        Assert.Equal(0, n.NextSequence(3));
        Assert.Equal(0, n.NextSequence(Ieee80211Node.NonQosTid));
    }

    [Fact]
    public void Duplicate_is_a_retry_with_the_same_sequence_control()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.HostAp).Vap!;
        var n = world.Ic.Nodes.Add(vap, Peer);
        Assert.False(n.IsDuplicate(0, 0x0100, retry: false));
        Assert.True(n.IsDuplicate(0, 0x0100, retry: true));
        Assert.False(n.IsDuplicate(1, 0x0100, retry: true));   // other TID, other space
        Assert.False(n.IsDuplicate(0, 0x0110, retry: true));
    }

    [Fact]
    public void Inactive_nodes_are_probed_then_handed_to_the_opmode()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.HostAp).Vap!;
        vap.InactInitSeconds = 60;
        vap.InactProbeSeconds = 30;
        world.OnQueue(vap.Up);
        Ieee80211Node? node = null;
        world.OnQueue(() =>
        {
            node = world.Ic.Nodes.Add(vap, Peer);
            node.Flags |= NodeFlags.Associated;
        });
        var mode = world.HostApModule.Attached.Single();
        // 60 s = 4 ticks of 15 s; the probe threshold is 30 s = 2 ticks left.
        world.Scheduler.RunUntil(TimeSpan.FromSeconds(29));
        Assert.Empty(mode.Probed);
        world.Scheduler.RunUntil(TimeSpan.FromSeconds(31));
        Assert.Single(mode.Probed);
        world.Scheduler.RunUntil(TimeSpan.FromSeconds(59));
        Assert.Empty(mode.Inactive);
        world.Scheduler.RunUntil(TimeSpan.FromSeconds(61));
        Assert.Equal([node!], mode.Inactive);
        Assert.Equal(2, mode.Probed.Count);
        Assert.Equal(0, world.Ic.Nodes.Count);
    }
}
