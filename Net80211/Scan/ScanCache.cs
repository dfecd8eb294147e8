using Net80211.Channels;
using Net80211.Frames;
using Net80211.Radio;
using Net80211.Rates;

namespace Net80211.Scan;

/// <summary>
/// The scan cache (FreeBSD's <c>sta_table</c> in ieee80211_scan_sta.c): every BSS heard in a beacon or
/// probe response, keyed by BSSID, updated in place by later frames and aged out by time. Touched only
/// from the radio's queue, like all radio state.
/// </summary>
/// <remarks>
/// <para>Parsing uses the frame codec and never throws on air input: a frame that does not parse is
/// refused with the codec's <see cref="FrameParseError"/> and the cache is left unchanged.</para>
/// <para>Differences from sta_add: entries are keyed by BSSID rather than transmitter address (an IBSS
/// whose members take turns beaconing is one entry), and the cache is bounded by
/// <see cref="MaxEntries"/>, evicting the entry heard longest ago, so a flood of forged beacons costs a
/// fixed amount of memory.</para>
/// </remarks>
public sealed class ScanCache
{
    public const int DefaultMaxEntries = 256;

    private readonly Dictionary<MacAddress, ScanEntry> _entries = [];
    private readonly TimeProvider _time;
    private readonly Func<int, Ieee80211Channel, Ieee80211Channel?>? _findChannel;
    private ScanEntry[]? _sorted;

    /// <param name="time">The clock entries are stamped with (the radio queue's).</param>
    /// <param name="findChannel">Maps a DS Parameter Set channel number, given the receive channel, to the
    /// radio's channel object; null (or a null answer) keeps the entry's previous channel, else the receive
    /// channel, as sta_add does when ieee80211_find_channel_byieee fails.</param>
    public ScanCache(TimeProvider time, Func<int, Ieee80211Channel, Ieee80211Channel?>? findChannel = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _findChannel = findChannel;
    }

    /// <summary>A cache for one radio: its clock, and DS channels resolved in its active channel list.</summary>
    public ScanCache(Ieee80211Com ic)
        : this((ic ?? throw new ArgumentNullException(nameof(ic))).Time, (ieee, rx) => ScanChannels.FindByIeee(ic.Channels, ieee, rx))
    {
    }

    /// <summary>Most entries kept; adding one more evicts the entry heard longest ago.</summary>
    public int MaxEntries { get; set; } = DefaultMaxEntries;

    public int Count => _entries.Count;

    /// <summary>Frames that created or updated an entry.</summary>
    public long FramesRecorded { get; private set; }
    /// <summary>Frames refused by <see cref="TryRecord"/>.</summary>
    public long FramesRejected { get; private set; }
    /// <summary>Entries dropped to stay within <see cref="MaxEntries"/>.</summary>
    public long Evictions { get; private set; }

    /// <summary>The clock's now, as entries are stamped.</summary>
    public TimeSpan Now => _time.GetElapsedTime(0);

    /// <summary>All entries, sorted by SSID (octet order) then BSSID. A snapshot: later updates to the cache
    /// do not change the list (the entries themselves are live).</summary>
    public IReadOnlyList<ScanEntry> Entries => _sorted ??= Sort();

    public ScanEntry? Find(MacAddress bssid) => _entries.GetValueOrDefault(bssid);

