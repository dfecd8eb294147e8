using Net80211.RadioDrivers.Iwx.Hardware;

namespace RadioDrivers.Tests.Iwx.Device;

public sealed class RateNFlagsTests
{
    [Theory]
    [InlineData(2, 10, true)]
    [InlineData(4, 20, true)]
    [InlineData(11, 55, true)]
    [InlineData(22, 110, true)]
    [InlineData(12, 0x0d, false)]
    [InlineData(18, 0x0f, false)]
    [InlineData(24, 0x05, false)]
    [InlineData(36, 0x07, false)]
    [InlineData(48, 0x09, false)]
    [InlineData(72, 0x0b, false)]
    [InlineData(96, 0x01, false)]
    [InlineData(108, 0x03, false)]
    public void LegacyRateTable(byte rate, byte plcp, bool cck)
    {
        Assert.True(RateNFlags.TryFromRate(rate, out var r));
        Assert.Equal(plcp, r.Plcp);
        Assert.Equal(cck, r.IsCck);
        Assert.Equal(RateNFlags.AntennaA, r.AntennaMask);
        Assert.Equal(1u << 14, r.Value & RateNFlags.AntennaMaskBits);
        Assert.Equal(rate, new RateNFlags(r.Value).Rate);
    }

    [Fact]
    public void UnknownRatesAndCodes()
    {
        Assert.False(RateNFlags.TryFromRate(13, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => RateNFlags.FromRate(0));
        Assert.Equal(0, new RateNFlags(0x0a).Rate);                       // 0x0a without the CCK bit is no OFDM code
        Assert.Equal(2, new RateNFlags(10 | RateNFlags.CckFlag).Rate);
        Assert.Equal(3, RateNFlags.FromRate(108, RateNFlags.AntennaA | RateNFlags.AntennaB).AntennaMask);
    }
}
