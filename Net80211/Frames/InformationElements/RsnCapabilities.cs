namespace Net80211.Frames;

/// <summary>RSN Capabilities field (IEEE 802.11-2020 9.4.2.24.4, Figure 9-192).</summary>
/// <remarks>
/// <code>
///  B0      B1      B2-B3     B4-B5     B6    B7    B8     B9     B10    B11    B12   B13    B14   B15
/// +-------+-------+---------+---------+-----+-----+------+------+------+------+-----+------+-----+----+
/// |PreAuth|No     |PTKSA    |GTKSA    |MFPR |MFPC |Joint |Peer  |SPP   |SPP   |PBAC |Ext   |OCVC |Res |
/// |       |Pairw. |Replay Ct|Replay Ct|     |     |MB    |Key   |A-MSDU|A-MSDU|     |Key ID|     |    |
/// |       |       |         |         |     |     |RSNA  |      |Cap   |Req   |     |      |     |    |
/// +-------+-------+---------+---------+-----+-----+------+------+------+------+-----+------+-----+----+
/// </code>
/// The replay counter subfields encode 1, 2, 4 or 16 counters as 0..3.
/// </remarks>
[Flags]
public enum RsnCapabilities : ushort
{
    None = 0,
    PreAuthentication = 0x0001,
    NoPairwise = 0x0002,
    PtksaReplayCounterMask = 0x000C,
    GtksaReplayCounterMask = 0x0030,
    /// <summary>Management frame protection required.</summary>
    Mfpr = 0x0040,
    /// <summary>Management frame protection capable.</summary>
    Mfpc = 0x0080,
    JointMultiBandRsna = 0x0100,
    PeerKeyEnabled = 0x0200,
    SppAmsduCapable = 0x0400,
    SppAmsduRequired = 0x0800,
    Pbac = 0x1000,
    ExtendedKeyId = 0x2000,
    Ocvc = 0x4000,
}
