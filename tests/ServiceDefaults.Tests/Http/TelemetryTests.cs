using System.Collections.Concurrent;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.ServiceDefaults.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ServiceDefaults.Tests.Http;

/// <summary>A collector of our own on a loopback port stands in for an OTLP endpoint; it only counts what arrives.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_set_traces_metrics_and_logs_are_exported()
    {
        var received = new ConcurrentDictionary<string, int>();
        var collectorBuilder = WebApplication.CreateSlimBuilder();
        collectorBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = collectorBuilder.Build();
        collector.MapPost("/v1/{signal}", (string signal) =>
        {
            received.AddOrUpdate(signal, 1, (_, n) => n + 1);
            return Results.Ok();
        });
        await collector.StartAsync(TestContext.Current.CancellationToken);

        await using var database = await TestDatabase.CreateAsync("sample", ShopDbContext.Migrations);
        await using var vhost = await TestVhost.CreateAsync("otlp");
        using var tokens = new TestTokens();
        await using var app = SampleService.Build(database, vhost, tokens, settings: new Dictionary<string, string?>
        {
            [Telemetry.OtlpEndpointSetting] = collector.Urls.First(),
            [Telemetry.OtlpProtocolSetting] = "http/protobuf",
            ["Logging:LogLevel:Default"] = "Information", // the host's start and stop write a few lines
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        // Health probes are left out of traces (the orchestrator polls them); any other request is traced.
        await http.GetAsync("/health/live", TestContext.Current.CancellationToken);
        await http.GetAsync("/no-such-route", TestContext.Current.CancellationToken);

        await app.StopAsync(TestContext.Current.CancellationToken); // flushes the providers
        SampleService.ForgetLogContext();

        Assert.True(received.GetValueOrDefault("traces") > 0, "no trace export arrived");
        Assert.True(received.GetValueOrDefault("metrics") > 0, "no metric export arrived");
        Assert.True(received.GetValueOrDefault("logs") > 0, "no log export arrived");
    }
}
