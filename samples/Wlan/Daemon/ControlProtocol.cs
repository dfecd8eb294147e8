using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Net80211.Events;
using Net80211.Wlan.Management;

namespace Net80211.Wlan.Daemon;

/// <summary>
/// The daemon's control protocol, version 1: UTF-8 JSON, one object per line ('\n'), each line at most
/// <see cref="MaxLineBytes"/> bytes.
/// <code>
/// → {"v":1,"id":7,"argv":["ifconfig","-a"]}
/// ← {"v":1,"id":7,"exit":0,"out":"...","err":""}
/// → {"v":1,"id":8,"subscribe":"events"}
/// ← {"v":1,"id":8,"exit":0,"out":"","err":""}              (then, until either side closes)
/// ← {"v":1,"event":{"time":1.25,"radio":"hwsim0","vap":"wlan0","text":"wlan0: SCAN -> AUTH (ScanDone)"}}
/// </code>
/// A request the daemon cannot use gets a response with <c>exit</c> 64 (usage) and the reason in <c>err</c>;
/// its <c>id</c> is the request's when that could be read, else 0.
/// </summary>
public static class ControlProtocol
{
    public const int Version = 1;
    public const int MaxLineBytes = 64 * 1024;
    public const int MaxArgs = 1024;

    public const int ExitUsage = 64;        // EX_USAGE
    public const int ExitUnavailable = 69;  // EX_UNAVAILABLE
    public const int ExitSoftware = 70;     // EX_SOFTWARE
    public const int ExitNoPermission = 77; // EX_NOPERM
    public const int ExitTempFail = 75;     // EX_TEMPFAIL

