using System.Text;
using Net80211.Wlan.Management;
using Net80211.Wlan.Management.Host;

namespace Wlan.Tests.Management;

/// <summary>A virtual-time host and processor, and a transcript of commands run on it.</summary>
internal sealed class Cli : IDisposable
{
    private readonly StringBuilder _transcript = new();

    public Cli(WorldDescription? world = null)
    {
        Host = new WlanHost(world);
        Processor = new CommandProcessor(Host);
    }

    public WlanHost Host { get; }
    public CommandProcessor Processor { get; }
    public string Transcript => _transcript.ToString();

    /// <summary>Runs one command line (split on spaces; a quoted tail stays one argument).</summary>
    public CommandResult Run(string line)
    {
        var argv = Split(line);
        var result = Processor.ExecuteAsync(argv, CancellationToken.None).GetAwaiter().GetResult();
        _transcript.Append("$ ").Append(line).Append('\n').Append(result.Output);
        if (result.Error.Length > 0) _transcript.Append(result.Error).Append('\n');
        if (result.ExitCode != 0) _transcript.Append("[exit ").Append(result.ExitCode).Append("]\n");
        return result;
    }

    /// <summary>Runs a command that must succeed.</summary>
    public string Ok(string line)
    {
        var r = Run(line);
        Assert.True(r.ExitCode == 0, $"{line}: exit {r.ExitCode}: {r.Error}");
        return r.Output;
    }

    public void Dispose() => Host.Dispose();

    private static List<string> Split(string line)
    {
        var argv = new List<string>();
        int q = line.IndexOf('"', StringComparison.Ordinal);
        string head = q < 0 ? line : line[..q];
        argv.AddRange(head.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (q >= 0)
        {
            int end = line.IndexOf('"', q + 1);
            argv.Add(line[(q + 1)..end]);
            argv.AddRange(line[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return argv;
    }
}
