using Net80211.RadioDrivers.Pci;

namespace RadioDrivers.Tests.Pci;

/// <summary>A minimal device model: 16 KiB BAR0 of plain registers, a 64-bit BAR2, a PCIe capability ahead
/// of MSI-X (so finding MSI-X takes a walk), and public doors to the protected device-side API.</summary>
internal sealed class TestDevice : PciDevice
{
    public const ushort Vendor = 0x8086, Product = 0x2725;
    public const long Bar0Size = 0x4000, Bar2Size = 0x10_0000;
    private readonly uint[] _registers = new uint[Bar0Size / 4];

    public TestDevice(string name = "testdev", int vectors = 4) : base(name)
    {
        Config.Init(Vendor, Product, 0x1a, 0x02_80_00, 0x8086, 0x0024);
        Config.DefineMemoryBar(0, Bar0Size, is64Bit: false);
        Config.DefineMemoryBar(2, Bar2Size, is64Bit: true, prefetchable: true);
        Config.AddCapability(PciConfigSpace.CapabilityIdPciExpress, 0x3c);
        if (vectors > 0) Config.AddMsixCapability(vectors);
    }

    public int Resets { get; private set; }
    public int PluggedCalls { get; private set; }

    public override uint ReadBar32(int bar, long offset) => bar == 0 ? _registers[offset / 4] : 0;

    public override void WriteBar32(int bar, long offset, uint value)
    {
        if (bar == 0) _registers[offset / 4] = value;
    }

    public override void FunctionLevelReset()
    {
        Array.Clear(_registers);
        Resets++;
    }

    protected internal override void OnPlugged(PciBus bus) => PluggedCalls++;

    public IommuDomain DeviceDma => Dma;
    public bool BusMaster => BusMasterEnabled;
    public void Raise(int vector) => RaiseMsix(vector);
}
