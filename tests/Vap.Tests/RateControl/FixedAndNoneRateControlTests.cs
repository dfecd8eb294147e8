using Net80211.Modules;
using Net80211.Rates;
using Net80211.Vap.RateControl;
using Net80211.Vaps;

namespace Vap.Tests.RateControl;

public class FixedAndNoneRateControlTests
{
    [Fact]
    public void Fixed_uses_ucastrate_of_the_current_mode()
    {
        var w = new RateControlWorld(new FixedRateControlModule());
        // The test radio starts on 2 GHz channel 1 (OFDM): the 11g parameters apply.
        Assert.Equal(PhyMode.Mode11g, TxParameterTable.ModeFor(w.Node.Channel));
        Assert.Equal(108, w.RateControl.Rate(w.Node, 1500));      // none set: the highest negotiated rate
        w.Vap.TxParams[PhyMode.Mode11g].UnicastRate = 22;
        Assert.Equal(22, w.RateControl.Rate(w.Node, 1500));
        Assert.Equal(22, w.Node.TxRate);
        w.Vap.TxParams[PhyMode.Mode11a].UnicastRate = 12;          // another mode's setting does not matter
        Assert.Equal(22, w.RateControl.Rate(w.Node, 1500));
        // Status changes nothing.
        for (int i = 0; i < 100; i++) w.RateControl.TxComplete(w.Node, new RateControlTxStatus(false, 6, 22, 1500));
        w.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(22, w.RateControl.Rate(w.Node, 1500));
        w.Vap.TxParams[PhyMode.Mode11g].UnicastRate = TxParameters.FixedRateNone;
        Assert.Equal(108, w.RateControl.Rate(w.Node, 1500));
    }

    [Fact]
    public void Fixed_without_rates_answers_zero()
    {
        var w = new RateControlWorld(new FixedRateControlModule(), new RateSet());
        Assert.Equal(0, w.RateControl.Rate(w.Node, 1500));
    }

    [Fact]
    public void None_lets_the_device_choose_and_only_records()
    {
        var w = new RateControlWorld(new NoneRateControlModule());
        var none = (NoneRateControl)w.RateControl;
        Assert.Equal(2, w.Node.TxRate);                 // none_node_init: the lowest rate
        Assert.Equal(0, w.RateControl.Rate(w.Node, 1500));
        w.RateControl.TxComplete(w.Node, new RateControlTxStatus(true, 2, 96, 1500));
        w.RateControl.TxComplete(w.Node, new RateControlTxStatus(false, 6, 0, 1500));
        Assert.Equal(0, w.RateControl.Rate(w.Node, 1500));
        Assert.Equal(2, none.TxCount);
        Assert.Equal(1, none.TxAcked);
        Assert.Equal(8, none.TxRetries);
        Assert.Equal(96, w.Node.TxRate);                // what the firmware reported
    }

    [Fact]
    public void Module_names()
    {
        Assert.Equal("amrr", new AmrrRateControlModule().Name);
        Assert.Equal("fixed", new FixedRateControlModule().Name);
        Assert.Equal("none", new NoneRateControlModule().Name);
        Assert.IsAssignableFrom<IRateControlModule>(new NoneRateControlModule());
    }
}
