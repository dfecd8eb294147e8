using Net80211.Channels;
using Net80211.Packets;
using Net80211.Radio;
using Net80211.StateMachine;
using Net80211.Testing;

namespace Net80211.Tests.Radio;

public class Ieee80211ComTests
{
    [Fact]
    public void Attach_takes_the_full_channel_table_and_tunes_to_the_first()
    {
        var world = new TestRadio();
        Assert.Equal(15, world.Ic.Channels.Length);
        Assert.Equal(15, world.Ic.SupportedChannels.Length);
        Assert.Equal(1, world.Ic.CurrentChannel!.Ieee);
    }

    [Theory]
    [InlineData(256, 15)]
    [InlineData(15, 15)]
    [InlineData(4, 4)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    public void GetRadioCaps_respects_maxchans(int maxChannels, int expected)
    {
        var world = new TestRadio();
        var table = new Ieee80211Channel[Math.Max(maxChannels, 1) + 4];
        int n = world.Ic.GetRadioCaps(maxChannels, table);
        Assert.Equal(expected, n);
        Assert.All(table[n..], c => Assert.Null(c));   // nothing written past what was reported
    }

    [Fact]
    public void Vaps_are_numbered_wlan0_wlan1_and_units_are_reused()
    {
        var world = new TestRadio();
        var a = world.Ic.CreateVap(OpMode.Sta);
        var b = world.Ic.CreateVap(OpMode.HostAp);
        Assert.Equal("wlan0", a.Vap!.Name);
        Assert.Equal("wlan1", b.Vap!.Name);
        Assert.Equal(world.Ic.MacAddress, a.Vap.MacAddress);
        world.Ic.DestroyVap(a.Vap);
        Assert.Equal("wlan0", world.Ic.CreateVap(OpMode.Sta).Vap!.Name);
        Assert.Equal(2, world.Ic.Vaps.Count);
    }

    [Fact]
    public void Vap_creation_errors_are_results_not_exceptions()
    {
        var world = new TestRadio(caps: RadioCapabilities.Sta | RadioCapabilities.MultiVap);
        var r = world.Ic.CreateVap(OpMode.HostAp);
        Assert.Equal(VapCreateError.ModeNotSupported, r.Error);
        Assert.Contains("not supported by driver fake", r.Message, StringComparison.Ordinal);

        Assert.True(world.Ic.CreateVap(OpMode.Sta, name: "wlan3").Succeeded);
        Assert.Equal(VapCreateError.NameInUse, world.Ic.CreateVap(OpMode.Sta, name: "wlan3").Error);
        Assert.Equal(VapCreateError.InvalidName, world.Ic.CreateVap(OpMode.Sta, name: "eth0").Error);

        world.Driver.RefuseVapCreate = true;
        Assert.Equal(VapCreateError.DriverRefused, world.Ic.CreateVap(OpMode.Sta).Error);
        world.Driver.RefuseVapCreate = false;
        Assert.Equal("wlan0", world.Ic.CreateVap(OpMode.Sta).Vap!.Name);  // the refused unit was given back

        var single = new TestRadio(caps: RadioCapabilities.Sta);
        Assert.True(single.Ic.CreateVap(OpMode.Sta).Succeeded);
        Assert.Equal(VapCreateError.Busy, single.Ic.CreateVap(OpMode.Sta).Error);
    }

    [Fact]
    public void Parent_is_called_when_the_first_vap_starts_and_the_last_stops()
    {
        var world = new TestRadio();
        var a = world.Ic.CreateVap(OpMode.Sta).Vap!;
        var b = world.Ic.CreateVap(OpMode.HostAp).Vap!;
        world.OnQueue(a.Up);
        world.OnQueue(b.Up);
        Assert.Equal(2, world.Ic.NRunning);
        world.OnQueue(a.Down);
        world.OnQueue(b.Down);
        Assert.Equal([1, 0], world.Driver.ParentCalls);
    }

    [Fact]
    public void Monitor_vaps_count_as_taps_and_set_promiscuous()
    {
        var world = new TestRadio();
        var mon = world.Ic.CreateVap(OpMode.Monitor).Vap!;
        Assert.Equal(1, world.Ic.MonTaps);
        Assert.True(world.Ic.Promiscuous);
        Assert.Equal(VapCreateError.Busy, world.Ic.CreateVap(OpMode.Monitor).Error);
        world.Ic.DestroyVap(mon);
        Assert.Equal(0, world.Ic.MonTaps);
        Assert.False(world.Ic.Promiscuous);
        Assert.Equal(["promisc:True", "promisc:False"], world.Driver.Calls.Where(c => c.StartsWith("promisc", StringComparison.Ordinal)));
    }

    [Fact]
    public void Received_frames_are_dispatched_by_node_and_monitors_get_copies()
    {
        var world = new TestRadio();
        var sta = world.Ic.CreateVap(OpMode.Sta).Vap!;
        var mon = world.Ic.CreateVap(OpMode.Monitor).Vap!;
        world.OnQueue(sta.Up);
        world.OnQueue(mon.Up);
        var ap = MacAddress.Parse("02:aa:aa:aa:aa:aa");
        world.OnQueue(() => world.Ic.Nodes.Add(sta, ap));

        // A data frame from the AP to us, an ACK, and a 6-byte runt, from "another thread".
        world.Ic.RxEnqueue(world.Pool.Rent(DataFrame(sta.MacAddress, ap)), -40, -91, new RxInfo { FrequencyMhz = 2412, Rate = 108 });
        world.Ic.RxEnqueue(world.Pool.Rent(new byte[] { 0xd4, 0, 0, 0, 2, 0, 0, 0, 0, 1 }), -40, -91, default);
        world.Ic.RxEnqueue(world.Pool.Rent(new byte[6]), -40, -91, default);
        world.Settle();

        var staMode = world.StaModule.Attached.Single();
        var monMode = world.MonitorModule.Attached.Single();
        var (frame, node) = Assert.Single(staMode.Received);
        Assert.Equal(ap, node!.MacAddress);
        Assert.Equal(-40, frame.Meta.RssiDbm);
        Assert.Equal(-40, node.RssiDbm);
        Assert.Equal(3, monMode.Received.Count);   // the monitor sees the runt too, as it was on the air
        Assert.Equal(1, world.Ic.IErrors);
        Assert.Equal(1, world.Ic.ParseErrors[Net80211.Frames.FrameParseError.TooShort]);
        staMode.FreeAll();
        monMode.FreeAll();
        Assert.Equal(0, world.Pool.Outstanding);
    }

    [Fact]
    public void Tx_complete_is_counted_once_per_packet()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.HostAp).Vap!;
        world.OnQueue(vap.Up);
        Packet? sent = null;
        world.OnQueue(() =>
        {
            var node = world.Ic.Nodes.Add(vap, MacAddress.Parse("02:00:00:00:00:42"));
            world.Ic.RawTransmit(node, world.Pool.Rent(new byte[30]));
            sent = world.Driver.Sent.Single();
            world.Driver.CompleteAll(TxStatus.NoAck);
        });
        world.OnQueue(() => world.Ic.TxComplete(sent!, null, TxStatus.Ok));   // a buggy second completion
        Assert.Equal(1, world.Ic.TxSubmitted);
        Assert.Equal(1, world.Ic.TxCompleted);
        Assert.Equal(1, world.Ic.TxCompleteErrors);
        Assert.Equal(1, world.Ic.OErrors);
        Assert.Equal(1, vap.Stats.TxFailed);
        Assert.Equal(0, world.Pool.Outstanding);
    }

    [Fact]
    public void Interface_output_enforces_up_and_mtu()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.HostAp).Vap!;
        Assert.False(vap.Interface.Output(world.Pool.Rent(new byte[100])));   // down
        world.OnQueue(vap.Up);
        Assert.False(vap.Interface.Output(world.Pool.Rent(new byte[14 + 1501])));
        Assert.True(vap.Interface.Output(world.Pool.Rent(new byte[14 + 1500])));
        Assert.Equal(1, vap.Interface.OutErrors);
        Assert.Equal(1, vap.Interface.OutDrops);
        world.HostApModule.Attached.Single().FreeAll();
        Assert.Equal(0, world.Pool.Outstanding);
    }

    [Fact]
    public void Restart_all_suspends_and_resumes_running_vaps()
    {
        var world = new TestRadio();
        var sta = world.Ic.CreateVap(OpMode.Sta).Vap!;
        var idle = world.Ic.CreateVap(OpMode.HostAp).Vap!;
        world.OnQueue(sta.Up);
        world.Ic.RestartAll("firmware error");
        world.Settle();
        Assert.True(sta.IsRunning);
        Assert.False(idle.IsRunning);
        Assert.Equal(Ieee80211State.Scan, sta.State);
        Assert.Equal([1, 0, 1], world.Driver.ParentCalls);
        var t = world.StaModule.Attached.Single().Transitions;
        Assert.Contains(t, x => x.To == Ieee80211State.Init && x.Reason.Cause == TransitionCause.Restart);
    }

    /// <summary>A minimal 3-address data frame, FromDS: addr1 = DA, addr2 = BSSID, addr3 = SA.</summary>
    private static byte[] DataFrame(MacAddress to, MacAddress from)
    {
        var f = new byte[24 + 8];
        f[0] = 0x08; f[1] = 0x02;
        to.WriteTo(f.AsSpan(4));
        from.WriteTo(f.AsSpan(10));
        from.WriteTo(f.AsSpan(16));
        return f;
    }
}

