namespace Net80211.Capture;

/// <summary>Why a capture file, or part of it, could not be read. <see cref="CaptureReader"/> counts
/// each one instead of throwing.</summary>
public enum CaptureError
{
    None = 0,
    /// <summary>The file starts with neither a pcap magic number nor a pcapng Section Header Block.</summary>
    NotACapture,
    /// <summary>A pcap major version other than 2, or a pcapng major version other than 1.</summary>
    UnsupportedVersion,
    /// <summary>The file ends inside a header, a record or a block (or a length points past its end).</summary>
    Truncated,
    /// <summary>A record claims more captured octets than any capture holds (<see cref="CaptureReader.MaxRecordLength"/>).</summary>
    RecordTooLarge,
    /// <summary>A pcapng block length is under 12, not a multiple of 4, too large, or differs from the trailing copy.</summary>
    BadBlockLength,
    /// <summary>A pcapng block's fields do not fit in the block.</summary>
    BadBlock,
    /// <summary>A pcapng packet block names an interface no Interface Description Block declared.</summary>
    UnknownInterface,
    /// <summary>The underlying stream failed.</summary>
    IoError,
}

/// <summary>The container format of a capture file.</summary>
public enum CaptureFormat
{
    /// <summary>Classic libpcap, microsecond timestamps.</summary>
    Pcap,
    /// <summary>Classic libpcap with the nanosecond magic number.</summary>
    PcapNanoseconds,
    /// <summary>pcapng (IETF draft-ietf-opsawg-pcapng).</summary>
    PcapNg,
}
