using Net80211.Frames;

namespace Net80211.Scan;

/// <summary>
/// Chooses the BSS to join from scan entries: match_bss's checks, then the best candidate
/// (sta_pick_bss / select_bss in ieee80211_scan_sta.c).
/// </summary>
/// <remarks>
/// The ranking is simpler than sta_compare's (privacy preference, failure counts, rate and band
/// preference within 5 dB): the strongest smoothed RSSI wins, ties going to the lower channel
/// frequency and then the lower BSSID, so the same cache always gives the same choice.
/// </remarks>
public static class BssSelector
{
    /// <summary>The best entry that passes <paramref name="criteria"/> at <paramref name="now"/>, or null;
    /// every other entry that failed a check is listed in <paramref name="rejected"/> with all its reasons,
    /// in input order.</summary>
    public static ScanEntry? Select(IEnumerable<ScanEntry> entries, in BssCriteria criteria, TimeSpan now,
        out IReadOnlyList<(ScanEntry Entry, BssRejection Why)> rejected)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var refused = new List<(ScanEntry, BssRejection)>();
        ScanEntry? best = null;
        foreach (var entry in entries)
        {
            if (entry is null) continue;
            var why = Check(entry, criteria, now);
            if (why != BssRejection.None) refused.Add((entry, why));
            else if (best is null || Compare(entry, best) < 0) best = entry;
        }
        rejected = refused;
        return best;
    }

    /// <summary>match_bss: every reason <paramref name="entry"/> cannot be joined under <paramref name="criteria"/>.</summary>
    public static BssRejection Check(ScanEntry entry, in BssCriteria criteria, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var why = BssRejection.None;
        var caps = entry.Capabilities;

        if (criteria.Ssid is { Length: > 0 } ssid)
        {
            if (!entry.SsidKnown || !ssid.AsSpan().SequenceEqual(entry.Ssid)) why |= BssRejection.Ssid;
        }
        else if (!entry.SsidKnown)
        {
            why |= BssRejection.Hidden;
        }

        if (!criteria.DesiredBssid.IsZero && criteria.DesiredBssid != entry.Bssid) why |= BssRejection.Bssid;
        if (criteria.DesiredChannel is { } chan && chan.FrequencyMhz != entry.Channel.FrequencyMhz) why |= BssRejection.Channel;

        // IEEE 802.11-2020 9.4.1.4: ESS set by APs, IBSS by IBSS members; never both.
        var wanted = criteria.IbssMode ? CapabilityInfo.Ibss : CapabilityInfo.Ess;
        if ((caps & wanted) == 0) why |= BssRejection.Capability;

        bool privacy = (caps & CapabilityInfo.Privacy) != 0;
        if (privacy != criteria.Privacy) why |= BssRejection.Privacy;
        if (criteria.RequiredSecurity != ScanSecurity.Open && (entry.Security & criteria.RequiredSecurity) == 0)
            why |= BssRejection.Security;

        // check_rate: every basic rate of the BSS must be ours (802.11-2020 11.1.4.3), and one rate shared.
        var ours = criteria.OurRates;
        if (!entry.Rates.BasicRatesSupportedBy(ours) || entry.Rates.Intersect(ours).Count == 0) why |= BssRejection.Rates;

        if (entry.RetryAfter is { } retry && now < retry) why |= BssRejection.Failed;
        return why;
    }

    /// <summary>Orders candidates best first: stronger RSSI, then lower channel frequency, then lower BSSID.</summary>
    public static int Compare(ScanEntry a, ScanEntry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int c = b.RssiDbm.CompareTo(a.RssiDbm);
        if (c != 0) return c;
        c = a.Channel.FrequencyMhz.CompareTo(b.Channel.FrequencyMhz);
        return c != 0 ? c : a.Bssid.CompareTo(b.Bssid);
    }
}
