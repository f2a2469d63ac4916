using AmbassadorNet.Security.Testing;
using AmbassadorNet.ServiceDefaults.Observability;
using AmbassadorNet.TestKit.Telemetry;

namespace ServiceDefaults.Tests.Http;

/// <summary>Telemetry leaves a service when an OTLP endpoint is set (<see cref="OtlpReceiver"/> receives it).</summary>
[Collection(ExportingHosts.Collection)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_set_traces_metrics_and_logs_are_exported()
    {
        await using var collector = await OtlpReceiver.StartAsync();

        await using var database = await TestDatabase.CreateAsync("sample", ShopDbContext.Migrations);
        await using var vhost = await TestVhost.CreateAsync("otlp");
        using var tokens = new TestTokens();
        await using var app = SampleService.Build(database, vhost, tokens, settings: new Dictionary<string, string?>
        {
            [Telemetry.OtlpEndpointSetting] = collector.Url.ToString().TrimEnd('/'),
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

        Assert.True(collector.ExportsOf("traces") > 0, "no trace export arrived");
        Assert.True(collector.ExportsOf("metrics") > 0, "no metric export arrived");
        Assert.True(collector.ExportsOf("logs") > 0, "no log export arrived");
    }
}
