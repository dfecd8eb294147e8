using System.Runtime.CompilerServices;

namespace Net80211.Crypto.Ccmp;

/// <summary>
/// Per-TID replay counters (IEEE 802.11-2020 12.5.3.4.4): one per TID 0..15 and one, index 16, for non-QoS
/// Data and Management frames, as net80211's wk_keyrsc[IEEE80211_TID_SIZE]. Kept inline in the key.
/// </summary>
[InlineArray(Count)]
internal struct ReceiveCounters
{
    public const int Count = 17;
    public const int NonQosIndex = 16;

    private ulong _element0;

    /// <summary>A TID 0..15 as itself; anything else (−1 for none, 16) as the non-QoS counter.</summary>
    public static int Index(int tid) => (uint)tid < NonQosIndex ? tid : NonQosIndex;
}
