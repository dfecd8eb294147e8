namespace Net80211.RadioDrivers.Pci;

/// <summary>One line of bus enumeration: what a driver's probe matches against.</summary>
public readonly record struct PciFunctionInfo(PciAddress Address, ushort VendorId, ushort DeviceId, uint ClassCode, string Name);