    /// <summary>
    /// Records a Beacon or Probe Response (24-octet header and body, no FCS) heard with the given signal on
    /// <paramref name="rxChannel"/>: creates the BSS's entry or updates it (ieee80211_parse_beacon + sta_add).
    /// </summary>
    /// <returns>False, with <paramref name="error"/> saying why, when the frame is not a well-formed beacon or
    /// probe response: header or body too short, bad elements (the codec's error), another subtype
    /// (<see cref="FrameParseError.UnknownType"/>), a group BSSID (<see cref="FrameParseError.BadValue"/>), or the
    /// SSID or Supported Rates element missing (<see cref="FrameParseError.TooShort"/>: both are mandatory,
    /// IEEE 802.11-2020 Table 9-32, and FreeBSD discards frames without them).</returns>
    public bool TryRecord(ReadOnlySpan<byte> managementFrame, int rssiDbm, int noiseDbm, Ieee80211Channel rxChannel,
        out ScanEntry? entry, out FrameParseError error)
    {
        ArgumentNullException.ThrowIfNull(rxChannel);
        entry = null;
        if (!TryParse(managementFrame, out ManagementFrame frame, out BeaconFrame beacon, out ParsedIes ies, out error))
        {
            FramesRejected++;
            return false;
        }

        MacAddress bssid = frame.Header.Address3;
        bool isProbeResponse = frame.Subtype == ManagementSubtype.ProbeResponse;
        TimeSpan now = Now;
        if (!_entries.TryGetValue(bssid, out ScanEntry? e))
        {
            if (_entries.Count >= Math.Max(1, MaxEntries)) EvictOldest();
            e = new ScanEntry(bssid, now);
            _entries.Add(bssid, e);
        }
        _sorted = null;

        // The channel: the DS Parameter Set names the BSS's own channel; a frame heard elsewhere leaked
        // from a neighbouring 2.4 GHz channel (sta_add's IEEE80211_BPARSE_OFFCHAN case).
        bool offChannel = ies.Has(ParsedElements.DsParameterSet) && ies.DsParameterSet.CurrentChannel != rxChannel.Ieee;
        Ieee80211Channel channel = rxChannel;
        if (offChannel) channel = _findChannel?.Invoke(ies.DsParameterSet.CurrentChannel, rxChannel) ?? e.Channel ?? rxChannel;
        e.Channel = channel;
        e.OffChannel = offChannel;

        // RSSI: only frames heard on the BSS's own channel say what we will see once joined (sta_add uses
        // on-channel data only); a first, off-channel sample is still better than none.
        if (!offChannel || !e.HasRssi)
        {
            e.AddRssi(rssiDbm);
            e.NoiseDbm = noiseDbm;
        }

        // SSID: a hidden network beacons an empty or zeroed SSID; keep what a probe response revealed.
        ReadOnlySpan<byte> ssid = ies.Ssid.Ssid;
        bool hidden = IsHidden(ssid);
        // A BSS beacons the same SSID and, mostly, the same elements ten times a second: copy only what changed.
        if (!hidden && !ssid.SequenceEqual(e.Ssid)) e.Ssid = ssid.ToArray();
        if (!isProbeResponse) e.HiddenSsid = hidden;

        e.TransmitterAddress = frame.Header.Address2;
        e.BeaconIntervalTu = beacon.BeaconInterval;
        e.CapabilityInfo = (ushort)beacon.Capabilities;
        e.Timestamp = beacon.Timestamp;
        e.Rates = MergeRates(ies);
        if (ies.Has(ParsedElements.Tim)) e.DtimPeriod = ies.Tim.DtimPeriod;
        if (!beacon.Elements.SequenceEqual(e.InformationElements))
        {
            e.InformationElements = beacon.Elements.ToArray();
            e.RsnSuites = ies.Has(ParsedElements.Rsn) ? SecuritySuites.FromRsn(ies.Rsn) : null;
            e.WpaSuites = ies.Has(ParsedElements.Wpa) ? SecuritySuites.FromWpa(ies.Wpa) : null;
        }
        e.Security = ScanSecurityRules.Classify((beacon.Capabilities & CapabilityInfo.Privacy) != 0,
            ies.Has(ParsedElements.Wpa), ies.Has(ParsedElements.Rsn));
        e.HasWmm = ies.Has(ParsedElements.WmmParameter) || ies.Has(ParsedElements.WmmInformation);
        e.HasHt = ies.Has(ParsedElements.HtCapabilities);
        if (isProbeResponse) e.ProbeResponseCount++;
        else e.BeaconCount++;
        e.LastSeen = now;

        FramesRecorded++;
        entry = e;
        return true;
    }

