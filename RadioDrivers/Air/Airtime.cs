namespace Net80211.RadioDrivers.Air;

/// <summary>
/// PPDU durations of the legacy PHYs. Rates are in 500 kb/s units, lengths are PSDU bytes including
/// the 4-byte FCS.
/// </summary>
public static class Airtime
{
    /// <summary>An ACK MPDU: frame control, duration, RA and FCS (IEEE 802.11-2020 9.3.1.4).</summary>
    public const int AckBytes = 14;

    /// <summary>DSSS (1, 2 Mb/s, Clause 15) or HR/DSSS CCK (5.5, 11 Mb/s, Clause 16).</summary>
    public static bool IsDsss(byte rate) => rate is 2 or 4 or 11 or 22;

    /// <summary>OFDM (Clause 17) or ERP-OFDM (Clause 18): 6 to 54 Mb/s.</summary>
    public static bool IsOfdm(byte rate) => rate is 12 or 18 or 24 or 36 or 48 or 72 or 96 or 108;

    public static bool IsSupported(byte rate) => IsDsss(rate) || IsOfdm(rate);

    /// <summary>Frequencies below 3 GHz are the 2.4 GHz band (ERP rules), the rest 5/6 GHz (Clause 17 rules).</summary>
    public static bool Is2Ghz(int frequencyMhz) => frequencyMhz < 3000;

    /// <summary>Data bits per OFDM symbol (IEEE 802.11-2020 Table 17-4): 4 µs × rate, i.e. twice the rate code.</summary>
    public static int OfdmBitsPerSymbol(byte rate) => IsOfdm(rate) ? 2 * rate : throw new ArgumentOutOfRangeException(nameof(rate));

    /// <summary>Duration in µs of a PPDU carrying <paramref name="bytes"/> PSDU bytes.</summary>
    public static int Microseconds(byte rate, int bytes, int frequencyMhz, bool shortPreamble = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (IsOfdm(rate))
        {
            // IEEE 802.11-2020 Clause 17 TXTIME with Table 17-21 timing: TXTIME = T_PREAMBLE (16) + T_SIGNAL (4)
            // + 4 µs × ceil((16 service + 8·length + 6 tail) / N_DBPS).
            int ndbps = 2 * rate;
            int symbols = (16 + 8 * bytes + 6 + ndbps - 1) / ndbps;
            int us = 20 + 4 * symbols;
            // Clause 18: ERP-OFDM at 2.4 GHz is followed by a 6 µs signal extension.
            if (Is2Ghz(frequencyMhz)) us += 6;
            return us;
        }
        if (IsDsss(rate))
        {
            // Clause 16 (HR/DSSS PPDU formats): long PLCP preamble+header 144+48 µs at 1 Mb/s; short 72 µs at 1 Mb/s
            // + 24 µs header at 2 Mb/s. 1 Mb/s cannot use the short preamble.
            int plcp = shortPreamble && rate != 2 ? 96 : 192;
            // payload: 8·length bits at rate/2 Mb/s, rounded up to a whole µs.
            int payload = (16 * bytes + rate - 1) / rate;
            return plcp + payload;
        }
        throw new ArgumentOutOfRangeException(nameof(rate), rate, "not a legacy 802.11 rate");
    }

    /// <summary>Duration in 100 ns scheduler ticks.</summary>
    public static long Ticks(byte rate, int bytes, int frequencyMhz, bool shortPreamble = false)
        => Microseconds(rate, bytes, frequencyMhz, shortPreamble) * 10L;

    /// <summary>
    /// Rate of a control response (ACK) to a frame sent at <paramref name="dataRate"/>: the highest
    /// mandatory rate of the same modulation class not above it (IEEE 802.11-2020 10.6, rate selection for control response frames).
    /// OFDM mandatory rates are 6, 12, 24 Mb/s; all four DSSS/CCK rates are treated as basic.
    /// </summary>
    public static byte ControlResponseRate(byte dataRate)
    {
        if (IsOfdm(dataRate)) return dataRate >= 48 ? (byte)48 : dataRate >= 24 ? (byte)24 : (byte)12;
        if (IsDsss(dataRate)) return dataRate;
        throw new ArgumentOutOfRangeException(nameof(dataRate), dataRate, "not a legacy 802.11 rate");
    }

    /// <summary>Duration in µs of the ACK that answers a frame sent at <paramref name="dataRate"/>.</summary>
    public static int AckMicroseconds(byte dataRate, int frequencyMhz, bool shortPreamble = false)
        => Microseconds(ControlResponseRate(dataRate), AckBytes, frequencyMhz, shortPreamble);
}
