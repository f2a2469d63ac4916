using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AmbassadorNet.ServiceDefaults.Observability;

/// <summary>
/// Logs as JSON lines with trace and span ids, always; traces, metrics and logs over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set (the Aspire AppHost sets it to its dashboard). Every trace is kept,
/// so every conversion can be followed, except on the hot paths a service lists under Telemetry:SampledPaths
/// (<see cref="HotPathSampler"/>).
/// </summary>
public static class Telemetry
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpProtocolSetting = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>Path prefixes traced in part, each with its ratio: <c>[{ "Prefix": "/r/", "Ratio": 0.01 }]</c>.</summary>
    public const string SampledPathsSection = "Telemetry:SampledPaths";

    /// <summary>Sources beyond the instrumentation packages': MassTransit's publish and consume, and ours.</summary>
    public static readonly string[] ActivitySources = ["MassTransit", "AmbassadorNet.*"];

    public static readonly string[] Meters = ["Microsoft.AspNetCore.Server.Kestrel", "MassTransit", "AmbassadorNet.*"];

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.AddJsonConsoleLogs();
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            return builder;
        }

        // OTEL_EXPORTER_OTLP_* are read through configuration (environment variables included), so a
        // test host can point one service at its own collector.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing => tracing
                .SetSampler(new HotPathSampler(builder.Configuration.GetSection(SampledPathsSection).Get<SampledPath[]>() ?? []))
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(ActivitySources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Meters))
            // WithLogging (not ILoggingBuilder.AddOpenTelemetry) puts the LoggerProvider in the container,
            // so TelemetryFlush can flush the last logs at stop.
            .WithLogging(configureBuilder: null, configureOptions: logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            })
            .UseOtlpExporter();
        builder.Services.AddHostedService<TelemetryFlush>();
        return builder;
    }

    /// <summary>Probes arrive every few seconds from the orchestrator; their spans would bury the requests.</summary>
    private static bool IsHealthProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    private static void AddJsonConsoleLogs(this IHostApplicationBuilder builder)
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
    }
}

/// <summary>
/// Exports what is still buffered when the host stops gracefully: the last spans, metrics and logs of a
/// service that is being stopped are the ones worth reading. The providers themselves flush only when disposed.
/// </summary>
internal sealed class TelemetryFlush(IServiceProvider services) : IHostedService
{
    private const int FlushMilliseconds = 2000; // a stop must stay quick even when the collector is already gone

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        services.GetService<TracerProvider>()?.ForceFlush(FlushMilliseconds);
        services.GetService<MeterProvider>()?.ForceFlush(FlushMilliseconds);
        services.GetService<LoggerProvider>()?.ForceFlush(FlushMilliseconds);
        return Task.CompletedTask;
    }
}