public class RegulatoryTests
{
    private static Ieee80211Channel[] DualBandWith14()
    {
        var table = new Ieee80211Channel[64];
        int n = 0;
        ChannelTableBuilder.AddDefaultChannels(table, table.Length, ref n, ChannelBands.B | ChannelBands.G | ChannelBands.A, ht40: false, extendedChannelMode: true);
        return table[..n];
    }

    [Fact]
    public void Us_and_japan_differ_on_channel_14_and_both_mark_dfs()
    {
        var world = new TestRadio(channels: DualBandWith14());
        Assert.Null(world.Ic.FindChannelByIeee(14));
        Assert.NotNull(world.Ic.FindChannelByIeee(11));
        Assert.True(world.Ic.FindChannelByIeee(52)!.IsDfs);
        Assert.False(world.Ic.FindChannelByIeee(36)!.IsDfs);

        Assert.True(world.Ic.TrySetRegDomain(RegDomains.Japan, "JP", RegLocation.Any, out var error), error);
        var ch14 = world.Ic.FindChannelByIeee(14);
        Assert.NotNull(ch14);
        Assert.False(ch14!.IsOfdm);                       // 802.11b only on 14
        Assert.True(world.Ic.FindChannelByIeee(52)!.IsDfs);
        Assert.Equal("JP", world.Ic.CountryCode);
    }

