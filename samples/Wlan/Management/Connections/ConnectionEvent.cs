using Net80211.Events;

namespace Net80211.Wlan.Management.Connections;

/// <summary>What a profile connection did: <c>connecting</c>, <c>connected</c>, <c>reconnecting</c>,
/// <c>disconnected</c>. Raised on the radio like the stack's own events, so the live stream carries it.</summary>
public sealed record ConnectionEvent(TimeSpan Time, string Radio, string Vap, string Kind, string Profile, string Detail)
    : StackEvent(Time, Radio, Vap)
{
    public override string Describe() => Detail.Length == 0 ? $"{Vap}: {Kind} (profile {Profile})" : $"{Vap}: {Kind} (profile {Profile}): {Detail}";
}
