namespace Net80211.RadioDrivers.Pci;

/// <summary>What happened to a device's MSI-X messages.</summary>
/// <param name="Raised">Messages the device sent (valid vectors).</param>
/// <param name="Delivered">Handler invocations.</param>
/// <param name="Coalesced">Messages folded into one already pending or queued.</param>
/// <param name="InvalidVector">Messages for a vector the device does not have: ignored.</param>
/// <param name="Dropped">Queued messages discarded because the handler was unregistered meanwhile.</param>
public readonly record struct MsixCounters(long Raised, long Delivered, long Coalesced, long InvalidVector, long Dropped);
