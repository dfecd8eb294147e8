using Net80211.RadioDrivers.Pci;

namespace RadioDrivers.Tests.Pci;

public class DmaAllocatorTests
{
    private readonly PciBus _bus = new();
    private readonly TestDevice _device = new();
    private readonly PciDeviceHandle _handle;

    public DmaAllocatorTests()
    {
        _handle = _bus.Open(_bus.Plug(_device));
        _handle.EnableBusMaster();
    }

    [Fact]
    public void Coherent_buffer_is_shared_between_driver_and_device()
    {
        using var ring = _handle.Dma.AllocateCoherent(256, "rx ring");
        Assert.Equal(256, ring.Length);
        Assert.All(ring.Memory.ToArray(), x => Assert.Equal(0, x));
        ring.Span[0] = 0x42;
        Assert.True(_device.DeviceDma.TryReadUInt32(ring.Iova, out uint v));
        Assert.Equal(0x42u, v);
        Assert.True(_device.DeviceDma.TryWriteUInt32(ring.Iova + 4, 7));
        Assert.Equal(7, ring.Span[4]);
    }

    [Fact]
    public void A_dma_map_is_loaded_per_transfer_and_a_stale_iova_faults()
    {
        var pooled = new byte[2048];
        pooled[100] = 0x5a;
        var map = _handle.Dma.CreateMap("tx slot");
        Assert.False(map.IsLoaded);
        Assert.Equal(0, _handle.Dma.ActiveMappings);

        map.Load(pooled.AsMemory(100, 64), DmaDirection.ToDevice);
        Assert.Equal(1, _handle.Dma.ActiveMappings);
        Span<byte> seen = stackalloc byte[64];
        Assert.True(_device.DeviceDma.DeviceRead(map.Iova, seen));
        Assert.Equal(0x5a, seen[0]);
        Assert.Throws<InvalidOperationException>(() => map.Load(pooled.AsMemory(0, 8), DmaDirection.ToDevice));

        ulong first = map.Iova;
        map.Unload();
        Assert.Equal(0, _handle.Dma.ActiveMappings);
        Assert.False(_device.DeviceDma.DeviceRead(first, seen));          // the device lost access

        // The same pooled array again: a fresh IOVA, the same physical page (no new region per frame).
        map.Load(pooled.AsMemory(100, 64), DmaDirection.ToDevice);
        Assert.NotEqual(first, map.Iova);
        Assert.Same(_bus.Memory.RegionOf(pooled), _bus.Memory.RegionOf(pooled));
        map.Dispose();                                                    // destroy unloads
        Assert.Equal(0, _handle.Dma.ActiveMappings);
        map.Unload();                                                     // harmless
        Assert.Throws<ObjectDisposedException>(() => map.Load(pooled, DmaDirection.ToDevice));
    }

    [Fact]
    public void Loading_and_unloading_a_map_allocates_nothing()
    {
        var pooled = new byte[2048];
        var map = _handle.Dma.CreateMap("tx slot");
        for (int i = 0; i < 100; i++)
        {
            map.Load(pooled.AsMemory(64, 1500), DmaDirection.ToDevice);
            map.Unload();
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            map.Load(pooled.AsMemory(64, 1500), DmaDirection.ToDevice);
            map.Unload();
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Streaming_mapping_exposes_the_packet_buffer_without_copying()
    {
        var packet = new byte[1500];
        packet[0] = 0x88;
        using var map = _handle.Dma.MapStreaming(packet.AsMemory(0, 100), DmaDirection.ToDevice, "tx");
        Span<byte> seen = stackalloc byte[100];
        Assert.True(_device.DeviceDma.DeviceRead(map.Iova, seen));
        Assert.Equal(0x88, seen[0]);
        Assert.False(_device.DeviceDma.DeviceWrite(map.Iova, seen));       // ToDevice is read-only
        Assert.False(_device.DeviceDma.DeviceRead(map.Iova, new byte[101])); // only the 100 mapped bytes
    }

    [Fact]
    public void Active_mappings_are_accounted_and_dispose_is_idempotent()
    {
        var dma = _handle.Dma;
        var ring = dma.AllocateCoherent(4096, "tx ring");
        var map = dma.MapStreaming(new byte[64], DmaDirection.FromDevice, "rx buf");
        Assert.Equal(2, dma.ActiveMappings);
        Assert.Equal(2, _bus.Memory.RegionCount);
        Assert.Equal([$"tx ring 0x{ring.Iova:x} 4096", $"rx buf 0x{map.Iova:x} 64"], dma.DescribeActive());

        ring.Dispose();
        ring.Dispose();
        Assert.Equal(1, dma.ActiveMappings);
        Assert.Throws<ObjectDisposedException>(() => ring.Span[0]);
        Assert.False(_device.DeviceDma.TryReadUInt32(ring.Iova, out _));   // unmapped

        map.Dispose();
        map.Dispose();
        Assert.Equal(0, dma.ActiveMappings);
        Assert.Empty(dma.DescribeActive());
        Assert.Equal(0, _bus.Memory.RegionCount);
        Assert.Equal(0, _bus.Memory.AllocatedBytes);
        Assert.Equal(0, _device.DeviceDma.MappingCount);
    }

    [Fact]
    public void Detach_without_freeing_leaves_the_leak_visible()
    {
        var dma = _handle.Dma;
        _ = dma.AllocateCoherent(64, "forgotten");
        _handle.Dispose();
        Assert.Equal(1, dma.ActiveMappings);
        Assert.StartsWith("forgotten 0x", dma.DescribeActive()[0], StringComparison.Ordinal);
        Assert.Equal(1, _device.DeviceDma.MappingCount);
    }

    [Fact]
    public void Bad_sizes_are_refused_and_leave_nothing_behind()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _handle.Dma.AllocateCoherent(0, "x"));
        Assert.Throws<ArgumentException>(() => _handle.Dma.MapStreaming(Memory<byte>.Empty, DmaDirection.ToDevice, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => _handle.Dma.MapStreaming(new byte[8], (DmaDirection)7, "x"));
        Assert.Equal(0, _handle.Dma.ActiveMappings);
        Assert.Equal(0, _bus.Memory.RegionCount);
    }
}
