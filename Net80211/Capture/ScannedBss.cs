using Net80211.Frames;
using Net80211.Scan;

namespace Net80211.Capture;

/// <summary>One BSS as a capture shows it: what its beacons and probe responses advertise, how often
/// it was heard, and the traffic seen for it.</summary>
public sealed class ScannedBss
{
    private byte[] _ssid = [];

    internal ScannedBss(MacAddress bssid) => Bssid = bssid;

    public MacAddress Bssid { get; }

    /// <summary>The SSID octets (not necessarily UTF-8). A hidden SSID (empty or all zeros) is replaced
    /// when a later frame names the network.</summary>
    public ReadOnlySpan<byte> Ssid => _ssid;

    /// <summary>From the DS Parameter Set when a frame carried one, else from the radio header; 0 = unknown.</summary>
    public int Channel { get; private set; }

    /// <summary>The channel came from a DS Parameter Set element.</summary>
    public bool ChannelFromDsParameterSet { get; private set; }

    public CapabilityInfo Capabilities { get; private set; }
    /// <summary>Beacon interval in TU.</summary>
    public ushort BeaconInterval { get; private set; }
    /// <summary>Highest advertised rate in 500 kb/s units; 0 = none seen.</summary>
    public int MaxRate { get; private set; }
    public BssSecurity Security { get; private set; }

    public long Beacons { get; private set; }
    public long ProbeResponses { get; private set; }
    /// <summary>Data frames whose BSSID is this BSS.</summary>
    public long DataFrames { get; internal set; }
    /// <summary>Unprotected data frames carrying EAPOL (EtherType 0x888E).</summary>
    public long EapolFrames { get; internal set; }

    /// <summary>Strongest signal of its beacons and probe responses, when the capture gave dBm.</summary>
    public int? BestSignalDbm { get; private set; }
    /// <summary>Noise reported with <see cref="BestSignalDbm"/>.</summary>
    public int? NoiseDbm { get; private set; }

    /// <summary>Heard in a beacon or probe response (a BSSID seen only in data frames is not listed).</summary>
    public bool IsAdvertised => Beacons + ProbeResponses > 0;

    public bool IsHidden => ScanCache.IsHidden(_ssid);

    internal void AddAdvertisement(bool beacon, in BeaconFrame body, ReadOnlySpan<byte> ssid, int dsChannel, int maxRate,
        in CapturedFrame radio)
    {
        if (beacon) Beacons++;
        else ProbeResponses++;
        Capabilities = body.Capabilities;
        BeaconInterval = body.BeaconInterval;
        Security = Security.Union(BssSecurity.FromBeacon(body.Capabilities, body.Elements));
        if (maxRate > MaxRate) MaxRate = maxRate;

        // Allocates only when the SSID is first learnt (or a hidden one is revealed).
        if ((_ssid.Length == 0 && !ssid.IsEmpty) || (ScanCache.IsHidden(_ssid) && !ScanCache.IsHidden(ssid)))
        {
            _ssid = ssid.ToArray();
        }

        if (dsChannel > 0)
        {
            Channel = dsChannel;
            ChannelFromDsParameterSet = true;
        }
        else if (!ChannelFromDsParameterSet && radio.Channel > 0)
        {
            Channel = radio.Channel;
        }

        if (radio.SignalDbm is int signal && (BestSignalDbm is not int best || signal > best))
        {
            BestSignalDbm = signal;
            NoiseDbm = radio.NoiseDbm;
        }
    }
}
