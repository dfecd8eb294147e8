using System.Text.Json;
using System.Text.Json.Serialization;

namespace Net80211.Wlan.Management.Host;

/// <summary>A radio the user manages (ifconfig wlandev), position in metres: driver "hwsim" (bands as letters in
/// <see cref="Bands"/>, "abg": 11a, 11b, 11g) or "iwx" (an emulated Intel card, <see cref="Model"/> "ax200" or
/// "ax210", whose NVM decides the bands).</summary>
public sealed record RadioDescription(string Name, string Driver = "hwsim", double X = 0, double Y = 0, string Bands = "abg", string? Model = null);

/// <summary>A simulated access point in the world: security "open" or "wpa2" (with a passphrase).</summary>
public sealed record AccessPointDescription(string Ssid, int Channel, string Security = "open", string? Passphrase = null,
    double X = 0, double Y = 0);

/// <summary>A simulated station in the world that joins <see cref="Ssid"/>.</summary>
public sealed record StationDescription(string Ssid, string Security = "open", string? Passphrase = null, double X = 0, double Y = 0);

/// <summary>What a <see cref="WlanHost"/> builds: the user's radios and the simulated peers around them.</summary>
public sealed record WorldDescription
{
    public const string DefaultPassphrase = "correct horse battery staple";

    public ulong Seed { get; init; } = 1;
    public IReadOnlyList<RadioDescription> Radios { get; init; } = [];
    public IReadOnlyList<AccessPointDescription> AccessPoints { get; init; } = [];
    public IReadOnlyList<StationDescription> Stations { get; init; } = [];
    /// <summary>The daemon's IP configuration hook (see <c>--ip-hook</c>, which overrides it); null: none.</summary>
    public string? IpHook { get; init; }

    /// <summary>Radios hwsim0 and iwx0 (an AX200 on the iwx driver) for the user; an open AP on channel 1 and a
    /// WPA2 AP on channel 36 nearby.</summary>
    public static WorldDescription Default { get; } = new()
    {
        Radios = [new RadioDescription("hwsim0"), new RadioDescription("iwx0", "iwx", X: 1, Model: "ax200")],
        AccessPoints =
        [
            new AccessPointDescription("net80211-open", 1, "open", null, 10, 0),
            new AccessPointDescription("net80211-wpa2", 36, "wpa2", DefaultPassphrase, 0, 12),
        ],
    };

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Parses and validates; false with a one-line reason for malformed JSON or bad values.</summary>
    public static bool TryParse(string json, out WorldDescription? world, out string? error)
    {
        world = null;
        try
        {
            world = JsonSerializer.Deserialize<WorldDescription>(json, Options);
        }
        catch (JsonException ex)
        {
            error = $"invalid world description: {ex.Message}";
            return false;
        }
        if (world is null)
        {
            error = "invalid world description: empty document";
            return false;
        }
        error = world.Validate();
        if (error is null) return true;
        world = null;
        return false;
    }

    public static bool TryLoad(string path, out WorldDescription? world, out string? error)
    {
        world = null;
        string json;
        try { json = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"{path}: {ex.Message}";
            return false;
        }
        if (TryParse(json, out world, out error)) return true;
        error = $"{path}: {error}";
        return false;
    }

    /// <summary>Null when usable, else what is wrong.</summary>
    public string? Validate()
    {
        if (Radios is null || Radios.Count == 0) return "world description: at least one radio is needed";
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Radios)
        {
            if (r is null || string.IsNullOrWhiteSpace(r.Name)) return "world description: a radio has no name";
            if (!names.Add(r.Name)) return $"world description: radio {r.Name} is listed twice";
            if (r.Driver is not ("hwsim" or "iwx")) return $"world description: radio {r.Name}: unknown driver '{r.Driver}' (hwsim or iwx)";
            if (r.Driver == "hwsim" && WlanHost.ParseBands(r.Bands) == 0) return $"world description: radio {r.Name}: bands '{r.Bands}' (use letters a, b, g)";
            if (r.Driver == "iwx" && r.Model is not (null or "ax200" or "ax210")) return $"world description: radio {r.Name}: model '{r.Model}' (ax200 or ax210)";
        }
        foreach (var ap in AccessPoints ?? [])
        {
            if (ap is null || string.IsNullOrEmpty(ap.Ssid) || ap.Ssid.Length > 32) return "world description: an access point needs an SSID of 1..32 characters";
            if (ap.Security is not ("open" or "wpa2")) return $"world description: access point {ap.Ssid}: security '{ap.Security}' (open or wpa2)";
            if (ap.Security == "wpa2" && ap.Passphrase is not { Length: >= 8 and <= 63 }) return $"world description: access point {ap.Ssid}: a WPA2 passphrase of 8..63 characters is needed";
        }
        foreach (var sta in Stations ?? [])
        {
            if (sta is null || string.IsNullOrEmpty(sta.Ssid)) return "world description: a station needs an SSID";
            if (sta.Security is not ("open" or "wpa2")) return $"world description: station for {sta.Ssid}: security '{sta.Security}' (open or wpa2)";
        }
        return null;
    }
}
