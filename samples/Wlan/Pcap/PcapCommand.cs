using Net80211.Capture;

namespace Net80211.Wlan.Pcap;

/// <summary><c>wlan pcap scan FILE</c>: the networks a capture file shows, as <c>ifconfig list scan</c> would;
/// <c>wlan pcap decrypt ...</c> is <see cref="PcapDecryptCommand"/>.</summary>
internal static class PcapCommand
{
    public const string Usage = "pcap scan FILE";

    private const int ExitOk = 0;
    private const int ExitUsage = 64;    // EX_USAGE
    private const int ExitDataError = 65; // EX_DATAERR: not a capture
    private const int ExitNoInput = 66;  // EX_NOINPUT: missing or unreadable file

    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr, bool interactive = false)
    {
        if (args.Length > 0 && args[0] == "decrypt") return PcapDecryptCommand.Run(args[1..], stdout, stderr, showProgress: interactive);
        if (args.Length != 2 || args[0] != "scan")
        {
            stderr.WriteLine($"wlan: usage: wlan {Usage}");
            stderr.WriteLine($"       wlan {PcapDecryptCommand.Usage}");
            return ExitUsage;
        }
        string path = args[1];
        if (!File.Exists(path))
        {
            stderr.WriteLine($"wlan: pcap: {path}: no such file");
            return ExitNoInput;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"wlan: pcap: {path}: {e.Message}");
            return ExitNoInput;
        }

        using (stream)
        {
            if (!CaptureReader.TryOpen(stream, out CaptureReader? reader, out CaptureError error, leaveOpen: true))
            {
                stderr.WriteLine(error == CaptureError.NotACapture
                    ? $"wlan: pcap: {path}: not a pcap or pcapng capture"
                    : $"wlan: pcap: {path}: cannot read the capture header ({error})");
                return ExitDataError;
            }
            using (reader)
            {
                var scanner = new CaptureScanner();
                scanner.Scan(reader);
                stdout.Write(scanner.Format());
                stdout.WriteLine(scanner.FormatSummary());
                if (scanner.CaptureErrors > 0)
                {
                    stderr.WriteLine($"wlan: pcap: {path}: reading stopped or skipped data: {scanner.LastCaptureError}");
                }
            }
        }
        return ExitOk;
    }
}
