using Net80211.Wlan.Management;

namespace Net80211.Wlan.Daemon;

/// <summary>
/// What the daemon serves: the command processor, the live event stream (optional) and the shutdown hook
/// that brings the VAPs down (sending deauth/disassoc) before the daemon exits.
/// </summary>
public sealed class DaemonEngine(ICommandProcessor processor, IEventSource? events = null,
    Func<CancellationToken, Task>? shutdown = null)
{
    public ICommandProcessor Processor { get; } = processor ?? throw new ArgumentNullException(nameof(processor));
    public IEventSource? Events { get; } = events;
    public Func<CancellationToken, Task>? Shutdown { get; } = shutdown;
}

/// <summary>Until the engine is wired in: every command fails with "engine not available".</summary>
internal sealed class UnavailableEngine : ICommandProcessor
{
    public Task<CommandResult> ExecuteAsync(IReadOnlyList<string> argv, CancellationToken cancellation) =>
        Task.FromResult(CommandResult.Fail($"wlan: {(argv.Count > 0 ? argv[0] : "command")}: engine not available"));
}
