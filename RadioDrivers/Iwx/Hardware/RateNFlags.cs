namespace Net80211.RadioDrivers.Iwx.Hardware;

/// <summary>rate_n_flags v1 for legacy rates (§4): PLCP code in bits 0..7, bit 9 CCK, antenna mask in bits 14..16.</summary>
/// <remarks>Rates are in 500 kb/s units, as everywhere in the stack (2 = 1 Mb/s, 108 = 54 Mb/s).</remarks>
public readonly record struct RateNFlags(uint Value)
{
    public const uint PlcpMask = 0xff;
    public const uint CckFlag = 1u << 9;
    public const int AntennaShift = 14;
    public const uint AntennaMaskBits = 7u << AntennaShift;
    public const byte AntennaA = 1;
    public const byte AntennaB = 2;

    public byte Plcp => (byte)(Value & PlcpMask);
    public bool IsCck => (Value & CckFlag) != 0;
    public byte AntennaMask => (byte)((Value & AntennaMaskBits) >> AntennaShift);

    /// <summary>The rate in 500 kb/s units, or 0 for a code that is not a legacy rate.</summary>
    public byte Rate => (byte)(IsCck ? Plcp switch
    {
        10 => 2, 20 => 4, 55 => 11, 110 => 22, _ => 0,
    } : Plcp switch
    {
        0x0d => 12, 0x0f => 18, 0x05 => 24, 0x07 => 36, 0x09 => 48, 0x0b => 72, 0x01 => 96, 0x03 => 108, _ => 0,
    });

    /// <summary>rate_n_flags for a legacy rate on the given antennas; false for a rate that is not 802.11a/b/g.</summary>
    public static bool TryFromRate(byte rate, out RateNFlags value, byte antennaMask = AntennaA)
    {
        uint ant = (uint)(antennaMask & 7) << AntennaShift;
        uint code = rate switch
        {
            2 => 10 | CckFlag, 4 => 20 | CckFlag, 11 => 55 | CckFlag, 22 => 110 | CckFlag,
            12 => 0x0d, 18 => 0x0f, 24 => 0x05, 36 => 0x07, 48 => 0x09, 72 => 0x0b, 96 => 0x01, 108 => 0x03,
            _ => 0,
        };
        value = code == 0 ? default : new RateNFlags(code | ant);
        return code != 0;
    }

    /// <summary>As <see cref="TryFromRate"/>, throwing for a rate that is not legacy.</summary>
    public static RateNFlags FromRate(byte rate, byte antennaMask = AntennaA)
        => TryFromRate(rate, out var v, antennaMask) ? v : throw new ArgumentOutOfRangeException(nameof(rate), rate, "not a legacy 802.11 rate");

    public override string ToString() => Rate != 0
        ? FormattableString.Invariant($"{Rate / 2.0} Mb/s ant 0x{AntennaMask:x}")
        : FormattableString.Invariant($"0x{Value:x8}");
}
