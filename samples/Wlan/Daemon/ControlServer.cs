using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Net80211.Events;
using Net80211.Wlan.Management;

namespace Net80211.Wlan.Daemon;

/// <summary>Limits and deadlines of a <see cref="ControlServer"/>.</summary>
public sealed record ControlServerOptions(string SocketPath)
{
    public int MaxConnections { get; init; } = 32;
    /// <summary>How long a connection beyond the limit waits for a free slot before it is told the daemon is busy.</summary>
    public TimeSpan BusyWait { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>A connection that sends no request for this long is closed (subscribers excepted).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>How long a write to a client may take before the connection is dropped (a client that does
    /// not read must not hold a connection slot forever).</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How long shutdown waits for requests in flight before cancelling them.</summary>
    public TimeSpan ShutdownDeadline { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Events queued per subscriber; a slow subscriber loses the oldest.</summary>
    public int EventQueueCapacity { get; init; } = 1024;
    /// <summary>Which peers may talk to the daemon (Linux, SO_PEERCRED); null: the daemon's own uid and root
    /// (<see cref="PeerCredentials.IsAllowed"/>).</summary>
    public Func<PeerCredentials, bool>? AcceptPeer { get; init; }
}

/// <summary>The daemon could not start because another daemon answers on its socket.</summary>
public sealed class DaemonAlreadyRunningException(string socketPath)
    : Exception($"another daemon is already answering at {socketPath}")
{
    public string SocketPath { get; } = socketPath;
}

/// <summary>
/// Serves an <see cref="ICommandProcessor"/> (and optionally an <see cref="IEventSource"/>) over a Unix domain
/// socket with <see cref="ControlProtocol"/>. One task per connection, at most
/// <see cref="ControlServerOptions.MaxConnections"/>; requests on one connection run one after another. Bad
/// input gets an error response, never an exception. <see cref="StopAsync"/> stops accepting, lets requests in
/// flight finish until the deadline, runs the shutdown hook and removes the socket file.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    private readonly ICommandProcessor _processor;
    private readonly IEventSource? _events;
    private readonly Func<CancellationToken, Task>? _shutdownHook;
    private readonly ControlServerOptions _options;
    private readonly ILogger _log;

    private readonly CancellationTokenSource _stopAccepting = new(); // no new connections, no new requests
    private readonly CancellationTokenSource _abort = new();         // requests in flight are cancelled
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private readonly SemaphoreSlim _slots;
    private Socket? _listener;
    private Task? _acceptLoop;
    private Task? _stopping;
    private long _nextConnection;
    private bool _closing;
    private readonly Lock _stopLock = new();

    public ControlServer(ICommandProcessor processor, ControlServerOptions options, IEventSource? events = null,
        Func<CancellationToken, Task>? shutdownHook = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnections, 1);
        _processor = processor;
        _options = options;
        _events = events;
        _shutdownHook = shutdownHook;
        _log = logger ?? NullLogger.Instance;
        _slots = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
    }

    public string SocketPath => _options.SocketPath;

    /// <summary>Connections being served now.</summary>
    public int ActiveConnections => _connections.Count;

    /// <summary>Connections refused because of who the peer is (Linux peer credential check).</summary>
    public long RefusedPeers => Interlocked.Read(ref _refusedPeers);
    private long _refusedPeers;
    private readonly uint? _ownUid = PeerCredentials.EffectiveUid();

    /// <summary>Binds the socket (owner-only) and starts accepting. A stale socket file is removed; a live
    /// daemon on it raises <see cref="DaemonAlreadyRunningException"/>.</summary>
    public async Task StartAsync(CancellationToken cancellation = default)
    {
        if (_listener is not null) throw new InvalidOperationException("the server is already started");
        string path = _options.SocketPath;
        if (File.Exists(path))
        {
            if (await ControlClient.AnswersAsync(path, TimeSpan.FromSeconds(1), cancellation).ConfigureAwait(false))
                throw new DaemonAlreadyRunningException(path);
            _log.LogInformation("removing stale socket {Path}", path);
            File.Delete(path);
        }
        _listener = BindOwnerOnly(path);
        _listener.Listen(Math.Max(128, 2 * _options.MaxConnections)); // bursts of clients wait in the backlog
        _log.LogInformation("listening on {Path}", path);
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>
    /// Binds in a fresh owner-only directory beside <paramref name="path"/>, makes the socket 0600, then renames it
    /// into place: no moment exists when others could connect through a looser mode.
    /// </summary>
    private static Socket BindOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("the control socket needs Unix file modes");
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? "/";
        string staging = Path.Combine(dir, $".wlan{Environment.ProcessId}-{Random.Shared.Next(1 << 20):x}");
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            Directory.CreateDirectory(staging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            string temp = Path.Combine(staging, "s");
            socket.Bind(new UnixDomainSocketEndPoint(temp));
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temp, full, overwrite: false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        finally
        {
            try { Directory.Delete(staging, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private async Task AcceptLoopAsync()
    {
        Socket listener = _listener!;
        while (!_stopAccepting.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stopAccepting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { break; }
            catch (ObjectDisposedException) { break; }
            catch (SocketException) when (Volatile.Read(ref _closing)) { break; }
            catch (SocketException e)
            {
                _log.LogWarning("accept failed: {Error}", e.SocketErrorCode);
                await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            long id = Interlocked.Increment(ref _nextConnection);
            // At the limit, a newcomer waits a moment for a slot (accepting no one else meanwhile), then is refused.
            bool slot;
            try
            {
                slot = await _slots.WaitAsync(_options.BusyWait, _stopAccepting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                client.Dispose();
                break;
            }
            if (!slot)
            {
                _log.LogWarning("refusing a connection: {Max} clients are connected", _options.MaxConnections);
                Track(id, RefuseAsync(client));
                continue;
            }
            Track(id, ServeAsync(client));
        }
    }

    private void Track(long id, Task task)
    {
        _connections[id] = task;
        _ = task.ContinueWith(static (_, state) =>
        {
            var (self, key) = ((ControlServer, long))state!;
            self._connections.TryRemove(key, out Task? _);
        }, (this, id), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RefuseAsync(Socket client)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        await AnswerAndCloseAsync(client, stream, CommandResult.Fail($"wlan: the daemon is busy ({_options.MaxConnections} clients connected); try again")).ConfigureAwait(false);
    }

    /// <summary>The one answer a connection gets before it is closed (id 0: no request was read).</summary>
    private async Task AnswerAndCloseAsync(Socket client, Stream stream, CommandResult answer)
    {
        if (await TryWriteAsync(stream, ControlProtocol.FormatResponse(0, answer)).ConfigureAwait(false))
            await CloseAfterAnswerAsync(client, stream).ConfigureAwait(false);
    }

    /// <summary>
    /// Closing a Unix socket with unread input resets the peer, which may then lose the answer it has not read
    /// yet. So: end our side, then discard what the client still sends (bounded in time and bytes) until it closes.
    /// </summary>
    private static async Task CloseAfterAnswerAsync(Socket client, Stream stream)
    {
        try
        {
            client.Shutdown(SocketShutdown.Send);
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            byte[] sink = new byte[16 * 1024];
            for (long total = 0; total < 16L * 1024 * 1024;)
            {
                int n = await stream.ReadAsync(sink, deadline.Token).ConfigureAwait(false);
                if (n == 0) break;
                total += n;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException) { }
    }

    private async Task ServeAsync(Socket client)
    {
        await Task.Yield(); // leave the accept loop at once
        DaemonTelemetry.Connections.Add(1);
        try
        {
            await using var stream = new NetworkStream(client, ownsSocket: true);
            if (!PeerAllowed(client, out string who))
            {
                Interlocked.Increment(ref _refusedPeers);
                DaemonTelemetry.RefusedPeers.Add(1);
                _log.LogWarning("refusing a connection from {Peer}", who);
                await AnswerAndCloseAsync(client, stream, CommandResult.Fail("wlan: permission denied", ControlProtocol.ExitNoPermission)).ConfigureAwait(false);
                return;
            }
            var reader = new LineReader(stream);
            while (true)
            {
                LineResult line;
                using (var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopAccepting.Token))
                {
                    idle.CancelAfter(_options.IdleTimeout);
                    try
                    {
                        line = await reader.ReadLineAsync(idle.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) { return; } // shutting down, or idle too long
                }

                switch (line.Status)
                {
                    case LineStatus.End:
                    case LineStatus.Truncated: // the client left mid-request: nobody to answer
                        return;
                    case LineStatus.TooLong:
                        await AnswerAndCloseAsync(client, stream, CommandResult.Fail($"wlan: request longer than {ControlProtocol.MaxLineBytes} bytes; closing", ControlProtocol.ExitUsage)).ConfigureAwait(false);
                        return;
                }

                RequestParse parse = ControlProtocol.ParseRequest(line.Line.Span);
                if (parse.Request is not { } request)
                {
                    DaemonTelemetry.BadRequests.Add(1);
                    if (!await TryWriteAsync(stream, ControlProtocol.FormatResponse(parse.Error!.Id, parse.Error.Result)).ConfigureAwait(false))
                        return;
                    continue;
                }
                if (request.Subscribe is not null)
                {
                    await StreamEventsAsync(stream, reader, request.Id).ConfigureAwait(false);
                    return;
                }
                CommandResult result = await ExecuteAsync(request.Argv!).ConfigureAwait(false);
                if (!await TryWriteAsync(stream, ControlProtocol.FormatResponse(request.Id, result)).ConfigureAwait(false))
                    return;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // the client went away; nothing to clean up beyond the socket
        }
        catch (Exception e)
        {
            _log.LogError(e, "connection failed");
        }
        finally
        {
            DaemonTelemetry.Connections.Add(-1);
            _slots.Release();
        }
    }

    /// <summary>On Linux only the daemon's own user and root get in (the socket file is 0600 too, but a
    /// directory or file mode is easily loosened). A peer whose credentials cannot be read is refused.
    /// Elsewhere there is no SO_PEERCRED and the file mode is the guard.</summary>
    private bool PeerAllowed(Socket client, out string who)
    {
        who = "";
        if (!PeerCredentials.Supported) return true;
        if (!PeerCredentials.TryRead(client, out var peer) || (_options.AcceptPeer is null && _ownUid is null))
        {
            who = "a peer whose credentials cannot be read";
            return false;
        }
        who = $"pid {peer.Pid} uid {peer.Uid}";
        return _options.AcceptPeer?.Invoke(peer) ?? PeerCredentials.IsAllowed(peer.Uid, _ownUid!.Value);
    }

    /// <summary>Runs one command under the request timeout; every outcome is a <see cref="CommandResult"/>.</summary>
    private async Task<CommandResult> ExecuteAsync(IReadOnlyList<string> argv)
    {
        using Activity? activity = DaemonTelemetry.Source.StartActivity("wlan " + argv[0]);
        activity?.SetTag("wlan.argv.count", argv.Count);
        long started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        timeout.CancelAfter(_options.RequestTimeout);
        CommandResult result;
        try
        {
            // WaitAsync: a processor that ignores its token still cannot hold the connection past the deadline.
            result = await _processor.ExecuteAsync(argv, timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false)
                ?? CommandResult.Fail("wlan: the engine returned no result");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            result = _abort.IsCancellationRequested
                ? CommandResult.Fail("wlan: the daemon is shutting down")
                : CommandResult.Fail($"wlan: '{argv[0]}' timed out after {ControlProtocol.Seconds(_options.RequestTimeout)} s");
        }
        catch (Exception e)
        {
            _log.LogError(e, "command {Verb} failed", argv[0]);
            result = CommandResult.Fail($"wlan: internal error in '{argv[0]}': {e.Message}");
        }
        DaemonTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("wlan.verb", argv[0]),
            new KeyValuePair<string, object?>("wlan.exit", result.ExitCode));
        DaemonTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        activity?.SetTag("wlan.exit", result.ExitCode);
        if (result.ExitCode != 0) activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        return result;
    }

    private async Task StreamEventsAsync(Stream stream, LineReader reader, int id)
    {
        if (_events is null)
        {
            await TryWriteAsync(stream, ControlProtocol.FormatResponse(id, CommandResult.Fail("wlan: this daemon has no event stream"))).ConfigureAwait(false);
            return;
        }
        var queue = Channel.CreateBounded<StackEvent>(new BoundedChannelOptions(_options.EventQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        void OnEvent(StackEvent e) => queue.Writer.TryWrite(e);
        _events.EventRaised += OnEvent;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stopAccepting.Token);
        Task watcher = WatchForCloseAsync(reader, done);
        try
        {
            if (!await TryWriteAsync(stream, ControlProtocol.FormatResponse(id, CommandResult.Ok(""))).ConfigureAwait(false))
                return;
            await foreach (StackEvent e in queue.Reader.ReadAllAsync(done.Token).ConfigureAwait(false))
            {
                if (!await TryWriteAsync(stream, ControlProtocol.FormatEvent(e)).ConfigureAwait(false))
                    return;
            }
        }
        catch (OperationCanceledException) { }
        finally
        {
            _events.EventRaised -= OnEvent;
            await done.CancelAsync().ConfigureAwait(false);
            await watcher.ConfigureAwait(false);
        }
    }

    /// <summary>A subscriber sends nothing more; reading tells when it leaves. Lines it sends are ignored.</summary>
    private static async Task WatchForCloseAsync(LineReader reader, CancellationTokenSource done)
    {
        try
        {
            while ((await reader.ReadLineAsync(done.Token).ConfigureAwait(false)).Status == LineStatus.Line) { }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException) { }
        try { await done.CancelAsync().ConfigureAwait(false); } catch (ObjectDisposedException) { }
    }

    /// <summary>Writes one line; false when the client is gone or does not read within the write timeout.</summary>
    private async Task<bool> TryWriteAsync(Stream stream, byte[] line)
    {
        using var timeout = new CancellationTokenSource(_options.WriteTimeout);
        try
        {
            await stream.WriteAsync(line, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Stops accepting, lets requests in flight finish until the deadline (then cancels them), runs the shutdown
    /// hook, deletes the socket file. Safe to call more than once; later calls wait for the first.
    /// </summary>
    public Task StopAsync()
    {
        lock (_stopLock)
            return _stopping ??= StopCoreAsync();
    }

    private async Task StopCoreAsync()
    {
        if (_listener is null) return;
        _log.LogInformation("shutting down: no new requests");
        Volatile.Write(ref _closing, true);
        _listener.Dispose(); // first: from now on connecting fails
        await _stopAccepting.CancelAsync().ConfigureAwait(false);
        if (_acceptLoop is not null) await _acceptLoop.ConfigureAwait(false);

        Task all = Task.WhenAll(_connections.Values);
        if (!await FinishesWithin(all, _options.ShutdownDeadline).ConfigureAwait(false))
        {
            _log.LogWarning("requests still running after {Deadline} s: cancelling them", ControlProtocol.Seconds(_options.ShutdownDeadline));
            await _abort.CancelAsync().ConfigureAwait(false);
            await FinishesWithin(Task.WhenAll(_connections.Values), _options.WriteTimeout).ConfigureAwait(false);
        }

        if (_shutdownHook is not null)
        {
            using var hookDeadline = new CancellationTokenSource(_options.ShutdownDeadline);
            try
            {
                await _shutdownHook(hookDeadline.Token).WaitAsync(hookDeadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _log.LogWarning("shutdown hook did not finish within {Deadline} s", ControlProtocol.Seconds(_options.ShutdownDeadline));
            }
            catch (Exception e)
            {
                _log.LogError(e, "shutdown hook failed");
            }
        }

        try { File.Delete(_options.SocketPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { _log.LogWarning("cannot remove {Path}: {Error}", _options.SocketPath, e.Message); }
        _log.LogInformation("stopped");
    }

    private static async Task<bool> FinishesWithin(Task task, TimeSpan deadline)
    {
        try
        {
            await task.WaitAsync(deadline).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException) { return false; }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopAccepting.Dispose();
        _abort.Dispose();
        _slots.Dispose();
    }
}
