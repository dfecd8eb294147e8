using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Net80211.Wlan.Management;

namespace Net80211.Wlan.Daemon;

/// <summary>
/// The CLI's side of <see cref="ControlProtocol"/>: one connection per command, or one long-lived
/// subscription to the event stream. Failures come back as <see cref="CommandResult"/>s, not exceptions.
/// </summary>
public static class ControlClient
{
    /// <summary>Responses (a long scan list, a big sysctl tree) may be longer than requests.</summary>
    private const int MaxResponseBytes = 64 * 1024 * 1024;

    public static string CannotReach(string socketPath) =>
        $"wlan: cannot reach the daemon at {socketPath}: is `./wlan daemon` running?";

    /// <summary>Runs <paramref name="argv"/> in the daemon. Exit 69 when no daemon answers.</summary>
    public static async Task<CommandResult> ExecuteAsync(string socketPath, IReadOnlyList<string> argv,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(argv);
        if (argv.Count == 0) return CommandResult.Fail("wlan: no command", ControlProtocol.ExitUsage);
        byte[] request = ControlProtocol.FormatRequest(1, argv);
        if (request.Length > ControlProtocol.MaxLineBytes)
            return CommandResult.Fail($"wlan: command longer than {ControlProtocol.MaxLineBytes} bytes", ControlProtocol.ExitUsage);

        Socket? socket = await ConnectAsync(socketPath, cancellation).ConfigureAwait(false);
        if (socket is null) return CommandResult.Fail(CannotReach(socketPath), ControlProtocol.ExitUnavailable);
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            await stream.WriteAsync(request, cancellation).ConfigureAwait(false);
            var reader = new LineReader(stream, MaxResponseBytes);
            LineResult line = await reader.ReadLineAsync(cancellation).ConfigureAwait(false);
            if (line.Status != LineStatus.Line)
                return CommandResult.Fail($"wlan: the daemon at {socketPath} closed the connection without answering", ControlProtocol.ExitUnavailable);
            ServerMessage? message = ControlProtocol.ParseServerMessage(line.Line.Span);
            return message?.Response?.Result
                ?? CommandResult.Fail($"wlan: unreadable answer from the daemon: {ControlProtocol.Describe(line.Line.Span)}", ControlProtocol.ExitUnavailable);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            return CommandResult.Fail($"wlan: lost the daemon at {socketPath}: {e.Message}", ControlProtocol.ExitUnavailable);
        }
    }

    /// <summary>
    /// Subscribes to the event stream and yields events until <paramref name="cancellation"/> or the daemon
    /// closes. <paramref name="onError"/> gets the failure (no daemon, refused subscription), if any.
    /// </summary>
    public static async IAsyncEnumerable<EventLine> SubscribeAsync(string socketPath, Action<CommandResult> onError,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(onError);
        Socket? socket = await ConnectAsync(socketPath, cancellation).ConfigureAwait(false);
        if (socket is null)
        {
            onError(CommandResult.Fail(CannotReach(socketPath), ControlProtocol.ExitUnavailable));
            yield break;
        }
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        if (!await TryAsync(stream.WriteAsync(ControlProtocol.FormatSubscribe(1), cancellation).AsTask()).ConfigureAwait(false))
        {
            onError(CommandResult.Fail($"wlan: lost the daemon at {socketPath}", ControlProtocol.ExitUnavailable));
            yield break;
        }
        var reader = new LineReader(stream);
        bool acknowledged = false;
        while (true)
        {
            LineResult line;
            try
            {
                line = await reader.ReadLineAsync(cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { yield break; }
            catch (Exception e) when (e is IOException or SocketException) { line = new LineResult(LineStatus.End, default); }
            if (line.Status != LineStatus.Line)
            {
                if (!acknowledged) onError(CommandResult.Fail($"wlan: the daemon at {socketPath} closed the connection", ControlProtocol.ExitUnavailable));
                yield break;
            }
            ServerMessage? message = ControlProtocol.ParseServerMessage(line.Line.Span);
            if (message?.Response is { } response)
            {
                if (response.Result.ExitCode != 0)
                {
                    onError(response.Result);
                    yield break;
                }
                acknowledged = true;
            }
            else if (message?.Event is { } e)
            {
                yield return e;
            }
        }
    }

    /// <summary>True when something accepts connections at <paramref name="socketPath"/>.</summary>
    public static async Task<bool> AnswersAsync(string socketPath, TimeSpan timeout, CancellationToken cancellation = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        using Socket? socket = await ConnectAsync(socketPath, deadline.Token).ConfigureAwait(false);
        return socket is not null;
    }

    /// <summary>A connected socket, or null when nothing listens at the path. A full backlog (EAGAIN: a burst of
    /// clients) is retried for up to a second.</summary>
    private static async Task<Socket?> ConnectAsync(string socketPath, CancellationToken cancellation)
    {
        for (int attempt = 0; ; attempt++)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellation).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TryAgain or SocketError.WouldBlock && attempt < 50)
            {
                socket.Dispose();
            }
            catch (Exception e) when (e is SocketException or IOException or ArgumentException or OperationCanceledException)
            {
                socket.Dispose();
                return null;
            }
            try
            {
                await Task.Delay(20, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { return null; }
        }
    }

    private static async Task<bool> TryAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException) { return false; }
    }
}
