namespace Net80211.Frames;

/// <summary>Octets of the Supported Rates and BSS Membership Selectors field (IEEE 802.11-2020 9.4.2.3).</summary>
/// <remarks>
/// <code>
///  B0         B6   B7
/// +-------------+-------+
/// | rate / 500k | basic |
/// +-------------+-------+
/// </code>
/// With the basic bit set, a few values are not rates but BSS membership selectors (Table 9-94).
/// </remarks>
public static class RateCode
{
    public const byte BasicFlag = 0x80;
    private const byte ValueMask = 0x7F;

    /// <summary>All stations must support this PHY to join (BSS membership selectors, Table 9-94).</summary>
    public const byte SelectorHePhy = 122;
    public const byte SelectorSaeHashToElement = 123;
    public const byte SelectorEpd = 124;
    public const byte SelectorGlk = 125;
    public const byte SelectorVhtPhy = 126;
    public const byte SelectorHtPhy = 127;

    public static bool IsBasic(byte code) => (code & BasicFlag) != 0;

    /// <summary>Rate in 500 kb/s units, e.g. 2 for 1 Mb/s, 108 for 54 Mb/s.</summary>
    public static int GetRateIn500Kbps(byte code) => code & ValueMask;

    public static int GetKbps(byte code) => (code & ValueMask) * 500;

    /// <summary>A basic-flagged octet whose value is a membership selector rather than a rate.</summary>
    public static bool IsMembershipSelector(byte code)
        => IsBasic(code) && GetRateIn500Kbps(code) is >= SelectorHePhy and <= SelectorHtPhy;

    public static byte FromRateIn500Kbps(int rate, bool basic = false)
        => (byte)((rate & ValueMask) | (basic ? BasicFlag : 0));
}