    /// <summary>Removes entries not heard for more than <paramref name="maxAge"/> (the VAP's scanvalid);
    /// returns how many went.</summary>
    public int Age(TimeSpan maxAge)
    {
        TimeSpan now = Now;
        List<MacAddress>? stale = null;
        foreach (var (bssid, e) in _entries)
            if (now - e.LastSeen > maxAge) (stale ??= []).Add(bssid);
        if (stale is null) return 0;
        foreach (var bssid in stale) _entries.Remove(bssid);
        _sorted = null;
        return stale.Count;
    }

    /// <summary>Removes one entry; false when it was not there.</summary>
    public bool Remove(MacAddress bssid)
    {
        if (!_entries.Remove(bssid)) return false;
        _sorted = null;
        return true;
    }

    /// <summary>Empties the cache (sta_flush).</summary>
    public void Clear()
    {
        _entries.Clear();
        _sorted = null;
    }

    /// <summary>A join with the BSS failed: count it and have selection skip the BSS for
    /// <paramref name="backoff"/> (sta_add's se_fails / STA_FAILS_AGE, as an explicit deadline). Unknown BSSIDs are ignored.</summary>
    public void MarkFailure(MacAddress bssid, TimeSpan backoff)
    {
        if (!_entries.TryGetValue(bssid, out var e)) return;
        e.FailCount++;
        e.RetryAfter = Now + (backoff < TimeSpan.Zero ? TimeSpan.Zero : backoff);
    }

    /// <summary>A join succeeded: forget the failures.</summary>
    public void ClearFailure(MacAddress bssid)
    {
        if (!_entries.TryGetValue(bssid, out var e)) return;
        e.FailCount = 0;
        e.RetryAfter = null;
    }

    /// <summary>True for the SSIDs hidden networks beacon: empty, or zero octets of the real length.</summary>
    public static bool IsHidden(ReadOnlySpan<byte> ssid) => ssid.IndexOfAnyExcept((byte)0) < 0;

    private static bool TryParse(ReadOnlySpan<byte> raw, out ManagementFrame frame, out BeaconFrame beacon, out ParsedIes ies,
        out FrameParseError error)
    {
        beacon = default;
        ies = default;
        if (!ManagementFrame.TryRead(raw, out frame, out error)) return false;
        if (frame.Subtype is not (ManagementSubtype.Beacon or ManagementSubtype.ProbeResponse))
        {
            error = FrameParseError.UnknownType;
            return false;
        }
        if (frame.Header.Address3.IsGroup)
        {
            error = FrameParseError.BadValue;
            return false;
        }
        if (!BeaconFrame.TryRead(frame.Body, out beacon, out error)) return false;
        if (!ParsedIes.TryParse(beacon.Elements, out ies, out error)) return false;
        if (!ies.Has(ParsedElements.Ssid | ParsedElements.SupportedRates))
        {
            error = FrameParseError.TooShort;
            return false;
        }
        return true;
    }

    private static RateSet MergeRates(in ParsedIes ies)
    {
        // RateSet holds 15 rates (IEEE80211_RATE_MAXSIZE); anything beyond is dropped, as FreeBSD truncates.
        var rates = RateSet.From(ies.SupportedRates.Rates);
        if (ies.Has(ParsedElements.ExtendedSupportedRates))
            foreach (byte r in ies.ExtendedSupportedRates.Rates) rates.TryAdd(r);
        return rates;
    }

    private void EvictOldest()
    {
        ScanEntry? oldest = null;
        foreach (var e in _entries.Values)
            if (oldest is null || e.LastSeen < oldest.LastSeen || (e.LastSeen == oldest.LastSeen && e.Bssid < oldest.Bssid)) oldest = e;
        if (oldest is null) return;
        _entries.Remove(oldest.Bssid);
        Evictions++;
    }

    private ScanEntry[] Sort()
    {
        var list = _entries.Values.ToArray();
        Array.Sort(list, static (a, b) =>
        {
            int c = a.Ssid.AsSpan().SequenceCompareTo(b.Ssid);
            return c != 0 ? c : a.Bssid.CompareTo(b.Bssid);
        });
        return list;
    }
}
