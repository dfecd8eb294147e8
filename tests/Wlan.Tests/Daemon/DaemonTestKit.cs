using System.Net.Sockets;
using System.Text;
using Net80211.Wlan.Daemon;
using Net80211.Wlan.Management;

namespace Wlan.Tests.Daemon;

/// <summary>A private temporary directory (short path: socket paths are limited to ~100 bytes), deleted
/// with everything in it.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wlt-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }
    public string Socket => System.IO.Path.Combine(Path, "d.sock");

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Answers "argv joined by spaces"; verb "fail" fails, "throw" throws, "nope" is an unknown verb.</summary>
internal sealed class EchoProcessor : ICommandProcessor
{
    public Task<CommandResult> ExecuteAsync(IReadOnlyList<string> argv, CancellationToken cancellation) => argv[0] switch
    {
        "throw" => throw new InvalidOperationException("boom"),
        "fail" => Task.FromResult(CommandResult.Fail("failed")),
        "ifconfig" or "sysctl" or "status" or "connect" or "disconnect" => Task.FromResult(CommandResult.Ok(string.Join(' ', argv) + "\n")),
        _ => Task.FromResult(CommandResult.Fail($"wlan: unknown verb '{argv[0]}'", 64)),
    };
}

/// <summary>Blocks every command until <see cref="Release"/>; optionally ignores cancellation.</summary>
internal sealed class BlockingProcessor(bool honourCancellation = true) : ICommandProcessor
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;
    private readonly SemaphoreSlim _startedSignal = new(0);

    private int _finished;

    public int Started => Volatile.Read(ref _started);
    public int Finished => Volatile.Read(ref _finished);

    public void Release() => _release.TrySetResult();

    public async Task WaitStartedAsync(int count)
    {
        for (int i = 0; i < count; i++)
            Assert.True(await _startedSignal.WaitAsync(TimeSpan.FromSeconds(5)), "the command did not start");
    }

    public async Task<CommandResult> ExecuteAsync(IReadOnlyList<string> argv, CancellationToken cancellation)
    {
        Interlocked.Increment(ref _started);
        _startedSignal.Release();
        await (honourCancellation ? _release.Task.WaitAsync(cancellation) : _release.Task);
        Interlocked.Increment(ref _finished);
        return CommandResult.Ok("done " + string.Join(' ', argv));
    }
}

/// <summary>A raw protocol client: bytes out, lines in, each read under a deadline.</summary>
internal sealed class RawClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private RawClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new StreamReader(_stream, new UTF8Encoding(false), false, 1 << 16);
    }

    public static async Task<RawClient> ConnectAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
        return new RawClient(socket);
    }

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    public Task SendLineAsync(string line) => SendAsync(Encoding.UTF8.GetBytes(line + "\n"));

    /// <summary>The next line, or null at the end of the stream.</summary>
    public async Task<string?> ReadLineAsync(int timeoutMs = 5000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        return await _reader.ReadLineAsync(cts.Token);
    }

    public async Task<ControlResponse> ReadResponseAsync()
    {
        string? line = await ReadLineAsync();
        Assert.NotNull(line);
        ServerMessage? message = ControlProtocol.ParseServerMessage(Encoding.UTF8.GetBytes(line));
        Assert.True(message?.Response is not null, $"not a response: {line}");
        return message.Response!;
    }

    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
    }
}

internal static class Files
{
    public static UnixFileMode Mode(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);
}

internal static class Servers
{
    public static async Task<ControlServer> StartAsync(string socket, ICommandProcessor processor,
        IEventSource? events = null, Func<CancellationToken, Task>? hook = null, Func<ControlServerOptions, ControlServerOptions>? configure = null)
    {
        var options = new ControlServerOptions(socket) { RequestTimeout = TimeSpan.FromSeconds(5), ShutdownDeadline = TimeSpan.FromSeconds(2) };
        var server = new ControlServer(processor, configure?.Invoke(options) ?? options, events, hook);
        await server.StartAsync();
        return server;
    }
}
