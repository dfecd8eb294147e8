namespace Net80211.RadioDrivers.Air;

/// <summary>Log-distance path loss with a free-space reference at 1 m (Rappaport, Wireless Communications,
/// 2nd ed., eq. 4.68; the same model as ns-3's LogDistancePropagationLossModel).</summary>
public static class PathLoss
{
    /// <summary>20·log10(4π·10⁶ / c): the free-space constant with distance in m and frequency in MHz (≈ −27.55 dB).</summary>
    private static readonly double FreeSpaceConstantDb = 20 * Math.Log10(4 * Math.PI * 1e6 / 299_792_458.0);

    /// <summary>Friis free-space loss: 20·log10(d) + 20·log10(f) − 27.55.</summary>
    public static double FreeSpaceDb(double distanceMetres, int frequencyMhz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequencyMhz);
        return 20 * Math.Log10(Math.Max(distanceMetres, 1e-3)) + 20 * Math.Log10(frequencyMhz) + FreeSpaceConstantDb;
    }

    /// <summary>FSPL(1 m) + 10·n·log10(d / 1 m). Closer than 1 m counts as 1 m (the model's near-field limit).</summary>
    public static double LogDistanceDb(double distanceMetres, int frequencyMhz, double exponent)
        => FreeSpaceDb(1, frequencyMhz) + 10 * exponent * Math.Log10(Math.Max(distanceMetres, 1));
}
