using Net80211.RadioDrivers.Pci;

namespace RadioDrivers.Tests.Pci;

public class PciBusTests
{
    private readonly PciBus _bus = new();

    [Fact]
    public void Plugged_devices_enumerate_in_slot_order()
    {
        var a = _bus.Plug(new TestDevice("iwx0"));
        var b = _bus.Plug(new TestDevice("iwx1", vectors: 0));
        Assert.Equal(new PciAddress(0, 0, 0), a);
        Assert.Equal("0000:00:01.0", b.ToString());
        Assert.Equal(
            [new PciFunctionInfo(a, 0x8086, 0x2725, 0x02_80_00, "iwx0"), new PciFunctionInfo(b, 0x8086, 0x2725, 0x02_80_00, "iwx1")],
            _bus.Enumerate());

        _bus.Unplug(a);
        Assert.Equal([b], _bus.Enumerate().Select(f => f.Address));
        Assert.Equal(a, _bus.Plug(new TestDevice("iwx2")));   // the free slot is reused
        Assert.Equal("0000:00:1f.0", new PciAddress(0, 31, 0).ToString());
    }

    [Fact]
    public void Plugging_twice_and_unknown_addresses_are_refused()
    {
        var device = new TestDevice();
        var address = _bus.Plug(device);
        Assert.Equal(1, device.PluggedCalls);
        Assert.Throws<InvalidOperationException>(() => _bus.Plug(device));
        Assert.Throws<ArgumentException>(() => _bus.Open(new PciAddress(0, 5, 0)));
        Assert.Throws<ArgumentException>(() => _bus.Unplug(new PciAddress(1, 0, 0)));
        _bus.Unplug(address);
        Assert.Throws<ArgumentException>(() => _bus.Unplug(address));
    }

    [Fact]
    public void A_device_is_open_to_one_driver_at_a_time()
    {
        var address = _bus.Plug(new TestDevice());
        var first = _bus.Open(address);
        Assert.Throws<InvalidOperationException>(() => _bus.Open(address));
        first.Dispose();
        first.Dispose();
        using var second = _bus.Open(address);
        Assert.Equal(address, second.Address);
        Assert.Throws<ObjectDisposedException>(() => first.ReadConfig32(0));
    }

    [Fact]
    public void Mmio_reaches_the_device_only_with_memory_space_enabled()
    {
        var device = new TestDevice();
        using var h = _bus.Open(_bus.Plug(device));
        var bar = h.MapBar(0);
        Assert.Equal(TestDevice.Bar0Size, bar.Size);

        bar.Write32(0x10, 5);
        Assert.Equal(uint.MaxValue, bar.Read32(0x10));      // master abort
        Assert.Equal(2, bar.AbortedAccesses);

        h.EnableBusMaster();
        bar.Write32(0x10, 0x0f);
        bar.SetBits32(0x10, 0x100);
        bar.ClearBits32(0x10, 0x3);
        Assert.Equal(0x10cu, bar.Read32(0x10));
        Assert.Equal(0x10cu, device.ReadBar32(0, 0x10));
        Assert.Equal(2, bar.AbortedAccesses);
    }

    [Fact]
    public void Bad_mmio_and_bar_use_are_clear_errors()
    {
        using var h = _bus.Open(_bus.Plug(new TestDevice()));
        var bar = h.MapBar(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => bar.Read32(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => bar.Read32(TestDevice.Bar0Size));
        Assert.Throws<ArgumentOutOfRangeException>(() => bar.Write32(-4, 0));
        Assert.Throws<ArgumentException>(() => h.MapBar(1));   // unimplemented
        Assert.Throws<ArgumentException>(() => h.MapBar(3));   // upper half of 64-bit BAR2
        Assert.Throws<ArgumentOutOfRangeException>(() => h.MapBar(6));
        Assert.Equal(TestDevice.Bar2Size, h.MapBar(2).Size);
    }

    [Fact]
    public void Device_dma_faults_while_bus_master_is_disabled()
    {
        var device = new TestDevice();
        using var h = _bus.Open(_bus.Plug(device));
        using var buffer = h.Dma.AllocateCoherent(64, "status");
        Assert.False(device.BusMaster);
        Assert.False(device.DeviceDma.TryWriteUInt32(buffer.Iova, 1));
        Assert.Equal("bus master disabled", device.DmaFaults.Single().Reason);
        Assert.Equal(0, buffer.Span[0]);

        h.EnableBusMaster();
        Assert.True(device.DeviceDma.TryWriteUInt32(buffer.Iova, 1));
        Assert.Equal(1, buffer.Span[0]);
    }

    [Fact]
    public void Surprise_removal_reads_all_ones_and_stops_dma()
    {
        var device = new TestDevice();
        var address = _bus.Plug(device);
        using var h = _bus.Open(address);
        h.EnableBusMaster();
        var bar = h.MapBar(0);
        using var buffer = h.Dma.AllocateCoherent(64, "status");
        var domain = device.DeviceDma;

        _bus.Unplug(address);
        Assert.False(h.IsPresent);
        Assert.Equal(uint.MaxValue, h.ReadConfig32(PciConfigSpace.VendorId));
        Assert.Equal(uint.MaxValue, bar.Read32(0));
        Assert.False(domain.TryWriteUInt32(buffer.Iova, 1));
        Assert.Equal("device unplugged", device.DmaFaults.Single().Reason);
    }

    [Fact]
    public void After_surprise_removal_the_slot_serves_a_new_device_and_the_stale_handle_leaves_it_alone()
    {
        var address = _bus.Plug(new TestDevice("old"));
        var stale = _bus.Open(address);
        _bus.Unplug(address);

        var fresh = new TestDevice("new");
        Assert.Equal(address, _bus.Plug(fresh));
        using var h = _bus.Open(address);
        h.EnableBusMaster();
        stale.Dispose();
        stale.Dispose();
        Assert.True(fresh.BusMaster);
        Assert.False(stale.IsPresent);
        Assert.True(h.IsPresent);
    }

    [Fact]
    public void Detach_disables_bus_master()
    {
        var device = new TestDevice();
        var address = _bus.Plug(device);
        var h = _bus.Open(address);
        h.EnableBusMaster();
        Assert.True(device.BusMaster);
        h.Dispose();
        Assert.False(device.BusMaster);
        Assert.Throws<ObjectDisposedException>(() => h.EnableBusMaster());
    }
}
