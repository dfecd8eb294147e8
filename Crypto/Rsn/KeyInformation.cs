namespace Net80211.Crypto.Rsn;

/// <summary>The Key Information field of an EAPOL-Key frame (IEEE 802.11-2020 12.7.2 b, Figure 12-33), host order.</summary>
/// <remarks>
/// <code>
///  B0-B2     B3     B4-B5      B6      B7   B8   B9     B10   B11     B12        B13  B14-B15
/// +---------+------+----------+-------+----+----+------+-----+-------+----------+----+--------+
/// |Key Desc.|Key   |Reserved  |Install|Key |Key |Secure|Error|Request|Encrypted |SMK |Reserved|
/// |Version  |Type  |(WPA: key |       |Ack |MIC |      |     |       |Key Data  |    |        |
/// |         |      | index)   |       |    |    |      |     |       |          |    |        |
/// +---------+------+----------+-------+----+----+------+-----+-------+----------+----+--------+
/// </code>
/// </remarks>
[Flags]
public enum KeyInformation : ushort
{
    None = 0,
    VersionMask = 0x0007,
    /// <summary>Key Type: 1 = pairwise (PTK derivation), 0 = group.</summary>
    Pairwise = 0x0008,
    /// <summary>WPA1 only: the GTK's key index in group messages.</summary>
    KeyIndexMask = 0x0030,
    Install = 0x0040,
    Ack = 0x0080,
    Mic = 0x0100,
    Secure = 0x0200,
    Error = 0x0400,
    Request = 0x0800,
    EncryptedKeyData = 0x1000,
    Smk = 0x2000,
}
