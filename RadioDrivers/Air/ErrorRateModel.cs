namespace Net80211.RadioDrivers.Air;

/// <summary>
/// Packet error rate from SINR, rate and length, after ns-3's error rate models:
/// <list type="bullet">
/// <item>OFDM 6–54 Mb/s: <c>NistErrorRateModel</c> (Pei &amp; Henderson, "Validation of OFDM error rate model
/// in ns-3", 2010): uncoded BER of the constellation, then the union bound on the first-event error
/// probability of the punctured rate-1/2 K=7 convolutional code with hard-decision Viterbi decoding
/// (the distance spectra ns-3 tabulates).</item>
/// <item>DSSS 1/2 Mb/s: DBPSK (Proakis 5.2-69) and DQPSK (Ferrari &amp; Corazza 2004, eq. 8);
/// CCK 5.5/11 Mb/s: the symbol error probability of Pursley &amp; Royster (IEEE Trans. Commun. 2009,
/// eqs. 17–18), i.e. ns-3's <c>DsssErrorRateModel</c> with its GSL integral, evaluated here by quadrature.</item>
/// </list>
/// SINR is the ratio of signal power to noise plus interference power over the 20/22 MHz channel, as in ns-3.
/// </summary>
public static class ErrorRateModel
{
    /// <summary>
    /// Probability that a PPDU carrying <paramref name="bytes"/> PSDU bytes (FCS included) at
    /// <paramref name="rate"/> (500 kb/s units) is lost at <paramref name="sinrDb"/>. Both the PLCP header
    /// (OFDM SIGNAL: 24 bits at 6 Mb/s; DSSS PLCP header: 48 bits at 1 Mb/s) and the payload
    /// (OFDM: 16 service + 8·bytes + 6 tail bits; DSSS: 8·bytes bits) must be decoded.
    /// </summary>
    public static double PacketErrorRate(byte rate, double sinrDb, int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        double snr = Math.Pow(10, sinrDb / 10);
        double success;
        if (Airtime.IsOfdm(rate))
            success = ChunkSuccessRate(12, snr, 24) * ChunkSuccessRate(rate, snr, 16 + 8L * bytes + 6);
        else if (Airtime.IsDsss(rate))
            success = ChunkSuccessRate(2, snr, 48) * ChunkSuccessRate(rate, snr, 8L * bytes);
        else
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "not a legacy 802.11 rate");
        return Math.Clamp(1 - success, 0, 1);
    }

    /// <summary>Probability that <paramref name="bits"/> bits sent at <paramref name="rate"/> are all decoded at
    /// linear SINR <paramref name="snr"/> (ns-3's GetChunkSuccessRate).</summary>
    public static double ChunkSuccessRate(byte rate, double snr, long bits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bits);
        if (bits == 0) return 1;
        if (double.IsNaN(snr) || snr < 0) snr = 0;
        switch (rate)
        {
            // OFDM: (constellation, code rate) per IEEE 802.11-2020 Table 17-4.
            case 12: return FecSuccess(BpskBer(snr), 1, bits);
            case 18: return FecSuccess(BpskBer(snr), 3, bits);
            case 24: return FecSuccess(QpskBer(snr), 1, bits);
            case 36: return FecSuccess(QpskBer(snr), 3, bits);
            case 48: return FecSuccess(QamBer(16, snr), 1, bits);
            case 72: return FecSuccess(QamBer(16, snr), 3, bits);
            case 96: return FecSuccess(QamBer(64, snr), 2, bits);
            case 108: return FecSuccess(QamBer(64, snr), 3, bits);
            // DSSS/CCK: 11 Mchip/s spreading gain over the 1 (or 1.375 for CCK) Msymbol/s rate.
            case 2:
                {
                    double ebn0 = snr * 22.0 / 1.0;           // 1 bit/symbol, 1 Msym/s
                    return PowSuccess(Math.Min(0.5, 0.5 * Math.Exp(-ebn0)), bits);
                }
            case 4:
                {
                    double ebn0 = snr * 22.0 / 1.0 / 2.0;     // 2 bits/symbol, 1 Msym/s
                    return PowSuccess(DqpskBer(ebn0), bits);
                }
            case 11:
                {
                    // 4 bits per CCK symbol at 1.375 Msym/s: SEP of the 16-ary CCK set at 4·Eb/N0/2.
                    double ebn0 = snr * 22.0 / 1.375 / 4.0;
                    return PowSuccess(Cck16SymbolError(4.0 * ebn0 / 2.0), bits / 4.0);
                }
            case 22:
                {
                    // 8 bits per symbol: the 256-ary set as two independent 16-ary decisions.
                    double ebn0 = snr * 22.0 / 1.375 / 8.0;
                    double half = Cck16SymbolError(8.0 * ebn0 / 2.0 / 2.0);
                    double sep = 1 - (1 - half) * (1 - half);
                    return PowSuccess(sep, bits / 8.0);
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(rate), rate, "not a legacy 802.11 rate");
        }
    }

    // --- uncoded bit error rates (Gray-coded, AWGN) ---

    private static double BpskBer(double snr) => 0.5 * Erfc(Math.Sqrt(snr));

    private static double QpskBer(double snr) => 0.5 * Erfc(Math.Sqrt(snr / 2.0));

    /// <summary>Square M-QAM: (√M − 1)/(√M·log2 √M) · erfc(√(snr / (2(M−1)/3))), with ns-3's integer
    /// division in 2(M−1)/3 (10 for 16-QAM, 42 for 64-QAM).</summary>
    private static double QamBer(int m, double snr)
    {
        int sqrtM = m == 16 ? 4 : 8;
        double z = Math.Sqrt(snr / (2 * (m - 1) / 3));
        return (sqrtM - 1.0) / (sqrtM * Math.Log2(sqrtM)) * Erfc(z);
    }

    /// <summary>DQPSK BER approximation (Ferrari &amp; Corazza, eq. 8).</summary>
    private static double DqpskBer(double ebn0)
    {
        if (ebn0 <= 0) return 0.5;
        double ber = (Math.Sqrt(2.0) + 1.0) / Math.Sqrt(8.0 * Math.PI * Math.Sqrt(2.0))
            * (1.0 / Math.Sqrt(ebn0)) * Math.Exp(-(2.0 - Math.Sqrt(2.0)) * ebn0);
        return Math.Min(0.5, ber);
    }

    // --- convolutional code (hard-decision Viterbi, union bound) ---

    // Information-weight spectra c_d of the K=7 (133, 171) code and its punctured versions, from the free
    // distance up (static arrays: a span over constant data costs an allocation on unoptimised JIT tiers).
    private static readonly double[] HalfRateSpectrum = [36, 211, 1404, 11633, 77433, 502690, 3322763, 21292910, 134365911];
    private static readonly double[] TwoThirdsSpectrum = [3, 70, 285, 1276, 6160, 27128, 117019, 498860, 2103891, 8784123];
    private static readonly double[] ThreeQuartersSpectrum = [42, 201, 1492, 10469, 62935, 379644, 2253373, 13073811, 75152755, 428005675];

    /// <summary>
    /// Bit error bound after decoding: P_b ≤ (1/k)·Σ_d c_d·P_d with the Chernoff bound P_d ≈ D^d,
    /// D = √(4p(1−p)), k the puncturing period. bValue 1 = rate 1/2, 2 = 2/3, 3 = 3/4.
    /// </summary>
    private static double CodedBitError(double p, int bValue)
    {
        double d = Math.Sqrt(4.0 * p * (1.0 - p));
        double pe;
        switch (bValue)
        {
            case 1: // free distance 10: c_d for d = 10, 12, ..., 26
                {
                    double d2 = d * d, x = Math.Pow(d, 10), sum = 0;
                    foreach (double ci in HalfRateSpectrum) { sum += ci * x; x *= d2; }
                    pe = 0.5 * sum;
                    break;
                }
            case 2: // rate 2/3, free distance 6: d = 6..15
                {
                    double x = Math.Pow(d, 6), sum = 0;
                    foreach (double ci in TwoThirdsSpectrum) { sum += ci * x; x *= d; }
                    pe = sum / (2.0 * bValue);
                    break;
                }
            case 3: // rate 3/4, free distance 5: d = 5..14
                {
                    double x = Math.Pow(d, 5), sum = 0;
                    foreach (double ci in ThreeQuartersSpectrum) { sum += ci * x; x *= d; }
                    pe = sum / (2.0 * bValue);
                    break;
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(bValue));
        }
        return Math.Min(pe, 1.0);
    }

    private static double FecSuccess(double ber, int bValue, long bits)
    {
        if (ber == 0.0) return 1.0;
        return PowSuccess(CodedBitError(ber, bValue), bits);
    }

    /// <summary>(1 − p)^n computed through log(1 − p) so that tiny p over many bits keeps its precision.</summary>
    private static double PowSuccess(double p, double n)
    {
        if (p <= 0) return 1;
        if (p >= 1) return 0;
        double log1m = p < 1e-5 ? -p * (1 + p * (0.5 + p / 3.0)) : Math.Log(1 - p);
        return Math.Exp(n * log1m);
    }

    // --- CCK symbol error (Pursley & Royster) ---

    /// <summary>
    /// Symbol error probability of the 16-ary CCK set (8 bi-orthogonal pairs) at symbol SNR e:
    /// 1 − ∫_{−β}^{∞} [2Φ(x+β) − 1]^{7} φ(x) dx with β = √(2e), rewritten as
    /// Φ(−β) + ∫_{−β}^{∞} (1 − [1 − erfc((x+β)/√2)]^7) φ(x) dx so that small errors keep their precision;
    /// composite Simpson rule over the span where φ matters.
    /// </summary>
    internal static double Cck16SymbolError(double e)
    {
        if (e <= 0) return 1 - 1.0 / 16;
        // The quadrature costs ~10 µs; links with a fixed SNR ask for the same value frame after frame.
        if (t_cckValid && e == t_cckE) return t_cckSep;
        double sep = Cck16SymbolErrorUncached(e);
        t_cckE = e;
        t_cckSep = sep;
        t_cckValid = true;
        return sep;
    }

    [ThreadStatic] private static bool t_cckValid;
    [ThreadStatic] private static double t_cckE;
    [ThreadStatic] private static double t_cckSep;

    private static double Cck16SymbolErrorUncached(double e)
    {
        double beta = Math.Sqrt(2 * e);
        const int N = 400;
        double a = Math.Max(-beta, -12.0), b = 12.0;
        double h = (b - a) / N;
        double sum = CckIntegrand(a, beta) + CckIntegrand(b, beta);
        for (int i = 1; i < N; i++)
            sum += (i % 2 == 1 ? 4 : 2) * CckIntegrand(a + i * h, beta);
        double sep = 0.5 * Erfc(beta / Math.Sqrt(2)) + sum * h / 3;
        return Math.Clamp(sep, 0, 1);
    }

    private static double CckIntegrand(double x, double beta)
    {
        double e = Erfc((x + beta) / Math.Sqrt(2));
        // 1 − (1 − e)^7 expanded so no cancellation happens for small e.
        double notAll = e * (7 + e * (-21 + e * (35 + e * (-35 + e * (21 + e * (-7 + e))))));
        return notAll * Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
    }

    /// <summary>Complementary error function with fractional error below 1.2·10⁻⁷ everywhere
    /// (Chebyshev fit of Press et al., Numerical Recipes 2nd ed., §6.2), so tails stay accurate.</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
