using Net80211.Wlan.Management.Connections;
using Net80211.Wlan.Management.Host;
using Net80211.Wlan.Management.Ifconfig;
using Net80211.Wlan.Management.Status;
using Net80211.Wlan.Management.Sysctl;

namespace Net80211.Wlan.Management;

/// <summary>
/// The engine behind the daemon: <c>ifconfig</c>, <c>sysctl</c>, <c>status</c> and the profile connections
/// (<c>connect</c>, <c>disconnect</c>) over a <see cref="WlanHost"/>.
/// Commands run one at a time (a command line is one transaction, as one ifconfig process is); bad input
/// comes back as an error result, never as an exception.
/// </summary>
public sealed class CommandProcessor : ICommandProcessor
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IfconfigCommand _ifconfig;
    private readonly SysctlCommand _sysctl;

    public CommandProcessor(WlanHost host)
    {
        Host = host ?? throw new ArgumentNullException(nameof(host));
        _ifconfig = new IfconfigCommand(host);
        _sysctl = new SysctlCommand(host);
        Connections = new ConnectionManager(host);
    }

    public WlanHost Host { get; }
    internal ConnectionManager Connections { get; }

    public const string Usage = "usage: ifconfig ... | sysctl ... | status | connect ... | disconnect IFACE";

    public async Task<CommandResult> ExecuteAsync(IReadOnlyList<string> argv, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(argv);
        if (argv.Count == 0) return CommandResult.Fail(Usage, 64);
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            return argv[0] switch
            {
                "ifconfig" => await _ifconfig.RunAsync(argv, cancellation).ConfigureAwait(false),
                "sysctl" => await _sysctl.RunAsync(argv).ConfigureAwait(false),
                "status" => argv.Count == 1
                    ? CommandResult.Ok(await Host.InvokeAsync(() => StatusReport.Format(Host)).ConfigureAwait(false))
                    : CommandResult.Fail("usage: status", 64),
                "connect" => await ConnectAsync(argv, cancellation).ConfigureAwait(false),
                "disconnect" => await DisconnectAsync(argv, cancellation).ConfigureAwait(false),
                _ => CommandResult.Fail($"{argv[0]}: unknown command\n{Usage}", 64),
            };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // A stack refusal we did not foresee: report it rather than tear down the daemon's connection.
            return CommandResult.Fail($"{argv[0]}: {ex.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary><c>connect IFACE PROFILE ssid SSID [wpakey KEY]</c>: apply the profile as ifconfig would, then
    /// keep the link up (reconnect with backoff) until <c>disconnect</c>.</summary>
    private async Task<CommandResult> ConnectAsync(IReadOnlyList<string> argv, CancellationToken cancellation)
    {
        if (!ConnectionManager.TryParseConnect(argv, out string iface, out string profile, out var ifconfig, out string? error))
            return CommandResult.Fail(error!, 64);
        var vap = await Host.InvokeAsync(() => Host.FindVap(iface)).ConfigureAwait(false);
        if (vap is null) return CommandResult.Fail($"connect: interface {iface} does not exist");
        if (vap.Mode != Net80211.Radio.OpMode.Sta) return CommandResult.Fail($"connect: {iface} is not a station interface");
        var applied = await _ifconfig.RunAsync(ifconfig, cancellation).ConfigureAwait(false);
        if (applied.ExitCode != 0) return applied;
        string? refused = await Connections.StartAsync(vap, profile).ConfigureAwait(false);
        return refused is null ? CommandResult.Ok("") : CommandResult.Fail(refused);
    }

    /// <summary><c>disconnect IFACE</c>: no more reconnecting, and the interface goes down (DISASSOC sent).</summary>
    private async Task<CommandResult> DisconnectAsync(IReadOnlyList<string> argv, CancellationToken cancellation)
    {
        if (argv.Count != 2) return CommandResult.Fail(ConnectionManager.DisconnectUsage, 64);
        var vap = await Host.InvokeAsync(() => Host.FindVap(argv[1])).ConfigureAwait(false);
        if (vap is null) return CommandResult.Fail($"disconnect: interface {argv[1]} does not exist");
        await Connections.StopAsync(vap).ConfigureAwait(false);
        return await _ifconfig.RunAsync(["ifconfig", argv[1], "down"], cancellation).ConfigureAwait(false);
    }
}
