using Net80211.Scan;

namespace Net80211.Vap.Common;

internal static class ScanEngineExtensions
{
    /// <summary>True while the radio's scan runs on behalf of <paramref name="client"/> (another VAP's scan
    /// must not be cancelled by this one's state change).</summary>
    public static bool IsScanningFor(this ScanEngine engine, IScanClient client) => engine.IsScanning && ReferenceEquals(engine.Client, client);
}
