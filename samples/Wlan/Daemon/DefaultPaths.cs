using System.Runtime.InteropServices;

namespace Net80211.Wlan.Daemon;

/// <summary>Where the daemon's socket and the saved profiles live by default (XDG base directories).</summary>
internal static partial class DefaultPaths
{
    /// <summary><c>$XDG_RUNTIME_DIR/net80211.sock</c>, else <c>/tmp/net80211-&lt;uid&gt;.sock</c>.</summary>
    public static string Socket()
    {
        string? runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        return !string.IsNullOrEmpty(runtime)
            ? Path.Combine(runtime, "net80211.sock")
            : Path.Combine("/tmp", $"net80211-{UserId()}.sock");
    }

    /// <summary><c>$XDG_CONFIG_HOME/net80211/profiles.json</c>, else <c>~/.config/net80211/profiles.json</c>.</summary>
    public static string Profiles()
    {
        string? config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(config))
            config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(config, "net80211", "profiles.json");
    }

    private static string UserId() =>
        OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()
            ? GetUid().ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Environment.UserName;

    [LibraryImport("libc", EntryPoint = "getuid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial uint GetUid();
}
