using Net80211.RadioDrivers.Air;

namespace RadioDrivers.Tests.Air;

public class AirtimeTests
{
    [Theory]
    // OFDM, 5 GHz: 20 µs preamble+SIGNAL + 4 µs × ceil((22 + 8·L)/N_DBPS)
    [InlineData(108, 1536, 5180, 248)]  // 12310 bits / 216 = 57 symbols
    [InlineData(48, 14, 5180, 28)]      // ACK at 24 Mb/s: 134 / 96 = 2 symbols
    [InlineData(12, 14, 5180, 44)]      // ACK at 6 Mb/s: 134 / 24 = 6 symbols
    [InlineData(12, 1536, 5180, 2072)]  // 12310 / 24 = 513 symbols
    // ERP-OFDM, 2.4 GHz: + 6 µs signal extension
    [InlineData(108, 1536, 2412, 254)]
    // DSSS/CCK long preamble: 192 µs + ceil(8·L / Mb/s)
    [InlineData(22, 1536, 2412, 1310)]  // 12288 / 11 = 1117.1 → 1118
    [InlineData(22, 14, 2412, 203)]     // 112 / 11 = 10.2 → 11
    [InlineData(2, 14, 2412, 304)]
    [InlineData(11, 100, 2412, 338)]    // 800 / 5.5 = 145.5 → 146
    public void Durations_match_the_standard_formulas(byte rate, int bytes, int freq, int expectedUs)
        => Assert.Equal(expectedUs, Airtime.Microseconds(rate, bytes, freq));

    [Fact]
    public void Short_preamble_saves_96_us_except_at_1_Mbps()
    {
        Assert.Equal(Airtime.Microseconds(22, 500, 2412) - 96, Airtime.Microseconds(22, 500, 2412, shortPreamble: true));
        Assert.Equal(Airtime.Microseconds(2, 500, 2412), Airtime.Microseconds(2, 500, 2412, shortPreamble: true));
        Assert.Equal(Airtime.Microseconds(108, 500, 5180), Airtime.Microseconds(108, 500, 5180, shortPreamble: true));
    }

    [Theory]
    [InlineData(108, 48)] [InlineData(96, 48)] [InlineData(72, 48)] [InlineData(48, 48)]
    [InlineData(36, 24)] [InlineData(24, 24)] [InlineData(18, 12)] [InlineData(12, 12)]
    [InlineData(22, 22)] [InlineData(11, 11)] [InlineData(4, 4)] [InlineData(2, 2)]
    public void Control_response_rate_is_highest_mandatory_rate_not_above_data_rate(byte data, byte ack)
        => Assert.Equal(ack, Airtime.ControlResponseRate(data));

    [Fact]
    public void Dcf_timing_per_band()
    {
        var a = DcfTiming.For(5180, false);
        Assert.Equal((9, 16, 34, 15, 1023), (a.SlotMicroseconds, a.SifsMicroseconds, a.DifsMicroseconds, a.CwMin, a.CwMax));
        var b = DcfTiming.For(2437, false);
        Assert.Equal((20, 10, 50, 31), (b.SlotMicroseconds, b.SifsMicroseconds, b.DifsMicroseconds, b.CwMin));
        var g = DcfTiming.For(2437, true);
        Assert.Equal((9, 10, 28, 15), (g.SlotMicroseconds, g.SifsMicroseconds, g.DifsMicroseconds, g.CwMin));
    }

    [Fact]
    public void Unknown_rate_is_rejected()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Airtime.Microseconds(13, 100, 5180));

    [Fact]
    public void Path_loss_is_free_space_at_one_metre_and_log_distance_beyond()
    {
        // FSPL(1 m, 2412 MHz) = 20·log10(2412) − 27.55 ≈ 40.1 dB
        Assert.Equal(40.1, PathLoss.LogDistanceDb(1, 2412, 3), 1);
        Assert.Equal(PathLoss.LogDistanceDb(1, 5180, 3) + 30, PathLoss.LogDistanceDb(10, 5180, 3), 9);
        Assert.Equal(PathLoss.FreeSpaceDb(100, 5180), PathLoss.LogDistanceDb(100, 5180, 2), 9);
    }
}
