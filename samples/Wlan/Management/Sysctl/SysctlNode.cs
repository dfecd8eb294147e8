namespace Net80211.Wlan.Management.Sysctl;

public enum SysctlType
{
    Int,
    String,
    Opaque,
}

/// <summary>
/// One OID: its dotted name, type, a read function returning the live value, and for writable integers a
/// write function with the accepted range. Reads and writes run on the radio's queue.
/// </summary>
public sealed record SysctlNode(string Name, SysctlType Type, Func<string> Read, string Description)
{
    /// <summary>Applies a new value (already range-checked); null when the OID is read-only.</summary>
    public Action<long>? Write { get; init; }
    public long Min { get; init; } = long.MinValue;
    public long Max { get; init; } = long.MaxValue;
}
