using Net80211.Modules;
using Net80211.Nodes;
using Net80211.Vaps;

namespace Net80211.Vap.RateControl;

/// <summary>The "none" rate control module (ieee80211_ratectl_none.c).</summary>
public sealed class NoneRateControlModule : IRateControlModule
{
    public string Name => NoneRateControl.ModuleName;
    public IRateControl Create(Ieee80211Vap vap) => new NoneRateControl();
}

/// <summary>
/// For devices whose firmware picks the rate (<see cref="Radio.RadioCapabilities.FirmwareRateControl"/>):
/// <see cref="Rate"/> answers 0, "let the device choose". Like FreeBSD's none_node_init it reports the lowest
/// rate as the node's rate until the driver says otherwise; it only records what the driver reports.
/// </summary>
public sealed class NoneRateControl : IRateControl
{
    public const string ModuleName = "none";

    /// <summary>Totals over every node of the VAP.</summary>
    public long TxCount { get; private set; }
    public long TxAcked { get; private set; }
    public long TxRetries { get; private set; }

    public void NodeInit(Ieee80211Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        node.TxRate = node.Rates.MinRate;
    }

    public byte Rate(Ieee80211Node node, int frameLength) => 0;

    /// <summary>Records the outcome; the final rate the firmware used becomes the node's reported rate.</summary>
    public void TxComplete(Ieee80211Node node, in RateControlTxStatus status)
    {
        ArgumentNullException.ThrowIfNull(node);
        TxCount++;
        if (status.Success) TxAcked++;
        TxRetries += Math.Max(0, status.Retries);
        if (status.FinalRate != 0) node.TxRate = status.FinalRate;
    }
}
