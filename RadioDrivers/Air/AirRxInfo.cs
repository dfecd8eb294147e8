namespace Net80211.RadioDrivers.Air;

/// <summary>Reception metadata handed with a decoded frame: what radiotap would carry.</summary>
public readonly struct AirRxInfo
{
    public int FrequencyMhz { get; init; }
    /// <summary>Rate of the frame, 500 kb/s units.</summary>
    public byte Rate { get; init; }
    /// <summary>Received signal power (including any fading draw), dBm.</summary>
    public double SignalDbm { get; init; }
    /// <summary>The receiver's noise floor, dBm.</summary>
    public double NoiseDbm { get; init; }
    /// <summary>Signal to interference-plus-noise ratio the frame was decoded at, dB.</summary>
    public double SnrDb { get; init; }
    public bool ShortPreamble { get; init; }
    /// <summary>Virtual time the first bit of the PPDU arrived (mactime), 100 ns ticks.</summary>
    public long StartTicks { get; init; }
    /// <summary>Virtual time the last bit arrived, 100 ns ticks.</summary>
    public long EndTicks { get; init; }
}
