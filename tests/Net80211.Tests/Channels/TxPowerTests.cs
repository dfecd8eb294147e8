using Net80211.Channels;

namespace Net80211.Tests.Channels;

public class TxPowerTests
{
    [Fact]
    public void RequestIsCappedByTheLowerOfDeviceAndRegulatoryLimits()
    {
        var c = new Ieee80211Channel(5180, 36, ChannelFlags.A, maxRegTxPowerDbm: 23, maxTxPowerHalfDbm: 40, minTxPowerHalfDbm: 2);
        Assert.Equal(40, TxPower.MaxHalfDbm(c));
        Assert.Equal(40, TxPower.ClampHalfDbm(c, 60));
        Assert.Equal(30, TxPower.ClampHalfDbm(c, 30));
        Assert.Equal(2, TxPower.ClampHalfDbm(c, 0));
        Assert.Equal(20, TxPower.ClampDbm(c, 30));

        var regOnly = new Ieee80211Channel(5180, 36, ChannelFlags.A, maxRegTxPowerDbm: 17);
        Assert.Equal(34, TxPower.ClampHalfDbm(regOnly, 100));
        Assert.Equal(17, TxPower.ClampDbm(regOnly, int.MaxValue));
    }

    [Fact]
    public void AppliedDomainLimitsReachTheClamp()
    {
        var de = RegDomains.Etsi.Apply(ChannelTestData.DualBandCaps());
        var c1 = de.FindByIeee(1, ChannelFlags.G)!;
        Assert.Equal(20, TxPower.ClampDbm(c1, 30));
        var c100 = de.FindByIeee(100, ChannelFlags.A)!;
        Assert.Equal(30, TxPower.ClampDbm(c100, 36));
        Assert.Equal(27, TxPower.ClampDbm(c100, 27));
    }

    [Fact]
    public void NoLimitsLeaveTheRequestAlone()
        => Assert.Equal(44, TxPower.ClampHalfDbm(new Ieee80211Channel(2412, 1, ChannelFlags.B), 44));
}
