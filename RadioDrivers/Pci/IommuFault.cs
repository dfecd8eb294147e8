namespace Net80211.RadioDrivers.Pci;

/// <summary>A device access the IOMMU refused (a DMAR fault): nothing was read or written.</summary>
public readonly record struct IommuFault(string Device, ulong Iova, int Length, bool Write, string Reason)
{
    public override string ToString() => $"{Device}: DMA {(Write ? "write" : "read")} of {Length} bytes at 0x{Iova:x}: {Reason}";
}
