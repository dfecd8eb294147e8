using System.Runtime.InteropServices;
using Net80211.Wlan.Management;

namespace Net80211.Wlan.Daemon;

/// <summary>Where the CLI's client verbs read and write, and which daemon and profile file they use.</summary>
public sealed record CliContext(string SocketPath, string ProfilesPath, TextWriter Out, TextWriter Error, TextReader In);

/// <summary>
/// The CLI verbs that talk to the daemon (<c>ifconfig</c>, <c>sysctl</c>, <c>status</c>, <c>events</c>,
/// <c>connect</c>, <c>disconnect</c>) and the local <c>profile</c> verb.
/// </summary>
public static class ClientCommands
{
    private const int ExitUsage = ControlProtocol.ExitUsage;

    /// <summary>Sends the command line as is (verb included) and prints the answer: <c>out</c> to stdout,
    /// <c>err</c> to stderr, <c>exit</c> as the exit status.</summary>
    public static async Task<int> ForwardAsync(CliContext cli, IReadOnlyList<string> argv, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cli);
        CommandResult result = await ControlClient.ExecuteAsync(cli.SocketPath, argv, cancellation).ConfigureAwait(false);
        Print(cli, result);
        return result.ExitCode;
    }

    /// <summary><c>wlan events</c>: the live event stream until Ctrl-C (or the daemon goes away).</summary>
    public static async Task<int> EventsAsync(CliContext cli, string[] args, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0) return Usage(cli, "events: no arguments expected");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        CommandResult? failure = null;
        await foreach (EventLine e in ControlClient.SubscribeAsync(cli.SocketPath, r => failure = r, stop.Token).ConfigureAwait(false))
        {
            cli.Out.WriteLine(e.ToString());
            cli.Out.Flush();
        }
        if (failure is not null)
        {
            Print(cli, failure);
            return failure.ExitCode;
        }
        return 0;
    }

    /// <summary><c>wlan connect NAME [-i IFACE]</c>: the saved profile as an engine command.</summary>
    public static async Task<int> ConnectAsync(CliContext cli, string[] args, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(args);
        string? name = null;
        string iface = "wlan0";
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "-i" or "--interface" && i + 1 < args.Length) iface = args[++i];
            else if (name is null && !args[i].StartsWith('-')) name = args[i];
            else return Usage(cli, $"connect: bad argument '{args[i]}' (usage: wlan connect NAME [-i IFACE])");
        }
        if (name is null) return Usage(cli, "connect: which profile? (usage: wlan connect NAME [-i IFACE])");
        Profile? profile;
        try
        {
            profile = new ProfileStore(cli.ProfilesPath).Find(name);
        }
        catch (ProfileStoreException e)
        {
            cli.Error.WriteLine($"wlan: {e.Message}");
            return 1;
        }
        if (profile is null)
        {
            cli.Error.WriteLine($"wlan: no profile '{name}' (see wlan profile list)");
            return 1;
        }
        return await ForwardAsync(cli, profile.ConnectCommand(iface), cancellation).ConfigureAwait(false);
    }

    /// <summary><c>wlan disconnect [-i IFACE]</c>.</summary>
    public static Task<int> DisconnectAsync(CliContext cli, string[] args, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(args);
        string iface = "wlan0";
        if (args.Length == 2 && args[0] is "-i" or "--interface") iface = args[1];
        else if (args.Length != 0) return Task.FromResult(Usage(cli, "disconnect: usage: wlan disconnect [-i IFACE]"));
        return ForwardAsync(cli, Profile.DisconnectCommand(iface), cancellation);
    }

    /// <summary>
    /// <c>wlan profile add NAME --ssid SSID [--open | --passphrase P | --psk HEX]</c> (P or HEX "-" reads it from
    /// stdin), <c>wlan profile list</c>, <c>wlan profile remove NAME</c>. Local: the daemon is not involved.
    /// </summary>
    public static int Profiles(CliContext cli, ReadOnlySpan<string> args)
    {
        ArgumentNullException.ThrowIfNull(cli);
        const string usage = "usage: wlan profile add NAME --ssid SSID [--open | --passphrase P | --psk HEX] | list | remove NAME";
        var store = new ProfileStore(cli.ProfilesPath);
        try
        {
            switch (args.Length > 0 ? args[0] : "")
            {
                case "list" when args.Length == 1:
                    IReadOnlyList<Profile> profiles = store.Load();
                    if (profiles.Count == 0)
                    {
                        cli.Out.WriteLine("no profiles (add one with wlan profile add)");
                        return 0;
                    }
                    int nameWidth = Math.Max(4, profiles.Max(p => p.Name.Length));
                    int ssidWidth = Math.Max(4, profiles.Max(p => p.Ssid.Length));
                    cli.Out.WriteLine($"{"NAME".PadRight(nameWidth)}  {"SSID".PadRight(ssidWidth)}  SECURITY");
                    foreach (Profile p in profiles)
                        cli.Out.WriteLine($"{p.Name.PadRight(nameWidth)}  {p.Ssid.PadRight(ssidWidth)}  {p.SecurityName}");
                    return 0;

                case "remove" when args.Length == 2:
                    if (store.Remove(args[1])) return 0;
                    cli.Error.WriteLine($"wlan: no profile '{args[1]}'");
                    return 1;

                case "add" when args.Length >= 2:
                    Profile? profile = ParseAdd(cli, args[1], args[2..], out string? error);
                    if (profile is null) return Usage(cli, $"profile add: {error}; {usage}");
                    store.Add(profile);
                    return 0;

                default:
                    return Usage(cli, $"profile: {usage}");
            }
        }
        catch (ProfileStoreException e)
        {
            cli.Error.WriteLine($"wlan: {e.Message}");
            return 1;
        }
    }

    private static Profile? ParseAdd(CliContext cli, string name, ReadOnlySpan<string> args, out string? error)
    {
        string? ssid = null;
        ProfileSecurity security = ProfileSecurity.Open;
        string? secret = null;
        bool securityGiven = false;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--ssid" when value is not null:
                    ssid = value;
                    i++;
                    continue;
                case "--open" when !securityGiven:
                    securityGiven = true;
                    continue;
                case "--passphrase" when value is not null && !securityGiven:
                    (security, secret, securityGiven) = (ProfileSecurity.Wpa2Passphrase, value == "-" ? cli.In.ReadLine() : value, true);
                    i++;
                    continue;
                case "--psk" when value is not null && !securityGiven:
                    (security, secret, securityGiven) = (ProfileSecurity.Wpa2Psk, value == "-" ? cli.In.ReadLine() : value, true);
                    i++;
                    continue;
                default:
                    error = $"bad argument '{args[i]}'";
                    return null;
            }
        }
        if (ssid is null)
        {
            error = "--ssid is required";
            return null;
        }
        var profile = new Profile(name, ssid, security, secret?.Trim('\r', '\n'));
        error = profile.Validate();
        return error is null ? profile : null;
    }

    private static void Print(CliContext cli, CommandResult result)
    {
        Write(cli.Out, result.Output);
        Write(cli.Error, result.Error);
    }

    private static void Write(TextWriter w, string text)
    {
        if (text.Length == 0) return;
        w.Write(text);
        if (!text.EndsWith('\n')) w.WriteLine();
    }

    private static int Usage(CliContext cli, string message)
    {
        cli.Error.WriteLine($"wlan: {message}");
        return ExitUsage;
    }
}
