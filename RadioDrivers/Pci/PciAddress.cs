namespace Net80211.RadioDrivers.Pci;

/// <summary>A PCI function's bus/device/function triple (domain 0).</summary>
public readonly record struct PciAddress(int Bus, int Device, int Function)
{
    /// <summary>The lspci form, e.g. <c>0000:00:03.0</c>.</summary>
    public override string ToString() => $"0000:{Bus:x2}:{Device:x2}.{Function:x}";
}
