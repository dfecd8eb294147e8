namespace Net80211.Radiotap;

/// <summary>The MCS field (bit 19) of radiotap: which subfields are known, their values, the MCS index.</summary>
/// <remarks>
/// <code>
///  octets:   1       1      1
///        +-------+-------+-----+
///        | known | flags | mcs |
///        +-------+-------+-----+
/// </code>
/// known: 0x01 bandwidth, 0x02 MCS index, 0x04 guard interval, 0x08 HT format, 0x10 FEC, 0x20 STBC, 0x40 Ness.
/// flags: 0x03 bandwidth (0 = 20, 1 = 40, 2 = 20L, 3 = 20U), 0x04 short GI, 0x08 greenfield, 0x10 LDPC,
/// 0x60 STBC streams, 0x80 Ness bit 0.
/// </remarks>
public readonly record struct RadiotapMcs(byte Known, byte Flags, byte Index)
{
    public const int Length = 3;
    public const byte KnownBandwidth = 0x01;
    public const byte KnownIndex = 0x02;
    public const byte KnownGuardInterval = 0x04;
    public const byte FlagShortGuardInterval = 0x04;
    public const byte Bandwidth40 = 0x01;

    /// <summary>An HT MCS with a known index (and bandwidth 20 MHz, long GI unless given).</summary>
    public static RadiotapMcs ForIndex(byte index, bool shortGuardInterval = false, bool ht40 = false)
        => new((byte)(KnownIndex | KnownBandwidth | KnownGuardInterval),
            (byte)((shortGuardInterval ? FlagShortGuardInterval : 0) | (ht40 ? Bandwidth40 : 0)), index);
}
