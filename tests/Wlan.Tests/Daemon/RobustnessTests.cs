using System.Text;
using Net80211.Wlan.Daemon;
using Net80211.Wlan.Management;

namespace Wlan.Tests.Daemon;

/// <summary>Thousands of bad requests: each gets an error answer or a clean close, and the server keeps serving.</summary>
public sealed class RobustnessTests
{
    private static readonly string[] Malformed =
    [
        "", " ", "{", "}", "[]", "null", "42", "\"text\"", "{\"v\":1", "{\"v\":1,\"id\":1,\"argv\":[\"status\"]",
        "{\"v\":1,\"id\":1}", "{\"id\":1,\"argv\":[\"status\"]}", "{\"v\":2,\"id\":1,\"argv\":[\"status\"]}",
        "{\"v\":\"1\",\"id\":1,\"argv\":[\"status\"]}", "{\"v\":1,\"id\":\"1\",\"argv\":[\"status\"]}",
        "{\"v\":1,\"id\":1.5,\"argv\":[\"status\"]}", "{\"v\":1,\"id\":99999999999,\"argv\":[\"status\"]}",
        "{\"v\":1,\"id\":1,\"argv\":\"status\"}", "{\"v\":1,\"id\":1,\"argv\":[]}", "{\"v\":1,\"id\":1,\"argv\":[1,2]}",
        "{\"v\":1,\"id\":1,\"argv\":[null]}", "{\"v\":1,\"id\":1,\"argv\":[[\"status\"]]}",
        "{\"v\":1,\"id\":1,\"subscribe\":\"nonsense\"}", "{\"v\":1,\"id\":1,\"subscribe\":7}",
        "{\"v\":1,\"id\":1,\"argv\":[\"status\"],\"subscribe\":\"events\"}", "{\"v\":1,\"id\":1,\"argv\":[\"nope\"]}",
        "{\"v\":1,\"id\":1,\"argv\":[\"\"]}", "{\"v\":1,\"id\":1,\"argv\":[\"throw\"]}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "{\"v\":1,\"id\":1,\"argv\":[\"status\"]} trailing", "\u00ff\u00fe", "{\"v\":1,\"v\":1,\"id\":1}",
    ];

    [Fact]
    public async Task Bad_requests_get_answers_and_the_server_stays_up()
    {
        using var dir = new TempDir();
        await using ControlServer server = await Servers.StartAsync(dir.Socket, new EchoProcessor());
        var random = new Random(80211);
        int answered = 0;

        // 1. Line-level garbage on long-lived connections: exactly one answer per line, never exit 0.
        for (int connection = 0; connection < 10; connection++)
        {
            await using RawClient client = await RawClient.ConnectAsync(dir.Socket);
            for (int i = 0; i < 250; i++)
            {
                byte[] line = (i % 3) switch
                {
                    0 => RandomBytes(random, random.Next(0, 300)),
                    1 => Encoding.UTF8.GetBytes(Malformed[random.Next(Malformed.Length)]),
                    _ => Truncated(random),
                };
                await client.SendAsync([.. line, (byte)'\n']);
                ControlResponse response = await client.ReadResponseAsync();
                Assert.NotEqual(0, response.Result.ExitCode);
                Assert.NotEqual("", response.Result.Error);
                answered++;
            }
            // the same connection still works
            await client.SendLineAsync("""{"v":1,"id":7,"argv":["status"]}""");
            Assert.Equal(new ControlResponse(7, CommandResult.Ok("status\n")), await client.ReadResponseAsync());
        }

        // 2. Mutated valid requests: some still valid, all answered.
        await using (RawClient client = await RawClient.ConnectAsync(dir.Socket))
        {
            byte[] valid = ControlProtocol.FormatRequest(3, ["ifconfig", "wlan0", "ssid", "x"]);
            for (int i = 0; i < 500; i++)
            {
                byte[] m = valid[..^1];
                for (int k = random.Next(1, 4); k > 0; k--)
                    m[random.Next(m.Length)] = (byte)random.Next(0x20, 0x7f);
                await client.SendAsync([.. m, (byte)'\n']);
                _ = await client.ReadResponseAsync();
                answered++;
            }
        }

        // 3. Oversized lines: an error answer, then the connection closes.
        for (int i = 0; i < 5; i++)
        {
            await using RawClient client = await RawClient.ConnectAsync(dir.Socket);
            byte[] huge = new byte[ControlProtocol.MaxLineBytes + 1 + random.Next(100_000)];
            huge.AsSpan().Fill((byte)'a');
            Task send = client.SendAsync([.. huge, (byte)'\n']);
            ControlResponse response = await client.ReadResponseAsync();
            Assert.Equal(64, response.Result.ExitCode);
            Assert.Contains("longer than", response.Result.Error, StringComparison.Ordinal);
            Assert.Null(await client.ReadLineAsync());
            try { await send; } catch (IOException) { } // the server may close before reading it all
            answered++;
        }

        // 4. Clients that leave mid-request, or before reading their answer.
        for (int i = 0; i < 200; i++)
        {
            await using RawClient client = await RawClient.ConnectAsync(dir.Socket);
            byte[] request = ControlProtocol.FormatRequest(i, ["status"]);
            if (i % 2 == 0)
            {
                await client.SendAsync(request[..random.Next(1, request.Length - 1)]);
                client.ShutdownSend();
                Assert.Null(await client.ReadLineAsync()); // a clean close, no answer to half a request
            }
            else
            {
                await client.SendAsync(request);
            }
        }

        // 5. Still serving.
        Assert.True(answered >= 3000);
        Assert.Equal(CommandResult.Ok("ifconfig -a\n"), await ControlClient.ExecuteAsync(dir.Socket, ["ifconfig", "-a"]));
        for (int i = 0; i < 100 && server.ActiveConnections > 0; i++) await Task.Delay(20);
        Assert.Equal(0, server.ActiveConnections);
    }

    [Fact]
    public void The_parser_never_throws()
    {
        var random = new Random(5);
        for (int i = 0; i < 20_000; i++)
        {
            RequestParse parse = ControlProtocol.ParseRequest(i % 2 == 0 ? RandomBytes(random, random.Next(0, 64)) : Truncated(random));
            Assert.True(parse.Request is not null ^ parse.Error is not null);
            _ = ControlProtocol.ParseServerMessage(RandomBytes(random, random.Next(0, 64)));
        }
    }

    [Fact]
    public void Errors_keep_the_request_id_when_it_can_be_read()
    {
        RequestParse wrongVersion = ControlProtocol.ParseRequest("""{"v":9,"id":12,"argv":["status"]}"""u8);
        Assert.Equal(12, wrongVersion.Error!.Id);
        Assert.Equal(64, wrongVersion.Error.Result.ExitCode);
        Assert.Contains("version 9", wrongVersion.Error.Result.Error, StringComparison.Ordinal);
        Assert.Equal(0, ControlProtocol.ParseRequest("{oops"u8).Error!.Id);
        Assert.Equal(["ifconfig", "-a"], ControlProtocol.ParseRequest("""{"v":1,"id":1,"argv":["ifconfig","-a"]}"""u8).Request!.Argv);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        for (int i = 0; i < bytes.Length; i++)
            if (bytes[i] == '\n') bytes[i] = (byte)'x';
        return bytes;
    }

    private static byte[] Truncated(Random random)
    {
        byte[] valid = ControlProtocol.FormatRequest(random.Next(), ["ifconfig", "wlan0", "up"]);
        return valid[..random.Next(0, valid.Length - 2)];
    }
}
