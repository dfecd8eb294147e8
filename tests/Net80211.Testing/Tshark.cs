using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace Net80211.Testing;

/// <summary>Runs Wireshark's tshark over a capture and reports each frame's type/subtype and
/// whether tshark found it malformed or raised an error-level expert item.</summary>
public static class Tshark
{
    /// <summary>Expert severity "error" (PI_ERROR); malformed packets and bad FCS report it.</summary>
    private const long ErrorSeverity = 0x0080_0000;

    public static string Executable { get; } = Locate();

    public readonly record struct Frame(int Number, int TypeSubtype, bool Malformed, bool Error);

    /// <summary>Dissects <paramref name="path"/>, verifying the FCS of every frame that has one
    /// (wlan.check_checksum; radiotap says which frames do, raw 802.11 is taken to have none).</summary>
    public static IReadOnlyList<Frame> Read(string path)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            "-r", path, "-o", "wlan.check_checksum:TRUE", "-o", "wlan.check_fcs:FALSE",
            "-T", "fields", "-E", "separator=/t",
            "-e", "frame.number", "-e", "wlan.fc.type_subtype", "-e", "_ws.malformed", "-e", "_ws.expert.severity",
        })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tshark did not start");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "tshark did not finish within 2 minutes");
        Assert.True(process.ExitCode == 0, $"tshark exited with {process.ExitCode}: {stderr.Result}");

        var frames = new List<Frame>();
        foreach (string line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split('\t');
            Assert.True(f.Length >= 4, $"unexpected tshark line '{line}'");
            bool error = f[3].Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Any(s => long.Parse(s, CultureInfo.InvariantCulture) >= ErrorSeverity);
            frames.Add(new Frame(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                f[1].Length == 0 ? -1 : Convert.ToInt32(f[1], 16),
                f[2].Length != 0,
                error));
        }
        return frames;
    }

    /// <summary>Runs tshark with the given arguments after <c>-r path</c> and returns its standard output
    /// lines (for field extraction with -T fields, display filters, decryption preferences).</summary>
    public static IReadOnlyList<string> Run(string path, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-r");
        start.ArgumentList.Add(path);
        foreach (string arg in arguments) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tshark did not start");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "tshark did not finish within 2 minutes");
        Assert.True(process.ExitCode == 0, $"tshark exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Locate()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "tshark");
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail("tshark is not on PATH. .ci/run installs it (apt-get install tshark); install it the same way to run these tests.");
        return "";
    }
}
