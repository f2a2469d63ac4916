using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ServiceDefaults.Tests.Http;

/// <summary>A collector of our own on a loopback port stands in for an OTLP endpoint; it only counts what arrives.</summary>
internal sealed class OtlpCollector : IAsyncDisposable
{
    /// <summary>
    /// The test classes whose hosts export telemetry run one at a time: each host's tracer provider listens to
    /// every activity of the process, and the most generous sampler of those listening decides.
    /// </summary>
    public const string Exporting = "hosts that export telemetry";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);

    private OtlpCollector(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    /// <summary>Exports received, by signal (traces, metrics, logs).</summary>
    public int ExportsOf(string signal) => _received.GetValueOrDefault(signal);

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var collector = new OtlpCollector(builder.Build());
        collector._app.MapPost("/v1/{signal}", (string signal) =>
        {
            collector._received.AddOrUpdate(signal, 1, (_, n) => n + 1);
            return Results.Ok();
        });
        await collector._app.StartAsync();
        return collector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
