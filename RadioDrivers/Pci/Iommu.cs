namespace Net80211.RadioDrivers.Pci;

/// <summary>
/// The platform's DMA remapping unit (VT-d, AMD-Vi): every device gets its own <see cref="IommuDomain"/>,
/// so it can reach only what its driver mapped, and a stray access is a recorded fault instead of silent
/// corruption of host memory.
/// </summary>
public sealed class Iommu
{
    public Iommu(HostMemory memory) => Memory = memory ?? throw new ArgumentNullException(nameof(memory));

    public HostMemory Memory { get; }

    public IommuDomain CreateDomain(string deviceName)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceName);
        return new IommuDomain(this, deviceName);
    }
}
