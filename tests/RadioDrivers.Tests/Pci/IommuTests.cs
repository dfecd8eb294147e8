using Net80211.RadioDrivers.Pci;

namespace RadioDrivers.Tests.Pci;

public class IommuTests
{
    private readonly HostMemory _memory = new();
    private readonly IommuDomain _domain;
    private readonly List<IommuFault> _raised = [];

    public IommuTests()
    {
        _domain = new Iommu(_memory).CreateDomain("dev0");
        _domain.FaultRaised += _raised.Add;
    }

    [Fact]
    public void A_zero_length_device_access_moves_nothing_and_is_no_fault()
    {
        // Found by the iwx hostile-firmware test: an empty RX packet once crashed the domain.
        Assert.True(_domain.DeviceWrite(0xdead_0000, ReadOnlySpan<byte>.Empty));
        Assert.True(_domain.DeviceRead(0xdead_0000, Span<byte>.Empty));
        Assert.Empty(_raised);
    }

    [Fact]
    public void Host_memory_is_zeroed_page_aligned_and_accounted()
    {
        var a = _memory.Allocate(100);
        var b = _memory.Allocate(5000);
        Assert.NotEqual(0ul, a.Address);
        Assert.Equal(0ul, a.Address % HostMemory.PageSize);
        Assert.Equal(0ul, b.Address % HostMemory.PageSize);
        Assert.True(b.Address >= a.Address + HostMemory.PageSize);
        Assert.All(b.Memory.ToArray(), x => Assert.Equal(0, x));
        Assert.Equal(2, _memory.RegionCount);
        Assert.Equal(5100, _memory.AllocatedBytes);

        var packet = new byte[64];
        var r = _memory.Register(packet);
        packet[3] = 7;
        Assert.Equal(7, r.Memory.Span[3]);                  // wrapped, not copied
        Assert.Equal(3, _memory.RegionCount);
        Assert.Equal(5100, _memory.AllocatedBytes);

        _memory.Release(a);
        Assert.True(a.Released);
        Assert.Throws<InvalidOperationException>(() => _memory.Release(a));
        Assert.Equal(5000, _memory.AllocatedBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => _memory.Allocate(0));
    }

    [Fact]
    public void Device_reads_and_writes_host_memory_through_a_mapping()
    {
        var region = _memory.Allocate(8192);
        ulong iova = _domain.Map(region, 0, 8192, DmaDirection.Bidirectional);
        Assert.True(iova >= IommuDomain.FirstIova);
        Assert.Equal(0ul, iova % HostMemory.PageSize);

        region.Memory.Span[4100] = 0xab;
        Span<byte> one = stackalloc byte[1];
        Assert.True(_domain.DeviceRead(iova + 4100, one));
        Assert.Equal(0xab, one[0]);

        Assert.True(_domain.TryWriteUInt32(iova + 8, 0x1234_5678));
        Assert.Equal([0x78, 0x56, 0x34, 0x12], region.Memory.Span.Slice(8, 4).ToArray());
        Assert.True(_domain.TryReadUInt64(iova + 8, out ulong v));
        Assert.Equal(0x1234_5678ul, v);
        Assert.Empty(_domain.Faults);
    }

    [Fact]
    public void A_mapping_at_an_offset_keeps_the_in_page_offset_and_covers_only_its_window()
    {
        var region = _memory.Allocate(8192);
        ulong iova = _domain.Map(region, 4096 + 16, 32, DmaDirection.ToDevice);
        Assert.Equal(16ul, iova % HostMemory.PageSize);
        region.Memory.Span[4096 + 16] = 0x5a;
        Assert.True(_domain.TryReadUInt16(iova, out ushort first));
        Assert.Equal(0x5a, first);
        Span<byte> b = stackalloc byte[1];
        Assert.False(_domain.DeviceRead(iova - 1, b));      // the byte before the window
        Assert.Single(_raised);
    }

