using Net80211.Radio;
using Net80211.Vaps;

namespace Net80211.RadioDrivers;

/// <summary>Rate choices the drivers share.</summary>
internal static class DriverRates
{
    private static readonly TxParameterTable Defaults = new();

    /// <summary>The management rate for the current channel's PHY mode: the VAP's mgtrate, or net80211's
    /// default (the lowest basic rate) when there is no VAP.</summary>
    public static byte ManagementRate(Ieee80211Com ic, Ieee80211Vap? vap)
    {
        var mode = TxParameterTable.ModeFor(ic.CurrentChannel);
        return (vap?.TxParams ?? Defaults)[mode].ManagementRate;
    }
}
