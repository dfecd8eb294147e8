namespace Net80211.Wlan.Management;

/// <summary>
/// What the daemon serves: one command line in (<c>["ifconfig", "wlan0", "create", "wlandev", "hwsim0"]</c>,
/// <c>["sysctl", "net.wlan.0"]</c>, <c>["status"]</c> ...), its output, error text and exit status out —
/// exactly what the CLI prints and returns. Implementations are thread-safe: the daemon calls it from
/// several client connections at once.
/// </summary>
public interface ICommandProcessor
{
    Task<CommandResult> ExecuteAsync(IReadOnlyList<string> argv, CancellationToken cancellation);
}

/// <summary>The outcome of one command: stdout text, stderr text, exit status (0 = success; 1 = error;
/// 64 = usage, as BSD tools).</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public static CommandResult Ok(string output) => new(0, output, "");
    public static CommandResult Fail(string error, int exitCode = 1) => new(exitCode, "", error);
}
