using Net80211.Scan;

namespace Net80211.Radio;

// The radio's scan engine and scan cache (ic_scan): one per radio, shared by its VAPs.
public sealed partial class Ieee80211Com
{
    private ScanEngine? _scanner;

    public ScanEngine Scanner => _scanner ??= new ScanEngine(this);

    /// <summary>Every BSS the radio has heard beacons or probe responses from.</summary>
    public ScanCache ScanCache => Scanner.Cache;
}
