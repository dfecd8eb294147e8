namespace Net80211.RadioDrivers.Iwx;

/// <summary>
/// rate_n_flags (v1) ↔ the stack's 500 kb/s rate units (iwx_rates[]): legacy PLCP code in bits 0..7, CCK in
/// bit 9, antenna mask in bits 14..16. A private helper: Hardware/ has no rate table.
/// </summary>
internal static class IwxRates
{
    public const uint Cck = 1u << 9;
    public const uint AntennaA = 1u << 14;

    // (rate in 500 kb/s, PLCP code, is CCK)
    private static readonly (byte Rate, byte Plcp, bool Cck)[] Table =
    [
        (2, 10, true), (4, 20, true), (11, 55, true), (22, 110, true),
        (12, 0x0d, false), (18, 0x0f, false), (24, 0x05, false), (36, 0x07, false),
        (48, 0x09, false), (72, 0x0b, false), (96, 0x01, false), (108, 0x03, false),
    ];

    /// <summary>The rate in 500 kb/s units, 0 when the code is not a legacy rate.</summary>
    public static byte FromRateNFlags(uint rateNFlags)
    {
        byte plcp = (byte)rateNFlags;
        bool cck = (rateNFlags & Cck) != 0;
        foreach (var e in Table)
            if (e.Plcp == plcp && e.Cck == cck) return e.Rate;
        return 0;
    }

    /// <summary>rate_n_flags for a legacy rate on antenna A; false for a rate the table does not have.</summary>
    public static bool TryToRateNFlags(byte rate, out uint rateNFlags)
    {
        foreach (var e in Table)
        {
            if (e.Rate != rate) continue;
            rateNFlags = e.Plcp | (e.Cck ? Cck : 0) | AntennaA;
            return true;
        }
        rateNFlags = 0;
        return false;
    }
}
