namespace Net80211.Frames;

/// <summary>HT Capability Information field (IEEE 802.11-2020 9.4.2.56.2, Figure 9-333).</summary>
/// <remarks>
/// <code>
///  B0    B1      B2-B3  B4     B5    B6    B7    B8-B9  B10   B11     B12    B13  B14      B15
/// +----+-------+------+------+-----+-----+-----+------+-----+-------+------+----+--------+-------+
/// |LDPC|Chan   |SM    |HT-GF |SGI  |SGI  |Tx   |Rx    |Res. |Max    |DSSS/ |Res.|40 MHz  |L-SIG  |
/// |    |Width  |Power |      |20   |40   |STBC |STBC  |     |A-MSDU |CCK 40|    |Intol.  |TXOP   |
/// |    |Set    |Save  |      |     |     |     |      |     |       |      |    |        |Prot.  |
/// +----+-------+------+------+-----+-----+-----+------+-----+-------+------+----+--------+-------+
/// </code>
/// SM Power Save: 0 static, 1 dynamic, 3 disabled. Rx STBC: number of spatial streams (0-3).
/// Max A-MSDU: 0 = 3839 octets, 1 = 7935 octets.
/// </remarks>
[Flags]
public enum HtCapabilityInfo : ushort
{
    None = 0,
    LdpcCoding = 0x0001,
    /// <summary>20/40 MHz operation supported.</summary>
    SupportedChannelWidth40 = 0x0002,
    SmPowerSaveMask = 0x000C,
    SmPowerSaveDynamic = 0x0004,
    SmPowerSaveDisabled = 0x000C,
    GreenField = 0x0010,
    ShortGi20 = 0x0020,
    ShortGi40 = 0x0040,
    TxStbc = 0x0080,
    RxStbcMask = 0x0300,
    RxStbcOneStream = 0x0100,
    /// <summary>HT-delayed Block Ack; reserved since 802.11-2016 but still set by old devices.</summary>
    DelayedBlockAck = 0x0400,
    MaxAmsdu7935 = 0x0800,
    DsssCck40 = 0x1000,
    FortyMhzIntolerant = 0x4000,
    LsigTxopProtection = 0x8000,
}
