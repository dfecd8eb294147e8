namespace Net80211.Vaps;

/// <summary>
/// MAC address access control for a host AP (FreeBSD's ieee80211_acl module): <c>ifconfig mac:open</c>,
/// <c>mac:allow</c>, <c>mac:deny</c>, <c>mac:add</c>, <c>mac:del</c>, <c>mac:flush</c>.
/// </summary>
public sealed class MacAcl
{
    private readonly SortedSet<MacAddress> _entries = [];

    public AclPolicy Policy { get; set; } = AclPolicy.Open;
    public IReadOnlyCollection<MacAddress> Entries => _entries;

    public bool Add(MacAddress address) => _entries.Add(address);
    public bool Remove(MacAddress address) => _entries.Remove(address);
    public void Flush() => _entries.Clear();

    /// <summary>Whether a station may authenticate.</summary>
    public bool Allows(MacAddress address) => Policy switch
    {
        AclPolicy.Allow => _entries.Contains(address),
        AclPolicy.Deny => !_entries.Contains(address),
        _ => true,
    };
}

public enum AclPolicy
{
    /// <summary>Everyone may authenticate (mac:open).</summary>
    Open,
    /// <summary>Only listed addresses (mac:allow).</summary>
    Allow,
    /// <summary>Everyone but listed addresses (mac:deny).</summary>
    Deny,
}