    [Fact]
    public void Regdomain_cannot_change_under_running_vaps()
    {
        var world = new TestRadio();
        var vap = world.Ic.CreateVap(OpMode.HostAp).Vap!;
        world.OnQueue(vap.Up);
        Assert.False(world.Ic.TrySetRegDomain(RegDomains.Etsi, "DE", RegLocation.Any, out var error));
        Assert.Contains("while interfaces are running", error, StringComparison.Ordinal);
    }
}

public class HostileInputTests
{
    [Fact]
    public void Random_and_truncated_frames_are_counted_and_never_throw_or_leak()
    {
        var world = new TestRadio();
        var sta = world.Ic.CreateVap(OpMode.Sta).Vap!;
        world.OnQueue(sta.Up);
        var rng = new Net80211.Scheduling.DeterministicRandom(99);
        const int frames = 2000;
        for (int i = 0; i < frames; i++)
        {
            var bytes = new byte[rng.Next(40)];
            rng.NextBytes(bytes);
            if (bytes.Length > 0) bytes[0] &= 0xFC;   // keep protocol version 0 for half of them
            if (i % 2 == 0 && bytes.Length > 0) bytes[0] |= 0x01;
            world.Ic.RxEnqueue(world.Pool.Rent(bytes), -50, -91, new RxInfo { Flags = i % 7 == 0 ? RxFlags.HasFcs : RxFlags.None });
        }
        world.Settle();
        var mode = world.StaModule.Attached.Single();
        Assert.True(world.Ic.IErrors > frames / 2);                 // most random bytes are not frames
        Assert.Equal(world.Ic.IErrors, world.Ic.ParseErrors.Total);  // every drop has a reason
        Assert.True(mode.Received.Count > 0);                        // and the well-formed ones got through
        mode.FreeAll();
        Assert.Equal(0, world.Pool.Outstanding);
    }
}
