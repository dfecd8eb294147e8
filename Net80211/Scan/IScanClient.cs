using Net80211.Channels;

namespace Net80211.Scan;

/// <summary>The side of a scan the opmode that started it provides. Called on the radio's queue.</summary>
public interface IScanClient
{
    /// <summary>The engine is on <paramref name="channel"/> and wants a probe request for
    /// <paramref name="ssid"/> (empty: the wildcard SSID) sent now; the opmode builds and sends it
    /// (ieee80211_send_probereq).</summary>
    void SendProbeRequest(Ieee80211Channel channel, ReadOnlySpan<byte> ssid);

    /// <summary>The scan (or, for a repeating scan, one sweep) ended. The driver has been told
    /// (<c>ScanEnd</c>); the radio is still on the last channel scanned. The client may pick a BSS here and
    /// set <see cref="ScanCompletion.KeepChannel"/>, start another scan, or do nothing.</summary>
    void ScanCompleted(ScanCompletion result);
}
