using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Net80211.Wlan.Daemon;

/// <summary>
/// The daemon's own telemetry (<c>Net80211.Daemon</c>: one activity and one count per request) and the
/// OpenTelemetry wiring that exports everything named <c>Net80211.*</c> over OTLP.
/// </summary>
public static class DaemonTelemetry
{
    public const string Name = "Net80211.Daemon";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("net80211.daemon.requests", "{request}",
        "Commands run for clients, tagged with verb and exit status");
    public static readonly Counter<long> BadRequests = Meter.CreateCounter<long>("net80211.daemon.bad_requests", "{request}",
        "Request lines refused as malformed");
    public static readonly Counter<long> RefusedPeers = Meter.CreateCounter<long>("net80211.daemon.refused_peers", "{connection}",
        "Connections refused by the peer credential check (another user)");
    public static readonly UpDownCounter<long> Connections = Meter.CreateUpDownCounter<long>("net80211.daemon.connections", "{connection}");
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("net80211.daemon.request.duration", "s");

    /// <summary>
    /// Starts exporting traces and metrics of <c>Net80211.*</c> over OTLP to <paramref name="endpoint"/>, or to
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> when that is null; null when neither is set (nothing to export).
    /// <paramref name="protocol"/> is "grpc" (the default, port 4317) or "http/protobuf" (port 4318, to
    /// <c>/v1/traces</c> and <c>/v1/metrics</c> under the endpoint), else <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.
    /// </summary>
    public static IDisposable? StartExport(string? endpoint, string? protocol = null)
    {
        endpoint ??= Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (string.IsNullOrWhiteSpace(endpoint)) return null;
        protocol ??= Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL") ?? "grpc";
        if (!TryParseProtocol(protocol, out var otlpProtocol)) throw new ArgumentException($"OTLP protocol '{protocol}' (grpc or http/protobuf)", nameof(protocol));
        var uri = new Uri(endpoint, UriKind.Absolute);

        // Over HTTP each signal has its own path; an endpoint given in code is taken as it is, so add it here.
        Action<OtlpExporterOptions> For(string signalPath) => o =>
        {
            o.Protocol = otlpProtocol;
            o.Endpoint = otlpProtocol == OtlpExportProtocol.HttpProtobuf ? new Uri(uri, uri.AbsolutePath.TrimEnd('/') + signalPath) : uri;
        };

        ResourceBuilder resource = ResourceBuilder.CreateDefault().AddService("wlan-daemon");
        TracerProvider? tracer = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource("Net80211.*")
            .AddOtlpExporter(For("/v1/traces"))
            .Build();
        MeterProvider? meter = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter("Net80211.*")
            .AddOtlpExporter(For("/v1/metrics"))
            .Build();
        return new Providers(tracer, meter);
    }

    /// <summary>OTEL_EXPORTER_OTLP_PROTOCOL's spellings: "grpc", "http/protobuf".</summary>
    public static bool TryParseProtocol(string? text, out OtlpExportProtocol protocol)
    {
        switch (text)
        {
            case "grpc": protocol = OtlpExportProtocol.Grpc; return true;
            case "http/protobuf": protocol = OtlpExportProtocol.HttpProtobuf; return true;
            default: protocol = default; return false;
        }
    }

    private sealed class Providers(TracerProvider? tracer, MeterProvider? meter) : IDisposable
    {
        public void Dispose()
        {
            tracer?.Dispose(); // flushes what is buffered
            meter?.Dispose();
        }
    }
}
