using Net80211.RadioDrivers.Pci;

namespace RadioDrivers.Tests.Pci;

public class PciConfigSpaceTests
{
    private static (PciBus Bus, TestDevice Device, PciDeviceHandle Handle) Open()
    {
        var bus = new PciBus();
        var device = new TestDevice();
        return (bus, device, bus.Open(bus.Plug(device)));
    }

    [Fact]
    public void Identity_reads_back_and_read_only_fields_ignore_writes()
    {
        var (_, _, h) = Open();
        Assert.Equal(0x2725_8086u, h.ReadConfig32(PciConfigSpace.VendorId));
        Assert.Equal(0x0280_001au, h.ReadConfig32(PciConfigSpace.RevisionId));   // class 02 (network), subclass 80, rev 1a
        Assert.Equal((byte)0x1a, h.Revision);
        Assert.Equal((ushort)0x0024, h.SubsystemId);

        h.WriteConfig32(PciConfigSpace.VendorId, 0xdead_beef);
        h.WriteConfig32(PciConfigSpace.RevisionId, 0);
        h.WriteConfig16(PciConfigSpace.Status, 0xffff);
        Assert.Equal((ushort)0x8086, h.VendorId);
        Assert.Equal((ushort)0x2725, h.DeviceId);
        Assert.Equal(0x0280_001au, h.ReadConfig32(PciConfigSpace.RevisionId));
        Assert.Equal(PciConfigSpace.StatusCapabilitiesList, h.ReadConfig16(PciConfigSpace.Status));
    }

    [Fact]
    public void Command_and_interrupt_line_are_writable_only_in_their_bits()
    {
        var (_, _, h) = Open();
        h.WriteConfig16(PciConfigSpace.Command, 0xffff);
        Assert.Equal((ushort)0x0407, h.ReadConfig16(PciConfigSpace.Command));
        h.WriteConfig8(PciConfigSpace.InterruptLine, 11);
        h.WriteConfig8(PciConfigSpace.InterruptPin, 4);
        Assert.Equal((byte)11, h.ReadConfig8(PciConfigSpace.InterruptLine));
        Assert.Equal((byte)1, h.ReadConfig8(PciConfigSpace.InterruptPin));
    }

    [Fact]
    public void Bar_size_probing_returns_the_size_mask_and_keeps_the_type_bits()
    {
        var (_, _, h) = Open();
        int bar0 = PciConfigSpace.Bar0;
        uint assigned = h.ReadConfig32(bar0);
        Assert.NotEqual(0u, assigned & ~0xfu);                     // the bus gave it an address
        Assert.Equal(0u, assigned & ((uint)TestDevice.Bar0Size - 1)); // naturally aligned

        h.WriteConfig32(bar0, 0xffff_ffff);
        uint probe = h.ReadConfig32(bar0);
        Assert.Equal(TestDevice.Bar0Size, (long)(~(probe & ~0xfu) + 1));
        Assert.Equal(0u, probe & 0xf);                              // 32-bit, non-prefetchable memory

        // 64-bit BAR2/3: both halves probe together; type bits say 64-bit prefetchable.
        int bar2 = bar0 + 8;
        h.WriteConfig32(bar2, 0xffff_ffff);
        h.WriteConfig32(bar2 + 4, 0xffff_ffff);
        ulong probe64 = h.ReadConfig32(bar2) | (ulong)h.ReadConfig32(bar2 + 4) << 32;
        Assert.Equal(0xcu, (uint)probe64 & 0xf);
        Assert.Equal(TestDevice.Bar2Size, (long)(~(probe64 & ~0xful) + 1));

        // An unimplemented BAR stays zero.
        h.WriteConfig32(bar0 + 4, 0xffff_ffff);
        Assert.Equal(0u, h.ReadConfig32(bar0 + 4));

        h.WriteConfig32(bar0, assigned);
        Assert.Equal(assigned, h.ReadConfig32(bar0));
    }

    [Fact]
    public void Msix_capability_is_found_by_walking_the_list()
    {
        var (_, d, h) = Open();
        int first = h.ReadConfig8(PciConfigSpace.CapabilitiesPointer);
        Assert.Equal(PciConfigSpace.CapabilityIdPciExpress, h.ReadConfig8(first));
        int second = h.ReadConfig8(first + 1);
        Assert.Equal(PciConfigSpace.CapabilityIdMsix, h.ReadConfig8(second));
        Assert.Equal(0, h.ReadConfig8(second + 1));                 // end of list

        Assert.Equal(second, h.FindCapability(PciConfigSpace.CapabilityIdMsix));
        Assert.Equal(0, h.FindCapability(0x05));                     // no MSI
        Assert.Equal(4, (h.ReadConfig16(second + 2) & 0x7ff) + 1);   // table size
        Assert.Equal(4, d.MsixVectorCount);
    }

    [Fact]
    public void Only_enable_and_function_mask_of_msix_control_are_writable()
    {
        var (_, _, h) = Open();
        int cap = h.FindCapability(PciConfigSpace.CapabilityIdMsix);
        h.WriteConfig16(cap + 2, 0xffff);
        Assert.Equal((ushort)(0xc000 | 3), h.ReadConfig16(cap + 2));
        h.WriteConfig16(cap + 2, 0);
        Assert.Equal((ushort)3, h.ReadConfig16(cap + 2));
    }

    [Fact]
    public void Unaligned_or_out_of_range_config_access_is_a_clear_error()
    {
        var (_, _, h) = Open();
        Assert.Throws<ArgumentOutOfRangeException>(() => h.ReadConfig32(PciConfigSpace.ClassCode));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.ReadConfig16(255));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.WriteConfig32(256, 0));
    }

    [Fact]
    public void A_looping_capability_list_ends_the_walk()
    {
        var config = new PciConfigSpace();
        int cap = config.AddCapability(0x01, 8);
        config.SetRaw32(cap, (uint)(cap << 8) | 0x01);   // next points at itself
        Assert.Equal(0, config.FindCapability(PciConfigSpace.CapabilityIdMsix));
        Assert.Equal(cap, config.FindCapability(0x01));
    }
}
