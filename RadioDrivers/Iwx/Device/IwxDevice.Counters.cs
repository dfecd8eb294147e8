namespace Net80211.RadioDrivers.Iwx.Device;

/// <summary>What the device counted: for tests, and for the driver guide's "what the hardware saw".</summary>
public sealed partial class IwxDevice
{
    /// <summary>SW_RESETs and function-level resets.</summary>
    public long Resets { get; internal set; }
    /// <summary>Boots that reached ALIVE.</summary>
    public long Boots { get; internal set; }
    /// <summary>Boots that never will: bad context info, DMA fault, bad signature, injected failure.</summary>
    public long BootFailures { get; internal set; }
    /// <summary>Why the last boot failed, for logs and tests.</summary>
    public string? LastBootError { get; internal set; }
    /// <summary>Boots refused because the CSS hash did not match.</summary>
    public long SignatureFailures { get; internal set; }
    /// <summary>Host commands taken off the command queue.</summary>
    public long CommandsProcessed { get; internal set; }
    /// <summary>Command responses (including REPLY_ERROR) put on RX queue 0.</summary>
    public long ResponsesSent { get; internal set; }
    /// <summary>Unsolicited notifications and TX responses put on RX queue 0.</summary>
    public long NotificationsSent { get; internal set; }
    /// <summary>REPLY_ERROR answers: unknown commands, malformed payloads, data on the command queue.</summary>
    public long ReplyErrors { get; internal set; }
    /// <summary>Packets written to RX buffers.</summary>
    public long RxDelivered { get; internal set; }
    /// <summary>Packets dropped for want of a free RX buffer.</summary>
    public long RxOverruns { get; internal set; }
    /// <summary>RX MPDUs passed up from the air.</summary>
    public long RxFrames { get; internal set; }
    /// <summary>Frames the receive filter dropped.</summary>
    public long RxFiltered { get; internal set; }
    /// <summary>Frames decrypted by the firmware / refused for a bad MIC.</summary>
    public long RxDecrypted { get; internal set; }
    public long RxMicFailures { get; internal set; }
    /// <summary>Data-queue frames put on the air.</summary>
    public long TxFrames { get; internal set; }
    public long TxEncrypted { get; internal set; }
    /// <summary>TX responses sent (one per data TFD).</summary>
    public long TxResponses { get; internal set; }
    /// <summary>Probe requests sent while scanning.</summary>
    public long ProbesSent { get; internal set; }
    public long ScansCompleted { get; internal set; }
    public long MissedBeaconNotifications { get; internal set; }
    /// <summary>FH_ERR raised for a DMA the IOMMU refused (the fault list is <see cref="Pci.PciDevice.DmaFaults"/>).</summary>
    public long DmaErrors { get; internal set; }
    /// <summary>TFDs with num_tbs 0 or above 25, or more bytes than a frame can have.</summary>
    public long BadTfds { get; internal set; }
    /// <summary>Write pointers for a queue that does not exist or an index beyond its ring.</summary>
    public long BadWritePointers { get; internal set; }
    /// <summary>MMIO accesses to offsets the device does not decode.</summary>
    public long UnknownRegisterAccesses { get; internal set; }
    /// <summary>SYSASSERTs (debug command or fault injection).</summary>
    public long Asserts { get; internal set; }
    /// <summary>MSI-X messages the device sent.</summary>
    public long InterruptsRaised { get; internal set; }
}
