namespace Net80211.Frames;

/// <summary>BAR/BA Type subfield, bits 1-4 of BAR Control and BA Control (IEEE 802.11-2020 Tables 9-24, 9-28).</summary>
/// <remarks>The values are the old Multi-TID (bit 1), Compressed Bitmap (bit 2) and GCR (bit 3) flags read as one number.</remarks>
public enum BlockAckType : byte
{
    Basic = 0,
    ExtendedCompressed = 1,
    Compressed = 2,
    MultiTid = 3,
    Gcr = 6,
    GlkGcr = 10,
}