    [Fact]
    public void Direction_is_enforced_and_a_refused_write_changes_nothing()
    {
        var tx = _memory.Allocate(64);
        tx.Memory.Span.Fill(0x11);
        ulong txIova = _domain.Map(tx, 0, 64, DmaDirection.ToDevice);
        var rx = _memory.Allocate(64);
        ulong rxIova = _domain.Map(rx, 0, 64, DmaDirection.FromDevice);

        Assert.False(_domain.DeviceWrite(txIova, new byte[] { 1, 2, 3 }));
        Assert.All(tx.Memory.ToArray(), x => Assert.Equal(0x11, x));
        Assert.False(_domain.TryReadUInt32(rxIova, out _));
        Assert.True(_domain.DeviceWrite(rxIova, new byte[] { 9 }));

        Assert.Equal(2, _domain.Faults.Count);
        Assert.True(_domain.Faults[0].Write);
        Assert.Contains("ToDevice", _domain.Faults[0].Reason, StringComparison.Ordinal);
        Assert.False(_domain.Faults[1].Write);
        Assert.Equal(rxIova, _domain.Faults[1].Iova);
        Assert.Equal("dev0", _domain.Faults[1].Device);
        Assert.Equal(_domain.Faults, _raised);
    }

    [Fact]
    public void An_overrun_into_the_guard_page_faults_without_writing()
    {
        var a = _memory.Allocate(HostMemory.PageSize);
        var b = _memory.Allocate(HostMemory.PageSize);
        ulong ia = _domain.Map(a, 0, HostMemory.PageSize, DmaDirection.Bidirectional);
        ulong ib = _domain.Map(b, 0, HostMemory.PageSize, DmaDirection.Bidirectional);
        Assert.True(ib >= ia + 2 * HostMemory.PageSize);     // a guard page between them

        var data = new byte[16];
        Array.Fill(data, (byte)0xee);
        Assert.False(_domain.DeviceWrite(ia + HostMemory.PageSize - 8, data));
        Assert.All(a.Memory.ToArray(), x => Assert.Equal(0, x));
        Assert.False(_domain.DeviceWrite(ia + HostMemory.PageSize, data));   // straight into the guard page
        Assert.Equal(2, _raised.Count);
        Assert.Contains("past the end", _raised[0].Reason, StringComparison.Ordinal);
        Assert.Equal("not mapped", _raised[1].Reason);
    }

    [Fact]
    public void Access_after_unmap_faults_and_unknown_unmap_is_a_driver_bug()
    {
        var region = _memory.Allocate(64);
        ulong iova = _domain.Map(region, 0, 64, DmaDirection.Bidirectional);
        Assert.Equal(1, _domain.MappingCount);
        _domain.Unmap(iova);
        Assert.Equal(0, _domain.MappingCount);
        Assert.False(_domain.TryWriteUInt32(iova, 1));
        Assert.Equal(0, region.Memory.Span[0]);
        Assert.Single(_domain.Faults);

        // A new mapping never reuses the stale IOVA.
        ulong again = _domain.Map(region, 0, 64, DmaDirection.Bidirectional);
        Assert.NotEqual(iova, again);
        Assert.False(_domain.TryReadUInt32(iova, out _));

        Assert.Throws<InvalidOperationException>(() => _domain.Unmap(iova));
        Assert.Throws<InvalidOperationException>(() => _domain.Unmap(again + 4));
    }

    [Fact]
    public void Released_memory_cannot_be_mapped_and_a_live_mapping_to_it_faults()
    {
        var region = _memory.Allocate(64);
        ulong iova = _domain.Map(region, 0, 64, DmaDirection.Bidirectional);
        _memory.Release(region);
        Assert.False(_domain.TryReadUInt32(iova, out _));
        Assert.Contains("released", _raised.Single().Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => _domain.Map(region, 0, 64, DmaDirection.ToDevice));
        var other = new HostMemory().Allocate(64);
        Assert.Throws<ArgumentException>(() => _domain.Map(other, 0, 64, DmaDirection.ToDevice));
        var ok = _memory.Allocate(64);
        Assert.Throws<ArgumentOutOfRangeException>(() => _domain.Map(ok, 32, 64, DmaDirection.ToDevice));
    }

    [Fact]
    public void Domains_are_separate_address_spaces()
    {
        var other = new Iommu(_memory).CreateDomain("dev1");
        var region = _memory.Allocate(64);
        ulong iova = _domain.Map(region, 0, 64, DmaDirection.Bidirectional);
        Assert.False(other.TryReadUInt32(iova, out _));
        Assert.Single(other.Faults);
        Assert.Empty(_domain.Faults);
    }
}