    public const string EventsTopic = "events";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };
    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 8 };

    // ---- requests ----

    /// <summary>Parses one request line (without its '\n'). Never throws.</summary>
    public static RequestParse ParseRequest(ReadOnlySpan<byte> line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line.ToArray(), ReaderOptions);
        }
        catch (JsonException e)
        {
            return RequestParse.Fail(0, $"malformed request: {FirstLine(e.Message)}");
        }
        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return RequestParse.Fail(0, "malformed request: expected a JSON object");

            int id = 0;
            if (root.TryGetProperty("id", out JsonElement idElement))
            {
                if (idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt32(out id))
                    return RequestParse.Fail(0, "bad request: \"id\" must be a 32-bit integer");
            }
            else
            {
                return RequestParse.Fail(0, "bad request: missing \"id\"");
            }

            if (!root.TryGetProperty("v", out JsonElement v))
                return RequestParse.Fail(id, "bad request: missing \"v\" (protocol version)");
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int version) || version != Version)
                return RequestParse.Fail(id, $"unsupported protocol version {Raw(v)} (this daemon speaks {Version})");

            bool hasArgv = root.TryGetProperty("argv", out JsonElement argvElement);
            bool hasSubscribe = root.TryGetProperty("subscribe", out JsonElement subscribe);
            if (hasArgv == hasSubscribe)
                return RequestParse.Fail(id, "bad request: exactly one of \"argv\" and \"subscribe\" is required");

            if (hasSubscribe)
            {
                if (subscribe.ValueKind != JsonValueKind.String || subscribe.GetString() != EventsTopic)
                    return RequestParse.Fail(id, $"bad request: unknown subscription {Raw(subscribe)} (known: \"{EventsTopic}\")");
                return new RequestParse(new ControlRequest(id, null, EventsTopic), null);
            }

            if (argvElement.ValueKind != JsonValueKind.Array)
                return RequestParse.Fail(id, "bad request: \"argv\" must be an array of strings");
            int count = argvElement.GetArrayLength();
            if (count == 0)
                return RequestParse.Fail(id, "bad request: \"argv\" is empty");
            if (count > MaxArgs)
                return RequestParse.Fail(id, $"bad request: more than {MaxArgs} arguments");
            var argv = new string[count];
            int i = 0;
            foreach (JsonElement arg in argvElement.EnumerateArray())
            {
                if (arg.ValueKind != JsonValueKind.String)
                    return RequestParse.Fail(id, $"bad request: argv[{i}] is not a string");
                argv[i++] = arg.GetString()!;
            }
            return new RequestParse(new ControlRequest(id, argv, null), null);
        }
    }

    public static byte[] FormatRequest(int id, IReadOnlyList<string> argv) => Write(w =>
    {
        w.WriteNumber("v", Version);
        w.WriteNumber("id", id);
        w.WriteStartArray("argv");
        foreach (string a in argv) w.WriteStringValue(a);
        w.WriteEndArray();
    });

    public static byte[] FormatSubscribe(int id) => Write(w =>
    {
        w.WriteNumber("v", Version);
        w.WriteNumber("id", id);
        w.WriteString("subscribe", EventsTopic);
    });

    // ---- responses and events ----

    public static byte[] FormatResponse(int id, CommandResult result) => Write(w =>
    {
        w.WriteNumber("v", Version);
        w.WriteNumber("id", id);
        w.WriteNumber("exit", result.ExitCode);
        w.WriteString("out", result.Output);
        w.WriteString("err", result.Error);
    });

    public static byte[] FormatEvent(StackEvent e) => FormatEvent(new EventLine(e.Time.TotalSeconds, e.Radio, e.Vap, e.Describe()));

    public static byte[] FormatEvent(EventLine e) => Write(w =>
    {
        w.WriteNumber("v", Version);
        w.WriteStartObject("event");
        w.WriteNumber("time", Math.Round(e.Time, 6));
        w.WriteString("radio", e.Radio);
        if (e.Vap is null) w.WriteNull("vap"); else w.WriteString("vap", e.Vap);
        w.WriteString("text", e.Text);
        w.WriteEndObject();
    });

    /// <summary>Parses a line the daemon sent: a response or an event. Never throws; null when unusable.</summary>
    public static ServerMessage? ParseServerMessage(ReadOnlySpan<byte> line)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(line.ToArray(), ReaderOptions);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("v", out JsonElement v) || !v.TryGetInt32(out int version) || version != Version)
                return null;
            if (root.TryGetProperty("event", out JsonElement ev) && ev.ValueKind == JsonValueKind.Object)
            {
                double time = ev.TryGetProperty("time", out JsonElement t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : 0;
                return new ServerMessage(null, new EventLine(time, StringOr(ev, "radio", ""), NullableString(ev, "vap"), StringOr(ev, "text", "")));
            }
            if (!root.TryGetProperty("id", out JsonElement id) || !id.TryGetInt32(out int idValue)
                || !root.TryGetProperty("exit", out JsonElement exit) || !exit.TryGetInt32(out int exitValue))
                return null;
            return new ServerMessage(new ControlResponse(idValue, new CommandResult(exitValue, StringOr(root, "out", ""), StringOr(root, "err", ""))), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string StringOr(JsonElement o, string name, string fallback) =>
        o.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : fallback;

    private static string? NullableString(JsonElement o, string name) =>
        o.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    private static string Raw(JsonElement e)
    {
        string raw = e.GetRawText();
        return raw.Length <= 40 ? raw : string.Concat(raw.AsSpan(0, 40), "...");
    }

    private static string FirstLine(string s)
    {
        int nl = s.IndexOf('\n', StringComparison.Ordinal);
        return nl < 0 ? s : s[..nl];
    }

    /// <summary>One JSON object and the terminating '\n'.</summary>
    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    internal static string Describe(ReadOnlySpan<byte> line) =>
        line.Length <= 60 ? Encoding.UTF8.GetString(line) : Encoding.UTF8.GetString(line[..60]) + "...";

    internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A usable request: a command line (<see cref="Argv"/>) or a subscription (<see cref="Subscribe"/>).</summary>
public sealed record ControlRequest(int Id, IReadOnlyList<string>? Argv, string? Subscribe);

/// <summary>The outcome of parsing a request line: the request, or the error response to send.</summary>
public sealed record RequestParse(ControlRequest? Request, ControlResponse? Error)
{
    internal static RequestParse Fail(int id, string message) =>
        new(null, new ControlResponse(id, CommandResult.Fail($"wlan: {message}", ControlProtocol.ExitUsage)));
}

public sealed record ControlResponse(int Id, CommandResult Result);

/// <summary>One event as the stream carries it: time in seconds of the radio's clock.</summary>
public sealed record EventLine(double Time, string Radio, string? Vap, string Text)
{
    public override string ToString() =>
        $"{Time.ToString("0.000000", CultureInfo.InvariantCulture)} [{Radio}] {Text}";
}

/// <summary>A line from the daemon: a response or an event.</summary>
public sealed record ServerMessage(ControlResponse? Response, EventLine? Event);
