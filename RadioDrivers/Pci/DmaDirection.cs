namespace Net80211.RadioDrivers.Pci;

/// <summary>Which way data moves through a DMA mapping, from the device's point of view
/// (Linux's dma_data_direction, FreeBSD's BUS_DMASYNC_PRE{READ,WRITE} pairs).</summary>
public enum DmaDirection
{
    /// <summary>The device reads host memory (a TX packet, a command): read-only to the device.</summary>
    ToDevice,
    /// <summary>The device writes host memory (an RX buffer): write-only to the device.</summary>
    FromDevice,
    /// <summary>Both ways (descriptor rings, shared status pages).</summary>
    Bidirectional,
}
