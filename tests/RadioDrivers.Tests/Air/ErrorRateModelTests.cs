using Net80211.RadioDrivers.Air;

namespace RadioDrivers.Tests.Air;

/// <summary>Checks against the spot values of ns-3's src/wifi/test/wifi-error-rate-models-test.cc.</summary>
public class ErrorRateModelTests
{
    private static double Linear(double db) => Math.Pow(10, db / 10);

    [Theory]
    // rate (500 kb/s), SNR dB, ns-3 chunk success for 2000 bytes, tolerance
    [InlineData(12, 2.5, 2.04e-10, 1e-10)]
    [InlineData(12, 3.0, 0.020, 0.001)]
    [InlineData(12, 4.0, 0.885, 0.001)]
    [InlineData(12, 5.0, 0.997, 0.001)]
    [InlineData(18, 6.0, 0.097, 0.001)]
    [InlineData(18, 7.0, 0.918, 0.001)]
    [InlineData(24, 6.0, 0.0174, 0.001)]
    [InlineData(24, 7.0, 0.881, 0.001)]
    [InlineData(36, 8.5, 2.85e-6, 1e-6)]
    [InlineData(36, 9.5, 0.623, 0.001)]
    [InlineData(36, 10.5, 0.985, 0.001)]
    [InlineData(48, 12.0, 2.22e-7, 1e-7)]
    [InlineData(48, 13.0, 0.495, 0.001)]
    [InlineData(48, 14.0, 0.974, 0.001)]
    [InlineData(72, 15.5, 0.012, 0.001)]
    [InlineData(72, 16.5, 0.818, 0.001)]
    [InlineData(72, 17.5, 0.993, 0.001)]
    [InlineData(96, 20.0, 1.3e-4, 1e-4)]
    [InlineData(96, 21.0, 0.649, 0.001)]
    [InlineData(96, 22.0, 0.983, 0.001)]
    [InlineData(108, 21.0, 5.44e-8, 1e-8)]
    [InlineData(108, 22.0, 0.410, 0.001)]
    [InlineData(108, 23.0, 0.958, 0.001)]
    [InlineData(108, 24.0, 0.999, 0.001)]
    public void Ofdm_matches_ns3_nist_model(byte rate, double snrDb, double expected, double tolerance)
        => Assert.InRange(ErrorRateModel.ChunkSuccessRate(rate, Linear(snrDb), 2000 * 8), expected - tolerance, expected + tolerance);

    [Theory]
    // rate, received power dBm (ns-3 noise: −100.55 dBm thermal in 22 MHz + 7 dB figure), success for 8624 bits
    [InlineData(2, -99.0, 0.0003, 0.0001)]
    [InlineData(2, -98.0, 0.202, 0.005)]
    [InlineData(2, -97.0, 0.813, 0.005)]
    [InlineData(2, -96.0, 0.984, 0.005)]
    [InlineData(4, -95.0, 4.5e-6, 1e-6)]
    [InlineData(4, -94.0, 0.036, 0.005)]
    [InlineData(4, -93.0, 0.519, 0.005)]
    [InlineData(4, -92.0, 0.915, 0.005)]
    [InlineData(11, -92.0, 0.0001, 0.00005)]
    [InlineData(11, -91.0, 0.132, 0.005)]
    [InlineData(11, -90.0, 0.744, 0.005)]
    [InlineData(11, -89.0, 0.974, 0.005)]
    [InlineData(11, -88.0, 0.999, 0.001)]
    [InlineData(22, -89.0, 8.85e-5, 1e-5)]
    [InlineData(22, -88.0, 0.128, 0.005)]
    [InlineData(22, -87.0, 0.739, 0.005)]
    [InlineData(22, -86.0, 0.973, 0.005)]
    [InlineData(22, -85.0, 0.999, 0.001)]
    public void Dsss_matches_ns3_dsss_model(byte rate, double rssDbm, double expected, double tolerance)
    {
        double snr = Linear(rssDbm - (-100.5522786 + 7));
        Assert.InRange(ErrorRateModel.ChunkSuccessRate(rate, snr, (1024 + 40 + 14) * 8), expected - tolerance, expected + tolerance);
    }

    public static TheoryData<byte> Rates => [2, 4, 11, 22, 12, 18, 24, 36, 48, 72, 96, 108];

    [Theory]
    [MemberData(nameof(Rates))]
    public void Per_is_monotonic_in_snr_and_length_and_spans_zero_to_one(byte rate)
    {
        double previous = 1.0;
        for (double snr = -10; snr <= 40; snr += 0.25)
        {
            double per = ErrorRateModel.PacketErrorRate(rate, snr, 1000);
            Assert.InRange(per, 0, 1);
            Assert.True(per <= previous + 1e-12, $"rate {rate}: PER rose from {previous} to {per} at {snr} dB");
            previous = per;
            double shorter = ErrorRateModel.PacketErrorRate(rate, snr, 100);
            double longer = ErrorRateModel.PacketErrorRate(rate, snr, 2000);
            Assert.True(shorter <= per + 1e-12 && per <= longer + 1e-12, $"rate {rate} at {snr} dB: not monotonic in length");
        }
        Assert.True(ErrorRateModel.PacketErrorRate(rate, -10, 1000) > 0.999);
        Assert.True(ErrorRateModel.PacketErrorRate(rate, 40, 1000) < 1e-6);
    }

    [Fact]
    public void Faster_ofdm_rates_need_more_snr()
    {
        byte[] ofdm = [12, 18, 24, 36, 48, 72, 96, 108];
        double previousWaterfall = double.NegativeInfinity;
        foreach (byte rate in ofdm)
        {
            double snr = -10;
            while (ErrorRateModel.PacketErrorRate(rate, snr, 1536) > 0.5) snr += 0.05;
            Assert.True(snr > previousWaterfall, $"rate {rate}: waterfall at {snr} dB not above {previousWaterfall}");
            previousWaterfall = snr;
        }
    }
}
