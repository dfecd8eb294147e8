namespace Net80211.RadioDrivers.Air;

/// <summary>Radio environment of a <see cref="Medium"/>. Fixed once the medium is built.</summary>
public sealed class MediumOptions
{
    /// <summary>Receiver noise floor (thermal noise in 20 MHz ≈ −101 dBm plus a ~10 dB noise figure).</summary>
    public double NoiseFloorDbm { get; init; } = -91;

    /// <summary>Clear channel assessment: a transmission received at or above this power makes the medium
    /// busy (IEEE 802.11-2020 Clause 17 CCA requirements: −82 dBm for a 20 MHz OFDM PPDU).</summary>
    public double CcaThresholdDbm { get; init; } = -82;

    /// <summary>Below this power a receiver does not even detect the preamble: no reception attempt
    /// (ns-3's WifiPhy RxSensitivity default). Low enough that 1 Mb/s DBPSK, which decodes a few dB below
    /// the noise floor thanks to its 11-chip spreading, keeps its whole waterfall.</summary>
    public double RxSensitivityDbm { get; init; } = -101;

    /// <summary>Log-distance exponent n: loss = FSPL(1 m) + 10·n·log10(d). 2 = free space, ~3 indoor.</summary>
    public double PathLossExponent { get; init; } = 3.0;

    /// <summary>Standard deviation of a Gaussian (log-normal in mW) term in dB added to the signal of each
    /// attempt at each receiver. 0 = no fading.</summary>
    public double FadingSigmaDb { get; init; }

    /// <summary>2.4 GHz ERP short slot (9 µs) and CWmin 15, as in an ERP-only BSS; otherwise 20 µs and 31.</summary>
    public bool ShortSlot2Ghz { get; init; }

    /// <summary>Name of the random stream taken from the scheduler; per-port backoff streams derive from it.</summary>
    public string RandomStream { get; init; } = "air";
}
