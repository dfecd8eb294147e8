using Net80211.Frames;

namespace Net80211.Crypto.Decrypt;

/// <summary>Whether a BSS's beacons or probe responses named the SSID being decrypted.</summary>
internal enum SsidMatch
{
    /// <summary>No beacon or probe response with a visible SSID seen (yet).</summary>
    Unknown,
    Match,
    /// <summary>It advertises another SSID: its frames are left alone.</summary>
    Other,
}

/// <summary>One BSS of the capture: what it advertises, its stations, its group keys and its counts.</summary>
internal sealed class BssState(MacAddress bssid)
{
    /// <summary>Key IDs 0..3 (12.5.2.2, 12.5.3.2).</summary>
    private const int KeyIds = 4;

    private readonly Dictionary<MacAddress, StationState> _stations = [];
    private readonly TemporalKey?[] _groupKeys = new TemporalKey?[KeyIds];

    public MacAddress Bssid { get; } = bssid;
    public SsidMatch Match { get; set; }
    /// <summary>SSID octets from the first beacon or probe response naming one.</summary>
    public byte[]? Ssid { get; set; }
    /// <summary>The first RSN element advertised, header included.</summary>
    public byte[]? RsnElement { get; set; }
    /// <summary>The first WPA element advertised, header included.</summary>
    public byte[]? WpaElement { get; set; }
    public bool Privacy { get; set; }
    public bool Advertised { get; set; }

    public DecryptCounters Counters { get; } = new();

    public IEnumerable<StationState> Stations => _stations.Values;
    public int StationCount => _stations.Count;

    public StationState Station(MacAddress address)
    {
        if (!_stations.TryGetValue(address, out StationState? station))
        {
            station = new StationState(address);
            _stations.Add(address, station);
        }
        return station;
    }

    public TemporalKey? GroupKey(int keyId) => (uint)keyId < KeyIds ? _groupKeys[keyId] : null;

    public void SetGroupKey(int keyId, TemporalKey key)
    {
        if ((uint)keyId < KeyIds) _groupKeys[keyId] = key;
    }

    /// <summary>The advertised element of <paramref name="protocol"/>, if any.</summary>
    public byte[]? Element(Rsn.RsnProtocol protocol) => protocol == Rsn.RsnProtocol.Wpa ? WpaElement : RsnElement;

    /// <summary>"WPA2(CCMP/PSK)" style, from the advertised elements; "not advertised" without a beacon or probe response.</summary>
    public string Security
    {
        get
        {
            if (!Advertised) return "not advertised";
            var elements = new List<byte>();
            if (RsnElement is not null) elements.AddRange(RsnElement);
            if (WpaElement is not null) elements.AddRange(WpaElement);
            return Capture.BssSecurity.FromBeacon(Privacy ? CapabilityInfo.Privacy : CapabilityInfo.None, elements.ToArray()).ToString();
        }
    }
}
