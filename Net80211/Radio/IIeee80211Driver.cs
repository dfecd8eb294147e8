using Net80211.Channels;
using Net80211.Nodes;
using Net80211.Packets;
using Net80211.Vaps;

namespace Net80211.Radio;

/// <summary>
/// What a driver gives its radio: the <c>ic_*</c> methods a converted NetBSD/FreeBSD driver sets in its
/// attach routine. Members with a body are optional; their bodies are the defaults net80211 installs.
/// Every callback runs on the radio's work queue.
/// </summary>
/// <remarks>
/// Packet ownership: a packet passed to <see cref="Transmit"/> or <see cref="RawXmit"/> belongs to the
/// driver, which must hand it back through <see cref="Ieee80211Com.TxComplete"/> exactly once — after the
/// hardware reports it, or at once with an error status when it cannot be queued.
/// </remarks>
public interface IIeee80211Driver
{
    /// <summary>Driver name as it appears in <c>sysctl net.wlan.devices</c> and dmesg ("hwsim", "iwx").</summary>
    string DriverName { get; }

    /// <summary>ic_transmit: send an encapsulated 802.11 data frame; <see cref="Packet.Node"/> is its node.</summary>
    void Transmit(Ieee80211Com ic, Packet frame);

    /// <summary>ic_raw_xmit: send a management (or raw) frame to <paramref name="node"/>, optionally with
    /// caller-chosen parameters.</summary>
    void RawXmit(Ieee80211Node node, Packet frame, RawTxParams? parameters);

    /// <summary>ic_parent: the number of running VAPs changed (see <see cref="Ieee80211Com.NRunning"/>):
    /// power the device up for the first, down after the last.</summary>
    void Parent(Ieee80211Com ic);

    /// <summary>ic_vap_create: allocate the driver's VAP (usually a type derived from <see cref="Ieee80211Vap"/>),
    /// call <see cref="Ieee80211Vap.Setup"/>, install overrides, then <see cref="Ieee80211Vap.Attach"/>.
    /// Return null to refuse (mode unsupported, out of hardware contexts).</summary>
    Ieee80211Vap? VapCreate(Ieee80211Com ic, in VapCreateParams parameters);

    /// <summary>ic_vap_delete: release the driver's per-VAP state and detach the VAP.</summary>
    void VapDelete(Ieee80211Vap vap) => vap.Detach();

    /// <summary>ic_getradiocaps: write at most <paramref name="maxChannels"/> supported channels into
    /// <paramref name="channels"/> and report how many in <paramref name="channelCount"/>.</summary>
    void GetRadioCaps(Ieee80211Com ic, int maxChannels, out int channelCount, Span<Ieee80211Channel> channels);

    /// <summary>ic_set_channel: tune to <see cref="Ieee80211Com.CurrentChannel"/>.</summary>
    void SetChannel(Ieee80211Com ic);

    /// <summary>ic_scan_start: prepare for a scan (e.g. stop beacon filtering).</summary>
    void ScanStart(Ieee80211Com ic) { }

    /// <summary>ic_scan_end.</summary>
    void ScanEnd(Ieee80211Com ic) { }

    /// <summary>ic_newassoc: a node (re)associated; <paramref name="isNew"/> when it was not associated before.</summary>
    void NewAssoc(Ieee80211Node node, bool isNew) { }

    /// <summary>ic_update_mcast: the multicast filter changed.</summary>
    void UpdateMcast(Ieee80211Com ic) { }

    /// <summary>ic_update_promisc: promiscuous mode changed (<see cref="Ieee80211Com.Promiscuous"/>).</summary>
    void UpdatePromisc(Ieee80211Com ic) { }

    /// <summary>ic_wme.wme_update: WMM parameters changed. Returns 0 or an errno.</summary>
    int WmeUpdate(Ieee80211Com ic) => 0;

    /// <summary>iv_key_set: a key was installed. A driver that does this cipher in hardware
    /// (<see cref="Ieee80211Com.CryptoCaps"/>) loads it and returns true; the stack then leaves the frames of
    /// that key to the hardware. The default (software crypto) returns false.</summary>
    bool KeySet(Vaps.Ieee80211Vap vap, Ieee80211Node? node, Security.ICipherKey key) => false;

    /// <summary>iv_key_delete: a key was removed.</summary>
    void KeyDelete(Vaps.Ieee80211Vap vap, Ieee80211Node? node, Security.ICipherKey key) { }

    /// <summary>ic_updateslot: short/long slot time changed.</summary>
    void UpdateSlot(Ieee80211Com ic) { }
}

/// <summary>The arguments of ic_vap_create.</summary>
public readonly record struct VapCreateParams(
    string Name,
    int Unit,
    OpMode Mode,
    VapCreateFlags Flags,
    MacAddress Bssid,
    MacAddress MacAddress);

/// <summary>IEEE80211_CLONE_* flags of <c>ifconfig create</c>.</summary>
[Flags]
public enum VapCreateFlags
{
    None = 0,
    /// <summary>Use the given BSSID (wlanbssid).</summary>
    Bssid = 1 << 0,
    /// <summary>Do not use the radio's address; allocate a unique one (bssid).</summary>
    UniqueBssid = 1 << 1,
    /// <summary>Use the given MAC address (wlanaddr).</summary>
    MacAddress = 1 << 2,
    /// <summary>Do not beacon (-beacons, WDS legacy).</summary>
    NoBeacons = 1 << 3,
}
