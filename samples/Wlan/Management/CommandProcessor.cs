using Net80211.Wlan.Management.Host;
using Net80211.Wlan.Management.Ifconfig;
using Net80211.Wlan.Management.Status;
using Net80211.Wlan.Management.Sysctl;

namespace Net80211.Wlan.Management;

/// <summary>
/// The engine behind the daemon: <c>ifconfig</c>, <c>sysctl</c> and <c>status</c> over a <see cref="WlanHost"/>.
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
    }

    public WlanHost Host { get; }

    public const string Usage = "usage: ifconfig ... | sysctl ... | status";

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
}
