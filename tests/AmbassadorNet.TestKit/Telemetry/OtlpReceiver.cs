using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AmbassadorNet.TestKit.Telemetry;

/// <summary>
/// An OTLP endpoint of our own (HTTP, protobuf) on a loopback port: each export is read to the end, answered
/// 200 and counted by signal, exports and bytes. The tests check that telemetry leaves a service; the benchmark
/// (<c>--telemetry</c>) measures what exporting costs the services, not what a collector costs: in a
/// deployment the collector runs on other machines.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (long Exports, long Bytes)> _received = new(StringComparer.Ordinal);

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Url => new(_app.Urls.First());

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", receiver.ReceiveAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Exports and bytes received so far, by signal (traces, metrics, logs).</summary>
    public IReadOnlyDictionary<string, (long Exports, long Bytes)> Received => _received;

    /// <summary>Exports of one signal received so far.</summary>
    public long ExportsOf(string signal) => _received.TryGetValue(signal, out var received) ? received.Exports : 0;

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request)
    {
        var buffer = new byte[16 * 1024];
        long bytes = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        _received.AddOrUpdate(signal, (1, bytes), (_, total) => (total.Exports + 1, total.Bytes + bytes));
        // An empty Export*ServiceResponse is zero bytes of protobuf: full success.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
