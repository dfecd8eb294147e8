using System.Text;
using Net80211.Crypto.Decrypt;

namespace Net80211.Wlan.Pcap;

/// <summary><c>wlan pcap decrypt FILE -e SSID (-p PASSPHRASE | -k PSK | -w WEPKEY) [-b BSSID] [-o OUT]</c>:
/// the protected data frames of a capture decrypted into a raw 802.11 pcap, as airdecap-ng does.</summary>
internal static class PcapDecryptCommand
{
    public const string Usage = "pcap decrypt FILE -e SSID (-p PASSPHRASE | -k PSK_HEX | -w WEPKEY) [-b BSSID] [-o OUT]";

    private const int ExitOk = 0;
    private const int ExitKeyMismatch = 1;
    private const int ExitUsage = 64;      // EX_USAGE: bad arguments or key
    private const int ExitDataError = 65;  // EX_DATAERR: not a capture
    private const int ExitNoInput = 66;    // EX_NOINPUT: missing or unreadable file
    private const int ExitCantCreate = 73; // EX_CANTCREAT: output not writable

    /// <summary>Captures this large get a progress bar (on a terminal only).</summary>
    private const long ProgressThreshold = 1 << 20;

    /// <param name="args">The arguments after "decrypt".</param>
    /// <param name="showProgress">Draw a progress bar on <paramref name="stderr"/> (the caller knows it is a terminal).</param>
    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr, bool showProgress)
    {
        if (!TryParse(args, out Arguments parsed, out string? problem))
        {
            stderr.WriteLine($"wlan: pcap decrypt: {problem}");
            stderr.WriteLine($"usage: wlan {Usage}");
            return ExitUsage;
        }
        if (!File.Exists(parsed.Input))
        {
            stderr.WriteLine($"wlan: pcap decrypt: {parsed.Input}: no such file");
            return ExitNoInput;
        }

        ProgressBar? bar = null;
        try
        {
            if (showProgress && new FileInfo(parsed.Input).Length >= ProgressThreshold) bar = new ProgressBar(stderr);
        }
        catch (IOException)
        {
            bar = null;
        }
        DecryptResult result = CaptureDecryptor.DecryptFile(parsed.Input, parsed.Output, parsed.Options, bar is null ? null : bar.Report);
        bar?.Clear();

        if (result.Error is DecryptError.BadOptions or DecryptError.InputUnreadable or DecryptError.NotACapture or DecryptError.OutputFailed)
        {
            stderr.WriteLine($"wlan: pcap decrypt: {result.Message}");
            return result.Error switch
            {
                DecryptError.BadOptions => ExitUsage,
                DecryptError.InputUnreadable => ExitNoInput,
                DecryptError.NotACapture => ExitDataError,
                _ => ExitCantCreate,
            };
        }
        stdout.Write(result.Format());
        foreach (string warning in result.Warnings) stderr.WriteLine($"wlan: pcap decrypt: warning: {warning}");
        if (result.Error == DecryptError.KeyMismatch)
        {
            stderr.WriteLine($"wlan: pcap decrypt: {result.Message}");
            return ExitKeyMismatch;
        }
        return ExitOk;
    }

    private readonly record struct Arguments(string Input, string Output, DecryptOptions Options);

    private static bool TryParse(ReadOnlySpan<string> args, out Arguments parsed, out string? problem)
    {
        parsed = default;
        string? input = null, output = null, ssid = null, passphrase = null, psk = null, wep = null, bssidText = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg.Length > 1 && arg[0] == '-')
            {
                if (i + 1 >= args.Length)
                {
                    problem = $"{arg} needs a value";
                    return false;
                }
                string value = args[++i];
                switch (arg)
                {
                    case "-e": ssid = value; break;
                    case "-p": passphrase = value; break;
                    case "-k": psk = value; break;
                    case "-w": wep = value; break;
                    case "-b": bssidText = value; break;
                    case "-o": output = value; break;
                    default:
                        problem = $"unknown option {arg}";
                        return false;
                }
            }
            else if (input is null)
            {
                input = arg;
            }
            else
            {
                problem = $"unexpected argument '{arg}'";
                return false;
            }
        }

        if (input is null)
        {
            problem = "no capture file";
            return false;
        }
        int keys = (passphrase is null ? 0 : 1) + (psk is null ? 0 : 1) + (wep is null ? 0 : 1);
        if (keys != 1)
        {
            problem = keys == 0 ? "no key: give -p PASSPHRASE, -k PSK_HEX or -w WEPKEY" : "give only one of -p, -k and -w";
            return false;
        }
        DecryptionKey? key;
        bool ok = passphrase is not null ? DecryptionKey.TryFromPassphrase(passphrase, out key, out problem)
            : psk is not null ? DecryptionKey.TryFromPskHex(psk, out key, out problem)
            : DecryptionKey.TryFromWepHex(wep, out key, out problem);
        if (!ok)
        {
            problem = $"bad key: {problem}";
            return false;
        }
        MacAddress? bssid = null;
        if (bssidText is not null)
        {
            if (!MacAddress.TryParse(bssidText, out MacAddress parsedBssid))
            {
                problem = $"bad BSSID '{bssidText}' (e.g. 00:0b:86:c2:a4:85)";
                return false;
            }
            bssid = parsedBssid;
        }
        var options = new DecryptOptions { Ssid = ssid is null ? default : Encoding.UTF8.GetBytes(ssid), Bssid = bssid, Key = key! };
        problem = options.Validate();
        if (problem is not null) return false;
        parsed = new Arguments(input, output ?? DefaultOutput(input), options);
        return true;
    }

    /// <summary>airdecap-ng's naming, in the current directory (the capture's may be read-only): NAME-dec.pcap.</summary>
    private static string DefaultOutput(string input) => Path.GetFileNameWithoutExtension(input) + "-dec.pcap";
}
