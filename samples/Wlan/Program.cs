using System.Globalization;
using Net80211.Wlan.Daemon;
using Net80211.Wlan.Demo;
using Net80211.Wlan.Pcap;

namespace Net80211.Wlan;

/// <summary>
/// <c>wlan</c>: the command line of Net80211 for .NET. One verb per job, FreeBSD-style where FreeBSD has
/// a tool for it. Verbs arrive with the issues that build them (ifconfig, sysctl, daemon, pcap).
/// </summary>
internal static class Program
{
    private const int ExitUsage = 64; // EX_USAGE

    private static async Task<int> Main(string[] args)
    {
        Net80211.Wlan.Daemon.DaemonCommand.CreateEngine = Management.DaemonEngineFactory.Create;
        // Global options before the verb: --socket PATH (the daemon's control socket), --profiles FILE.
        string socket = DefaultPaths.Socket();
        string profiles = DefaultPaths.Profiles();
        int first = 0;
        while (first + 1 < args.Length && args[first] is "--socket" or "--profiles")
        {
            if (args[first] == "--socket") socket = args[first + 1];
            else profiles = args[first + 1];
            first += 2;
        }
        args = args[first..];

        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Usage(args.Length == 0 ? Console.Error : Console.Out);
            return args.Length == 0 ? ExitUsage : 0;
        }
        var cli = new CliContext(socket, profiles, Console.Out, Console.Error, Console.In);
        return args[0] switch
        {
            "demo" => Demo(args.AsSpan(1)),
            "pcap" => PcapCommand.Run(args.AsSpan(1), Console.Out, Console.Error, interactive: !Console.IsErrorRedirected),
            "daemon" => await Daemon(args.AsSpan(1), socket).ConfigureAwait(false),
            "ifconfig" or "sysctl" or "status" => await ClientCommands.ForwardAsync(cli, args).ConfigureAwait(false),
            "events" => await ClientCommands.EventsAsync(cli, args[1..]).ConfigureAwait(false),
            "connect" => await ClientCommands.ConnectAsync(cli, args[1..]).ConfigureAwait(false),
            "disconnect" => await ClientCommands.DisconnectAsync(cli, args[1..]).ConfigureAwait(false),
            "profile" => ClientCommands.Profiles(cli, args.AsSpan(1)),
            _ => Fail($"unknown verb '{args[0]}'"),
        };
    }

    /// <summary><c>wlan daemon ...</c>: see <see cref="DaemonCommand"/>.</summary>
    private static Task<int> Daemon(ReadOnlySpan<string> args, string socket)
    {
        DaemonOptions? options = DaemonCommand.Parse(args, socket, out string? error);
        return options is null ? Task.FromResult(Fail(error!)) : DaemonCommand.RunAsync(options, Console.Error);
    }

    /// <summary><c>wlan demo [air] [--seed N] [--seconds S] [--pcap FILE]</c>: the station/AP demo, or with
    /// <c>air</c> the medium on its own.</summary>
    private static int Demo(ReadOnlySpan<string> args)
    {
        bool air = args.Length > 0 && args[0] == "air";
        if (air) args = args[1..];
        ulong seed = 1;
        double seconds = 2;
        string pcap = "net80211-demo.pcap";
        bool open = false, iwx = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed" when i + 1 < args.Length && ulong.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--seconds" when i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && seconds is > 0 and <= 60:
                    i++;
                    break;
                case "--pcap" when i + 1 < args.Length && !air:
                    pcap = args[++i];
                    break;
                case "--open" when !air:
                    open = true;
                    break;
                case "--iwx" when !air:
                    iwx = true;
                    break;
                default:
                    return Fail($"demo: bad argument '{args[i]}' (usage: wlan demo [air] [--seed N] [--seconds S] [--pcap FILE] [--open] [--iwx])");
            }
        }
        return air
            ? AirDemo.Run(Console.Out, seed, TimeSpan.FromSeconds(seconds))
            : StationDemo.Run(Console.Out, seed, TimeSpan.FromSeconds(seconds), pcap, open, iwx);
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"wlan: {message}");
        Usage(Console.Error);
        return ExitUsage;
    }

    private static void Usage(TextWriter w)
    {
        w.WriteLine("usage: wlan [--socket PATH] [--profiles FILE] <verb> [arguments]");
        w.WriteLine();
        w.WriteLine("verbs:");
        w.WriteLine("  demo [--seed N] [--seconds S] [--pcap FILE] [--open] [--iwx]");
        w.WriteLine("                                  an AP and a station on simulated radios: WPA2 join (or open),");
        w.WriteLine("                                  traffic both ways, a capture Wireshark can decrypt;");
        w.WriteLine("                                  --iwx puts the station on an emulated Intel AX200 (iwx driver)");
        w.WriteLine("  demo air [--seed N] [--seconds S]");
        w.WriteLine("                                  the simulated air alone: goodput per rate against the DCF maximum");
        w.WriteLine("  pcap scan FILE                  the networks a pcap/pcapng capture shows, like ifconfig list scan");
        w.WriteLine("  pcap decrypt FILE -e SSID (-p PASSPHRASE | -k PSK_HEX | -w WEPKEY) [-b BSSID] [-o OUT]");
        w.WriteLine("                                  decrypt its WPA/WPA2/WEP data frames into a raw 802.11 pcap, like airdecap-ng");
        w.WriteLine("  " + Net80211.Wlan.Daemon.DaemonCommand.Usage);
        w.WriteLine("                                  run the stack in the foreground, serving the verbs below on a");
        w.WriteLine("                                  control socket, until SIGINT/SIGTERM");
        w.WriteLine("  ifconfig ...                    configure interfaces in the daemon, as FreeBSD ifconfig(8)");
        w.WriteLine("  sysctl ...                      read and set net.wlan.* in the daemon, as sysctl(8)");
        w.WriteLine("  status                          the daemon's radios and interfaces");
        w.WriteLine("  events                          the daemon's live event stream, until Ctrl-C");
        w.WriteLine("  profile add NAME --ssid SSID [--open | --passphrase P | --psk HEX]");
        w.WriteLine("  profile list | remove NAME      saved networks (kept locally, owner-only; \"-\" reads the key from stdin)");
        w.WriteLine("  connect NAME [-i IFACE]         join a saved network and stay joined (the daemon reconnects)");
        w.WriteLine("  disconnect [-i IFACE]           leave it: no more reconnecting, IFACE down");
        w.WriteLine("  help                            this text");
    }
}
