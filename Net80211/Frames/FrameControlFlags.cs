namespace Net80211.Frames;

/// <summary>The second octet of Frame Control (IEEE 802.11-2020 9.2.4.1.1, Figure 9-3, bits 8-15).</summary>
[Flags]
public enum FrameControlFlags : byte
{
    None = 0,
    ToDs = 0x01,
    FromDs = 0x02,
    MoreFragments = 0x04,
    Retry = 0x08,
    PowerManagement = 0x10,
    MoreData = 0x20,
    Protected = 0x40,
    /// <summary>+HTC in QoS Data and Management frames; "strictly ordered" in non-QoS Data frames.</summary>
    Order = 0x80,
}
