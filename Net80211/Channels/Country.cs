namespace Net80211.Channels;

/// <summary>A country as ifconfig knows it: ISO 3166-1 alpha-2 code (or a special code for the
/// world and debug entries), ISO 3166-1 numeric code, name, and the regulatory domain that
/// applies there.</summary>
public sealed record Country(string Code, int Numeric, string Name, RegDomain Domain)
{
    public override string ToString() => $"{Code} {Name}";
}
