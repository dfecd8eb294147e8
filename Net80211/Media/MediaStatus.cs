namespace Net80211.Media;

/// <summary>What SIOCGIFMEDIA reports (struct ifmediareq): whether the status is valid and the link active,
/// the current (selected, or active when running) and the active media words, and ifconfig's status word.</summary>
public readonly record struct MediaStatus(bool IsValid, bool IsActive, MediaWord Current, MediaWord Active, string StatusText)
{
    /// <summary>"media: IEEE 802.11 Wireless Ethernet OFDM/54Mbps mode 11a &lt;hostap&gt;", with the active word in
    /// parentheses when it differs from the current one, as ifconfig prints it.</summary>
    public string MediaLine => Active == Current
        ? $"media: {MediaWord.TypeName} {Current}"
        : $"media: {MediaWord.TypeName} {Current} ({Active})";

    /// <summary>"status: associated" (a station in RUN), "status: running" (other modes in RUN), "status: no carrier".</summary>
    public string StatusLine => "status: " + StatusText;
}
