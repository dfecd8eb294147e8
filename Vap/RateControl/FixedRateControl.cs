using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Vaps;

namespace Net80211.Vap.RateControl;

/// <summary>The "fixed" rate control module.</summary>
public sealed class FixedRateControlModule : IRateControlModule
{
    public string Name => FixedRateControl.ModuleName;
    public IRateControl Create(Ieee80211Vap vap) => new FixedRateControl(vap);
}

/// <summary>
/// A static rate: <c>ifconfig wlanN ucastrate R</c> for the current PHY mode when set (the fixed-rate path of
/// ieee80211_output), otherwise the highest rate the node negotiated. Transmit status is ignored.
/// </summary>
public sealed class FixedRateControl : IRateControl
{
    public const string ModuleName = "fixed";

    private readonly Ieee80211Vap _vap;

    public FixedRateControl(Ieee80211Vap vap)
    {
        ArgumentNullException.ThrowIfNull(vap);
        _vap = vap;
    }

    public void NodeInit(Ieee80211Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        node.TxRate = Choose(node);
    }

    public byte Rate(Ieee80211Node node, int frameLength)
    {
        ArgumentNullException.ThrowIfNull(node);
        byte rate = Choose(node);
        node.TxRate = rate;
        return rate;
    }

    public void TxComplete(Ieee80211Node node, in RateControlTxStatus status) { }

    private byte Choose(Ieee80211Node node)
    {
        PhyMode mode = TxParameterTable.ModeFor(node.Channel ?? _vap.Ic.CurrentChannel);
        byte fixedRate = _vap.TxParams[mode].UnicastRate;
        return fixedRate != TxParameters.FixedRateNone ? fixedRate : node.Rates.MaxRate;
    }
}
