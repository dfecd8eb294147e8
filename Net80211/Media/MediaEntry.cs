namespace Net80211.Media;

/// <summary>One supported media word of an interface (struct ifmedia_entry), one line of <c>ifconfig -m</c>.</summary>
public readonly record struct MediaEntry(MediaWord Word)
{
    /// <summary>"media OFDM/54Mbps mode 11a mediaopt hostap".</summary>
    public override string ToString() => Word.ToIfconfigString();
}
