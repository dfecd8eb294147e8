using System.Globalization;
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

    private static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Usage(args.Length == 0 ? Console.Error : Console.Out);
            return args.Length == 0 ? ExitUsage : 0;
        }
        return args[0] switch
        {
            "demo" => Demo(args.AsSpan(1)),
            "pcap" => PcapCommand.Run(args.AsSpan(1), Console.Out, Console.Error, interactive: !Console.IsErrorRedirected),
            _ => Fail($"unknown verb '{args[0]}'"),
        };
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
        bool open = false;
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
                default:
                    return Fail($"demo: bad argument '{args[i]}' (usage: wlan demo [air] [--seed N] [--seconds S] [--pcap FILE] [--open])");
            }
        }
        return air
            ? AirDemo.Run(Console.Out, seed, TimeSpan.FromSeconds(seconds))
            : StationDemo.Run(Console.Out, seed, TimeSpan.FromSeconds(seconds), pcap, open);
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"wlan: {message}");
        Usage(Console.Error);
        return ExitUsage;
    }

    private static void Usage(TextWriter w)
    {
        w.WriteLine("usage: wlan <verb> [arguments]");
        w.WriteLine();
        w.WriteLine("verbs:");
        w.WriteLine("  demo [--seed N] [--seconds S] [--pcap FILE] [--open]");
        w.WriteLine("                                  an AP and a station on simulated radios: WPA2 join (or open),");
        w.WriteLine("                                  traffic both ways, a capture Wireshark can decrypt");
        w.WriteLine("  demo air [--seed N] [--seconds S]");
        w.WriteLine("                                  the simulated air alone: goodput per rate against the DCF maximum");
        w.WriteLine("  pcap scan FILE                  the networks a pcap/pcapng capture shows, like ifconfig list scan");
        w.WriteLine("  pcap decrypt FILE -e SSID (-p PASSPHRASE | -k PSK_HEX | -w WEPKEY) [-b BSSID] [-o OUT]");
        w.WriteLine("                                  decrypt its WPA/WPA2/WEP data frames into a raw 802.11 pcap, like airdecap-ng");
        w.WriteLine("  help                            this text");
    }
}
