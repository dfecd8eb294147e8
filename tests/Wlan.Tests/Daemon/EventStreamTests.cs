using System.Text;
using Net80211.Events;
using Net80211.Wlan.Daemon;
using Net80211.Wlan.Management;

namespace Wlan.Tests.Daemon;

public sealed class EventStreamTests
{
    [Fact]
    public async Task A_subscriber_receives_events_as_json_lines()
    {
        using var dir = new TempDir();
        var hub = new EventHub();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor(), hub);
        await using RawClient raw = await RawClient.ConnectAsync(dir.Socket);
        await raw.SendLineAsync("""{"v":1,"id":5,"subscribe":"events"}""");
        Assert.Equal(new ControlResponse(5, CommandResult.Ok("")), await raw.ReadResponseAsync());

        hub.Publish(new RadioEvent(TimeSpan.FromSeconds(0.5), "hwsim0", "attached"));
        hub.Publish(new VapEvent(TimeSpan.FromSeconds(1.25), "hwsim0", "wlan0", "joined"));
        Assert.Equal("""{"v":1,"event":{"time":0.5,"radio":"hwsim0","vap":null,"text":"hwsim0: attached"}}""", await raw.ReadLineAsync());
        Assert.Equal("""{"v":1,"event":{"time":1.25,"radio":"hwsim0","vap":"wlan0","text":"wlan0: joined"}}""", await raw.ReadLineAsync());
    }

    [Fact]
    public async Task The_client_streams_until_cancelled_and_the_server_lets_go()
    {
        using var dir = new TempDir();
        var hub = new EventHub();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor(), hub);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var publishing = new CancellationTokenSource();
        // Publish until the subscriber has seen enough (it subscribes at an unknown moment).
        Task publisher = Task.Run(async () =>
        {
            for (int i = 0; !publishing.IsCancellationRequested; i++)
            {
                hub.Publish(new VapEvent(TimeSpan.FromMilliseconds(i), "hwsim0", "wlan0", $"event {i}"));
                await Task.Delay(5);
            }
        });
        var seen = new List<EventLine>();
        CommandResult? failure = null;
        await foreach (EventLine e in ControlClient.SubscribeAsync(dir.Socket, r => failure = r, stop.Token))
        {
            seen.Add(e);
            if (seen.Count == 3) break;
        }
        await publishing.CancelAsync();
        await publisher;
        Assert.Null(failure);
        Assert.Equal(3, seen.Count);
        Assert.All(seen, e => Assert.StartsWith("wlan0: event ", e.Text, StringComparison.Ordinal));
        Assert.Equal("wlan0", seen[0].Vap);
        for (int i = 0; i < 100 && server.ActiveConnections > 0; i++) await Task.Delay(20);
        Assert.Equal(0, server.ActiveConnections);
    }

    [Fact]
    public async Task Subscribing_without_a_daemon_or_an_event_source_fails_clearly()
    {
        using var dir = new TempDir();
        CommandResult? failure = null;
        await foreach (EventLine _ in ControlClient.SubscribeAsync(dir.Socket, r => failure = r)) { }
        Assert.Equal(69, failure?.ExitCode);

        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor());
        failure = null;
        await foreach (EventLine _ in ControlClient.SubscribeAsync(dir.Socket, r => failure = r)) { }
        Assert.Equal(1, failure?.ExitCode);
        Assert.Contains("no event stream", failure?.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_ends_the_stream()
    {
        using var dir = new TempDir();
        ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor(), new EventHub());
        await using RawClient raw = await RawClient.ConnectAsync(dir.Socket);
        await raw.SendSubscribeAsync();
        _ = await raw.ReadResponseAsync();
        await server.StopAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Null(await raw.ReadLineAsync());
        await server.DisposeAsync();
    }
}

internal static class RawClientExtensions
{
    public static Task SendSubscribeAsync(this RawClient client) => client.SendAsync(ControlProtocol.FormatSubscribe(1));

    public static string Utf8(this byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
