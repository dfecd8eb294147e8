using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Net80211.Crypto.Rsn;

namespace Net80211.Wlan.Daemon;

public enum ProfileSecurity { Open, Wpa2Passphrase, Wpa2Psk }

/// <summary>A saved network. <see cref="Secret"/> is the passphrase (8–63 characters) or the PSK (64 hex
/// digits); null for open networks.</summary>
public sealed record Profile(string Name, string Ssid, ProfileSecurity Security, string? Secret)
{
    /// <summary>Why the profile is unusable, or null.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 64 || Name.Any(char.IsControl))
            return "a profile name is 1 to 64 printable characters";
        int ssidBytes = Encoding.UTF8.GetByteCount(Ssid);
        if (ssidBytes is < 1 or > 32)
            return "an SSID is 1 to 32 bytes";
        return Security switch
        {
            ProfileSecurity.Open when Secret is not null => "an open network has no key",
            ProfileSecurity.Wpa2Passphrase when !Psk.IsValidPassphrase(Secret, out _)
                => "a WPA2 passphrase is 8 to 63 printable ASCII characters",
            ProfileSecurity.Wpa2Psk when !Psk.TryParseHex(Secret, out _)
                => "a PSK is 64 hexadecimal digits",
            _ => null,
        };
    }

    /// <summary>The engine command that joins this network on <paramref name="iface"/> and keeps it joined:
    /// <c>connect wlan0 NAME ssid X [wpakey Y]</c>. A PSK goes as its 64 hex digits, which no passphrase (at
    /// most 63) can be.</summary>
    public IReadOnlyList<string> ConnectCommand(string iface) => Security == ProfileSecurity.Open
        ? ["connect", iface, Name, "ssid", Ssid]
        : ["connect", iface, Name, "ssid", Ssid, "wpakey", Secret!];

    /// <summary>Ends the profile connection (no more reconnecting) and takes the interface down.</summary>
    public static IReadOnlyList<string> DisconnectCommand(string iface) => ["disconnect", iface];

    internal string SecurityName => Security switch
    {
        ProfileSecurity.Open => "open",
        ProfileSecurity.Wpa2Passphrase => "wpa2",
        _ => "psk",
    };
}

/// <summary>The profile file is unreadable or invalid.</summary>
public sealed class ProfileStoreException(string message) : Exception(message);

/// <summary>
/// The saved profiles: one JSON file, readable and writable by its owner only (0600, in a 0700 directory),
/// replaced atomically on every change.
/// <code>{"version":1,"profiles":[{"name":"home","ssid":"Home","security":"wpa2","passphrase":"..."}]}</code>
/// </summary>
public sealed class ProfileStore(string path)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    public string Path { get; } = path;

    /// <summary>The profiles, in the order added; none when the file does not exist yet.</summary>
    public IReadOnlyList<Profile> Load()
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(Path)) return [];
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(Path) & ~OwnerOnlyFile) != 0)
                File.SetUnixFileMode(Path, OwnerOnlyFile); // it holds passphrases: tighten a loosened file
            bytes = File.ReadAllBytes(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProfileStoreException($"cannot read {Path}: {e.Message}");
        }
        try
        {
            using JsonDocument doc = JsonDocument.Parse(bytes);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("profiles", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
                throw new ProfileStoreException($"{Path}: expected {{\"version\":1,\"profiles\":[...]}}");
            var profiles = new List<Profile>();
            foreach (JsonElement p in list.EnumerateArray())
            {
                string security = Get(p, "security") ?? "open";
                var profile = new Profile(Get(p, "name") ?? "", Get(p, "ssid") ?? "", security switch
                {
                    "open" => ProfileSecurity.Open,
                    "wpa2" => ProfileSecurity.Wpa2Passphrase,
                    "psk" => ProfileSecurity.Wpa2Psk,
                    _ => throw new ProfileStoreException($"{Path}: unknown security '{security}'"),
                }, Get(p, "passphrase") ?? Get(p, "psk"));
                if (profile.Validate() is { } why)
                    throw new ProfileStoreException($"{Path}: profile '{profile.Name}': {why}");
                profiles.Add(profile);
            }
            return profiles;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new ProfileStoreException($"{Path}: not a profile file: {e.Message}");
        }
    }

    public void Save(IReadOnlyList<Profile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteStartArray("profiles");
            foreach (Profile p in profiles)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteString("ssid", p.Ssid);
                w.WriteString("security", p.SecurityName);
                if (p.Security == ProfileSecurity.Wpa2Passphrase) w.WriteString("passphrase", p.Secret);
                if (p.Security == ProfileSecurity.Wpa2Psk) w.WriteString("psk", p.Secret);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);

        try
        {
            string dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
            if (!Directory.Exists(dir))
            {
                if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
                else Directory.CreateDirectory(dir, OwnerOnlyDirectory);
            }
            // Write a private temporary file, then rename it over the old one: never a half-written or loose file.
            string temp = $"{Path}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
            using (var file = new FileStream(temp, options))
                file.Write(buffer.WrittenSpan);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, OwnerOnlyFile);
            File.Move(temp, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProfileStoreException($"cannot write {Path}: {e.Message}");
        }
    }

    /// <summary>Adds or replaces the profile of that name.</summary>
    public void Add(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Validate() is { } why) throw new ProfileStoreException(why);
        var profiles = Load().Where(p => p.Name != profile.Name).ToList();
        profiles.Add(profile);
        Save(profiles);
    }

    /// <summary>False when no profile has that name.</summary>
    public bool Remove(string name)
    {
        IReadOnlyList<Profile> profiles = Load();
        var kept = profiles.Where(p => p.Name != name).ToList();
        if (kept.Count == profiles.Count) return false;
        Save(kept);
        return true;
    }

    public Profile? Find(string name) => Load().FirstOrDefault(p => p.Name == name);

    private static string? Get(JsonElement o, string name) =>
        o.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
}
