using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Net80211.Wlan.Daemon;

/// <summary>The options of <c>wlan daemon</c>.</summary>
/// <param name="IpHook">Run after a station's link comes up (REASON=BOUND) and goes (REASON=EXPIRE), like
/// dhclient-script; overrides the world file's <c>ipHook</c>.</param>
public sealed record DaemonOptions(string SocketPath, string? World = null, double Speed = 1.0, string? OtlpEndpoint = null, string? IpHook = null,
    string? OtlpProtocol = null);

/// <summary>
/// <c>wlan daemon [--socket PATH] [--world FILE] [--speed X] [--otlp URL [--otlp-protocol grpc|http/protobuf]] [--ip-hook PATH]</c>: serves the engine on the control
/// socket in the foreground until SIGINT/SIGTERM, then shuts down gracefully.
/// </summary>
public static class DaemonCommand
{
    /// <summary>
    /// Builds the engine the daemon serves from its options: <c>Program</c> sets the management engine
    /// (<c>DaemonEngineFactory.Create</c>); left as it is, every command answers "engine not available", which
    /// lets the daemon verb be tested on its own.
    /// </summary>
    public static Func<DaemonOptions, ILoggerFactory, DaemonEngine> CreateEngine { get; set; } =
        static (_, _) => new DaemonEngine(new UnavailableEngine());

    public const string Usage = "daemon [--socket PATH] [--world FILE] [--speed X] [--otlp URL [--otlp-protocol grpc|http/protobuf]] [--ip-hook PATH]";

    /// <summary>Parses the verb's arguments; null and a message on <paramref name="error"/> when they are bad.</summary>
    public static DaemonOptions? Parse(ReadOnlySpan<string> args, string defaultSocket, out string? error)
    {
        var options = new DaemonOptions(defaultSocket);
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--socket" when value is not null:
                    options = options with { SocketPath = value };
                    break;
                case "--world" when value is not null:
                    options = options with { World = value };
                    break;
                case "--ip-hook" when value is not null:
                    if (!File.Exists(value))
                    {
                        error = $"daemon: no ip hook '{value}'";
                        return null;
                    }
                    options = options with { IpHook = Path.GetFullPath(value) };
                    break;
                case "--speed" when value is not null:
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double speed) || !(speed > 0) || double.IsInfinity(speed))
                    {
                        error = $"daemon: bad speed '{value}' (a positive number; 1 is real time)";
                        return null;
                    }
                    options = options with { Speed = speed };
                    break;
                case "--otlp" when value is not null:
                    if (!Uri.TryCreate(value, UriKind.Absolute, out _))
                    {
                        error = $"daemon: bad OTLP endpoint '{value}' (e.g. http://localhost:4317)";
                        return null;
                    }
                    options = options with { OtlpEndpoint = value };
                    break;
                case "--otlp-protocol" when value is not null:
                    if (!DaemonTelemetry.TryParseProtocol(value, out _))
                    {
                        error = $"daemon: bad OTLP protocol '{value}' (grpc or http/protobuf)";
                        return null;
                    }
                    options = options with { OtlpProtocol = value };
                    break;
                default:
                    error = $"daemon: bad argument '{args[i]}' (usage: wlan {Usage})";
                    return null;
            }
            i++;
        }
        if (options.World is not null && !File.Exists(options.World))
        {
            error = $"daemon: no world file '{options.World}'";
            return null;
        }
        return options;
    }

    /// <summary>Runs the daemon until SIGINT/SIGTERM or <paramref name="stop"/>. Exit status as the CLI returns it.</summary>
    public static async Task<int> RunAsync(DaemonOptions options, TextWriter log, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new ConsoleLogProvider(log, LogLevel.Information)));
        ILogger logger = loggerFactory.CreateLogger("daemon");

        using var signalled = CancellationTokenSource.CreateLinkedTokenSource(stop);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // we shut down ourselves
            logger.LogInformation("{Signal}: shutting down", context.Signal);
            signalled.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        IDisposable? telemetry;
        try
        {
            telemetry = DaemonTelemetry.StartExport(options.OtlpEndpoint, options.OtlpProtocol);
        }
        catch (UriFormatException e)
        {
            logger.LogError("bad OTLP endpoint: {Error}", e.Message);
            return ControlProtocol.ExitUsage;
        }
        using (telemetry)
        {
            if (telemetry is not null) logger.LogInformation("exporting Net80211.* traces and metrics over OTLP");

            DaemonEngine engine;
            try
            {
                engine = CreateEngine(options, loggerFactory);
            }
#pragma warning disable CA1031 // any failure to build the engine is reported, not thrown
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError("cannot start the engine: {Error}", e.Message);
                return 1;
            }

            var serverOptions = new ControlServerOptions(options.SocketPath);
            await using var server = new ControlServer(engine.Processor, serverOptions, engine.Events, engine.Shutdown,
                loggerFactory.CreateLogger("control"));
            try
            {
                await server.StartAsync(signalled.Token).ConfigureAwait(false);
            }
            catch (DaemonAlreadyRunningException e)
            {
                logger.LogError("{Error}; not starting", e.Message);
                return ControlProtocol.ExitUnavailable;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
            {
                logger.LogError("cannot listen on {Path}: {Error}", options.SocketPath, e.Message);
                return ControlProtocol.ExitUnavailable;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
            logger.LogInformation("ready (world {World}, speed {Speed}x)", options.World ?? "built-in default", options.Speed);

            try
            {
                await Task.Delay(Timeout.Infinite, signalled.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { }
            await server.StopAsync().ConfigureAwait(false);
            return 0;
        }
    }
}
