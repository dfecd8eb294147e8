using System.Net.Sockets;
using Net80211.Wlan.Daemon;
using Net80211.Wlan.Management;

namespace Wlan.Tests.Daemon;

[Collection(DaemonHookCollection.Name)]
public sealed class ControlServerTests
{
    [Fact]
    public async Task A_request_round_trips()
    {
        using var dir = new TempDir();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor());

        CommandResult result = await ControlClient.ExecuteAsync(dir.Socket, ["ifconfig", "wlan0", "create", "wlandev", "hwsim0"]);
        Assert.Equal(new CommandResult(0, "ifconfig wlan0 create wlandev hwsim0\n", ""), result);

        await using RawClient raw = await RawClient.ConnectAsync(dir.Socket);
        await raw.SendLineAsync("""{"v":1,"id":42,"argv":["sysctl","-w","net.wlan.0.bmiss_max=5"]}""");
        ControlResponse response = await raw.ReadResponseAsync();
        Assert.Equal(42, response.Id);
        Assert.Equal("sysctl -w net.wlan.0.bmiss_max=5\n", response.Result.Output);
        // the connection stays open for the next request
        await raw.SendLineAsync("""{"v":1,"id":43,"argv":["status"]}""");
        Assert.Equal(43, (await raw.ReadResponseAsync()).Id);
    }

    [Fact]
    public async Task The_socket_file_is_owner_only()
    {
        using var dir = new TempDir();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, Files.Mode(dir.Socket));
        Assert.Single(Directory.GetFileSystemEntries(dir.Path)); // the staging directory is gone
    }

    [Fact]
    public async Task Several_clients_are_served_at_once()
    {
        using var dir = new TempDir();
        var blocking = new BlockingProcessor();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, blocking);

        // Eight commands in flight together: each blocks until all have started.
        Task<CommandResult>[] calls = [.. Enumerable.Range(0, 8).Select(i => ControlClient.ExecuteAsync(dir.Socket, ["status", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]))];
        await blocking.WaitStartedAsync(8);
        blocking.Release();
        CommandResult[] results = await Task.WhenAll(calls);
        for (int i = 0; i < 8; i++)
            Assert.Equal($"done status {i}", results[i].Output);

        // and many more, echoing
        await using ControlServer echo = await Servers.StartAsync(dir.Socket + "2", new EchoProcessor());
        CommandResult[] many = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            ControlClient.ExecuteAsync(dir.Socket + "2", ["ifconfig", $"wlan{i}"])));
        for (int i = 0; i < 64; i++)
            Assert.Equal(CommandResult.Ok($"ifconfig wlan{i}\n"), many[i]);
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_told_the_daemon_is_busy()
    {
        using var dir = new TempDir();
        var blocking = new BlockingProcessor();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, blocking, configure: o => o with { MaxConnections = 2, BusyWait = TimeSpan.FromMilliseconds(100) });
        Task<CommandResult>[] held = [ControlClient.ExecuteAsync(dir.Socket, ["status"]), ControlClient.ExecuteAsync(dir.Socket, ["status"])];
        await blocking.WaitStartedAsync(2);

        CommandResult busy = await ControlClient.ExecuteAsync(dir.Socket, ["status"]);
        Assert.Equal(1, busy.ExitCode);
        Assert.Contains("busy", busy.Error, StringComparison.Ordinal);

        blocking.Release();
        Assert.All(await Task.WhenAll(held), r => Assert.Equal(0, r.ExitCode));
    }

    [Fact]
    public async Task A_command_past_the_timeout_is_answered_with_an_error()
    {
        using var dir = new TempDir();
        var stuck = new BlockingProcessor(honourCancellation: false);
        await using ControlServer server = await Servers.StartAsync(dir.Socket, stuck,
            configure: o => o with { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        CommandResult result = await ControlClient.ExecuteAsync(dir.Socket, ["ifconfig", "-a"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
        stuck.Release();
    }

    [Fact]
    public async Task A_throwing_processor_gives_an_error_response()
    {
        using var dir = new TempDir();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor());
        CommandResult result = await ControlClient.ExecuteAsync(dir.Socket, ["throw"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("boom", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await ControlClient.ExecuteAsync(dir.Socket, ["status"])).ExitCode);
    }

    [Fact]
    public async Task Graceful_shutdown_finishes_requests_calls_the_hook_and_removes_the_socket()
    {
        using var dir = new TempDir();
        var blocking = new BlockingProcessor();
        int hookCalls = 0;
        bool requestDoneBeforeHook = false;
        ControlServer server = await Servers.StartAsync(dir.Socket, blocking, hook: _ =>
        {
            hookCalls++;
            requestDoneBeforeHook = blocking.Finished == 1;
            return Task.CompletedTask;
        });
        await using RawClient idle = await RawClient.ConnectAsync(dir.Socket);
        Task<CommandResult> inFlight = ControlClient.ExecuteAsync(dir.Socket, ["ifconfig", "wlan0", "up"]);
        await blocking.WaitStartedAsync(1);

        Task stopping = server.StopAsync();
        Assert.Null(await idle.ReadLineAsync()); // idle connections are closed
        Assert.False(stopping.IsCompleted);
        Assert.False(await ControlClient.AnswersAsync(dir.Socket, TimeSpan.FromSeconds(1))); // no longer accepting
        blocking.Release();

        CommandResult result = await inFlight;
        Assert.Equal("done ifconfig wlan0 up", result.Output);
        await stopping.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, hookCalls);
        Assert.True(requestDoneBeforeHook);
        Assert.False(File.Exists(dir.Socket));
        await server.DisposeAsync(); // a second stop is harmless
        Assert.Equal(1, hookCalls);
    }

    [Fact]
    public async Task Shutdown_cancels_requests_that_outlive_the_deadline()
    {
        using var dir = new TempDir();
        var blocking = new BlockingProcessor();
        bool hookCalled = false;
        ControlServer server = await Servers.StartAsync(dir.Socket, blocking,
            hook: _ => { hookCalled = true; return Task.CompletedTask; },
            configure: o => o with { ShutdownDeadline = TimeSpan.FromMilliseconds(200) });
        Task<CommandResult> inFlight = ControlClient.ExecuteAsync(dir.Socket, ["status"]);
        await blocking.WaitStartedAsync(1);

        await server.StopAsync().WaitAsync(TimeSpan.FromSeconds(5));
        CommandResult result = await inFlight;
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("shutting down", result.Error, StringComparison.Ordinal);
        Assert.True(hookCalled);
        Assert.False(File.Exists(dir.Socket));
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_stale_socket_is_replaced_but_a_live_daemon_is_not()
    {
        using var dir = new TempDir();
        using (var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            // .NET unlinks a socket file it bound when the socket is disposed; one moved away stays, as a crashed daemon's.
            stale.Bind(new UnixDomainSocketEndPoint(dir.Socket + ".old"));
            File.Move(dir.Socket + ".old", dir.Socket);
        }
        Assert.True(File.Exists(dir.Socket));
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor());
        Assert.Equal(0, (await ControlClient.ExecuteAsync(dir.Socket, ["status"])).ExitCode);

        await Assert.ThrowsAsync<DaemonAlreadyRunningException>(() => Servers.StartAsync(dir.Socket, new EchoProcessor()));
        Assert.Equal(0, (await ControlClient.ExecuteAsync(dir.Socket, ["status"])).ExitCode); // the first still serves
    }

    [Fact]
    public async Task The_client_says_clearly_when_no_daemon_runs()
    {
        using var dir = new TempDir();
        CommandResult result = await ControlClient.ExecuteAsync(dir.Socket, ["ifconfig", "-a"]);
        Assert.Equal(69, result.ExitCode);
        Assert.Equal($"wlan: cannot reach the daemon at {dir.Socket}: is `./wlan daemon` running?", result.Error);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var cli = new CliContext(dir.Socket, Path.Combine(dir.Path, "p.json"), stdout, stderr, TextReader.Null);
        Assert.Equal(69, await ClientCommands.ForwardAsync(cli, ["status"]));
        Assert.Equal("", stdout.ToString());
        Assert.Contains("cannot reach the daemon", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_prints_out_and_err_and_returns_exit()
    {
        using var dir = new TempDir();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor());
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var cli = new CliContext(dir.Socket, Path.Combine(dir.Path, "p.json"), stdout, stderr, TextReader.Null);
        Assert.Equal(0, await ClientCommands.ForwardAsync(cli, ["sysctl", "net.wlan.0"]));
        Assert.Equal(1, await ClientCommands.ForwardAsync(cli, ["fail"]));
        Assert.Equal("sysctl net.wlan.0\n", stdout.ToString());
        Assert.Equal("failed" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public async Task The_daemon_verb_serves_until_stopped_and_cleans_up()
    {
        using var dir = new TempDir();
        DaemonOptions? options = DaemonCommand.Parse(["--socket", dir.Socket, "--speed", "2"], "unused", out string? error);
        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Null(DaemonCommand.Parse(["--speed", "-1"], dir.Socket, out error));
        Assert.Contains("speed", error, StringComparison.Ordinal);
        Assert.Null(DaemonCommand.Parse(["--ip-hook", Path.Combine(dir.Path, "no-such-hook")], dir.Socket, out error));
        Assert.Contains("no ip hook", error, StringComparison.Ordinal);
        string hook = Path.Combine(dir.Path, "hook.sh");
        File.WriteAllText(hook, "#!/bin/sh\n");
        Assert.Equal(hook, DaemonCommand.Parse(["--ip-hook", hook], dir.Socket, out _)?.IpHook);

        using var stop = new CancellationTokenSource();
        var log = new StringWriter();
        Task<int> daemon = DaemonCommand.RunAsync(options, TextWriter.Synchronized(log), stop.Token);
        CommandResult result = default!;
        for (int i = 0; i < 100 && !daemon.IsCompleted; i++)
        {
            result = await ControlClient.ExecuteAsync(dir.Socket, ["ifconfig", "-a"]);
            if (result.ExitCode != 69) break;
            await Task.Delay(20);
        }
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("engine not available", result.Error, StringComparison.Ordinal);
        await stop.CancelAsync();
        Assert.Equal(0, await daemon.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(File.Exists(dir.Socket));
    }
}

public sealed class DaemonTelemetryTests
{
    [Fact]
    public void Otlp_export_starts_only_with_an_endpoint()
    {
        if (Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is null)
            Assert.Null(DaemonTelemetry.StartExport(null));
        using IDisposable? export = DaemonTelemetry.StartExport("http://127.0.0.1:9");
        Assert.NotNull(export);
        using (System.Diagnostics.Activity? activity = DaemonTelemetry.Source.StartActivity("probe"))
            Assert.NotNull(activity); // Net80211.* sources are listened to
    }

    /// <summary>A minimal OTLP/HTTP collector (HttpListener on a free loopback port): the daemon's traces and
    /// metrics must arrive as protobuf POSTs on /v1/traces and /v1/metrics, carrying our names.</summary>
    [Fact]
    public async Task Traces_and_metrics_reach_an_otlp_http_collector()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        using var collector = new System.Net.HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>();
        var serving = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                System.Net.HttpListenerContext context;
                try { context = await collector.GetContextAsync(); }
                catch (System.Net.HttpListenerException) { return; }
                catch (ObjectDisposedException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.HttpMethod == "POST" && context.Request.ContentType == "application/x-protobuf")
                    received.AddOrUpdate(context.Request.Url!.AbsolutePath, body.ToArray(), (_, old) => [.. old, .. body.ToArray()]);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        using (IDisposable? export = DaemonTelemetry.StartExport($"http://127.0.0.1:{port}", "http/protobuf"))
        {
            Assert.NotNull(export);
            using (System.Diagnostics.Activity? activity = DaemonTelemetry.Source.StartActivity("otlp-probe"))
                Assert.NotNull(activity);
            DaemonTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("verb", "otlp-probe"));
        }   // disposing flushes both providers

        collector.Stop();
        await serving;
        Assert.True(received.TryGetValue("/v1/traces", out byte[]? traces), "no POST on /v1/traces");
        Assert.True(received.TryGetValue("/v1/metrics", out byte[]? metrics), "no POST on /v1/metrics");
        static bool Has(byte[] body, string text) => body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
        Assert.True(Has(traces!, "wlan-daemon") && Has(traces!, "otlp-probe"), "the span or the service name is missing");
        Assert.True(Has(metrics!, "wlan-daemon") && Has(metrics!, "net80211.daemon.requests"), "the metric or the service name is missing");
    }

    [Fact]
    public void A_bad_otlp_protocol_is_refused()
    {
        Assert.Null(DaemonCommand.Parse(["--otlp", "http://127.0.0.1:4318", "--otlp-protocol", "http/json"], "/tmp/s", out string? error));
        Assert.Equal("daemon: bad OTLP protocol 'http/json' (grpc or http/protobuf)", error);
    }

    [Fact]
    public async Task An_idle_connection_is_closed()
    {
        using var dir = new TempDir();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor(),
            configure: o => o with { IdleTimeout = TimeSpan.FromMilliseconds(100) });
        await using RawClient idle = await RawClient.ConnectAsync(dir.Socket);
        Assert.Null(await idle.ReadLineAsync());
    }
}
