using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AmbassadorNet.ServiceDefaults.Observability;

/// <summary>
/// Logs as JSON lines with trace and span ids, always; traces and metrics over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set. OpenTelemetry.Extensions.Hosting and the instrumentation
/// packages are not served here, so the providers are built from the core SDK over the activity
/// sources and meters .NET 10, MassTransit and Npgsql emit natively.
/// </summary>
public static class Telemetry
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpProtocolSetting = "OTEL_EXPORTER_OTLP_PROTOCOL";

    public static readonly string[] ActivitySources = ["Microsoft.AspNetCore", "System.Net.Http", "MassTransit", "Npgsql", "AmbassadorNet.*"];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime",
        "MassTransit", "Npgsql", "AmbassadorNet.*",
    ];

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        if (Environment.GetCommandLineArgs().Contains(Deployment.DeploymentCommands.PrintConfigKeys))
        {
            // The key list is the only thing on stdout, so scripts can read it; logs go to stderr.
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        if (!Uri.TryCreate(builder.Configuration[OtlpEndpointSetting], UriKind.Absolute, out var endpoint))
        {
            return builder;
        }

        // Read through configuration (environment variables included) rather than by the exporter
        // from the process environment, so a test host can point one service at its own collector.
        var httpProtobuf = builder.Configuration[OtlpProtocolSetting] == "http/protobuf";
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId);
        builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource).AddSource(ActivitySources)
            .AddOtlpExporter(otlp => Configure(otlp, endpoint, httpProtobuf, "v1/traces")).Build());
        builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource).AddMeter(Meters)
            .AddOtlpExporter(otlp => Configure(otlp, endpoint, httpProtobuf, "v1/metrics")).Build());
        builder.Services.AddHostedService<TelemetryLifetime>();
        return builder;
    }

    private static void Configure(OpenTelemetry.Exporter.OtlpExporterOptions otlp, Uri endpoint, bool httpProtobuf, string signalPath)
    {
        // Over HTTP, an endpoint given in code is used as is, so the signal's path is ours to add.
        otlp.Protocol = httpProtobuf ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
        otlp.Endpoint = httpProtobuf ? new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/" + signalPath) : endpoint;
    }
}

/// <summary>Creates the providers when the host starts (so the first request is traced) and flushes them when it stops.</summary>
internal sealed class TelemetryLifetime(TracerProvider tracing, MeterProvider metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracing.ForceFlush(5000);
        metrics.ForceFlush(5000);
        return Task.CompletedTask;
    }
}
