using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Net80211.Channels;

/// <summary>The country table (FreeBSD's regdomain.xml country-codes): lookup by ISO code, numeric
/// code or name, all case-insensitive; an unknown country is a false return, never an exception.</summary>
public static class Countries
{
    /// <summary>Numeric code FreeBSD uses for the debug entry (CTRY_DEBUG).</summary>
    public const int DebugNumeric = 0x1ff;

    /// <summary>Every country, sorted by name, with the world and debug entries last.</summary>
    public static IReadOnlyList<Country> All { get; } =
    [
        new("AU", 36, "Australia", RegDomains.Apac),
        new("AT", 40, "Austria", RegDomains.Etsi),
        new("BE", 56, "Belgium", RegDomains.Etsi),
        new("BR", 76, "Brazil", RegDomains.Fcc),
        new("CA", 124, "Canada", RegDomains.Fcc),
        new("CN", 156, "China", RegDomains.Apac),
        new("DK", 208, "Denmark", RegDomains.Etsi),
        new("FI", 246, "Finland", RegDomains.Etsi),
        new("FR", 250, "France", RegDomains.Etsi),
        new("DE", 276, "Germany", RegDomains.Etsi),
        new("IN", 356, "India", RegDomains.Apac),
        new("IE", 372, "Ireland", RegDomains.Etsi),
        new("IT", 380, "Italy", RegDomains.Etsi),
        new("JP", 392, "Japan", RegDomains.Japan),
        new("KR", 410, "Korea Republic", RegDomains.Korea),
        new("MX", 484, "Mexico", RegDomains.Fcc),
        new("NL", 528, "Netherlands", RegDomains.Etsi),
        new("NZ", 554, "New Zealand", RegDomains.Apac),
        new("NO", 578, "Norway", RegDomains.Etsi),
        new("PL", 616, "Poland", RegDomains.Etsi),
        new("PT", 620, "Portugal", RegDomains.Etsi),
        new("ES", 724, "Spain", RegDomains.Etsi),
        new("SE", 752, "Sweden", RegDomains.Etsi),
        new("CH", 756, "Switzerland", RegDomains.Etsi),
        new("GB", 826, "United Kingdom", RegDomains.Etsi),
        new("US", 840, "United States", RegDomains.Fcc),
        new("00", 0, "World", RegDomains.World),
        new("DEBUG", DebugNumeric, "Debug", RegDomains.Debug),
    ];

    private static readonly FrozenDictionary<string, Country> ByCode =
        All.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenDictionary<string, Country> ByName =
        All.ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenDictionary<int, Country> ByNumeric = All.ToFrozenDictionary(c => c.Numeric);

    public static bool TryGetByCode(string? code, [NotNullWhen(true)] out Country? country)
    {
        country = null;
        return code is not null && ByCode.TryGetValue(code.Trim(), out country);
    }

    public static bool TryGetByName(string? name, [NotNullWhen(true)] out Country? country)
    {
        country = null;
        return name is not null && ByName.TryGetValue(name.Trim(), out country);
    }

    public static bool TryGetByNumeric(int numeric, [NotNullWhen(true)] out Country? country)
        => ByNumeric.TryGetValue(numeric, out country);

    /// <summary>What <c>ifconfig wlan0 country X</c> accepts: an ISO code, a country name, or the
    /// ISO numeric code in decimal or 0x-prefixed hex.</summary>
    public static bool TryGet(string? codeNameOrNumber, [NotNullWhen(true)] out Country? country)
    {
        if (TryGetByCode(codeNameOrNumber, out country) || TryGetByName(codeNameOrNumber, out country)) return true;
        return RegDomains.TryParseNumber(codeNameOrNumber, out int numeric) && TryGetByNumeric(numeric, out country);
    }

    /// <summary>The text of <c>ifconfig wlan0 list countries</c>: codes and names four to a line,
    /// then the regulatory domain names.</summary>
    public static string FormatListing()
    {
        var sb = new StringBuilder();
        sb.Append("\nCountry codes:\n");
        for (int i = 0; i < All.Count; i++)
        {
            string name = All[i].Name.Length > 15 ? All[i].Name[..15] : All[i].Name;
            sb.Append(All[i].Code.PadLeft(2)).Append(' ').Append(name.PadRight(15));
            sb.Append((i + 1) % 4 == 0 ? '\n' : ' ');
        }
        sb.Append("\nRegulatory domains:\n");
        for (int i = 0; i < RegDomains.All.Count; i++)
        {
            string name = RegDomains.All[i].Name;
            sb.Append((name.Length > 15 ? name[..15] : name).PadRight(15));
            sb.Append((i + 1) % 4 == 0 ? '\n' : ' ');
        }
        sb.Append('\n');
        return sb.ToString();
    }
}
