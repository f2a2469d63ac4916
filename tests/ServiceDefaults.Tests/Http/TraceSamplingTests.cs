using System.Collections.Concurrent;
using System.Diagnostics;
using AmbassadorNet.Security.Testing;
using AmbassadorNet.ServiceDefaults.Observability;
using AmbassadorNet.TestKit.Telemetry;

namespace ServiceDefaults.Tests.Http;

/// <summary>
/// The sampler in a real host: ASP.NET Core gives it the request's path when the request's activity is
/// created, a hot path's requests and every span under them are left out, and any other request is traced
/// even when its caller's traceparent says "not sampled".
/// </summary>
[Collection(ExportingHosts.Collection)]
public sealed class TraceSamplingTests
{
    [Fact]
    public async Task Requests_on_a_hot_path_are_left_out_with_their_spans_and_other_requests_are_kept()
    {
        var marker = Guid.NewGuid().ToString();
        var spans = new ConcurrentQueue<(string Source, string Path, bool Recorded, Activity Activity)>();
        using var listener = ListenForSpansUnder(marker, spans);
        await using var collector = await OtlpReceiver.StartAsync();
        await using var database = await TestDatabase.CreateAsync("sample", ShopDbContext.Migrations);
        await using var vhost = await TestVhost.CreateAsync("sampling");
        var tokens = new TestTokens();
        var app = SampleService.Build(database, vhost, tokens, settings: new Dictionary<string, string?>
        {
            [Telemetry.OtlpEndpointSetting] = collector.Url.ToString().TrimEnd('/'),
            [Telemetry.OtlpProtocolSetting] = "http/protobuf",
            [Telemetry.SampledPathsSection + ":0:Prefix"] = "/api/products/",
            [Telemetry.SampledPathsSection + ":0:Ratio"] = "0",
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        await using var service = SampleService.Attach(app, tokens);

        // The hot path: each read of a product (the marker is its id) queries the database before its 404.
        for (var i = 0; i < 10; i++)
        {
            using var read = await service.Http.SendAsync(service.Request(HttpMethod.Get, $"/api/products/{marker}", Guid.NewGuid()), TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, read.StatusCode);
        }

        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        using var notSampledByCaller = service.Request(HttpMethod.Get, $"/other/{marker}", Guid.NewGuid());
        notSampledByCaller.Headers.Add("traceparent", $"00-{caller.TraceId}-{caller.SpanId}-00");
        // The client sends the caller's traceparent as it is: HttpClient's own propagation would replace it
        // (the host's HttpClient instrumentation listens in this process too).
        using var asTheCaller = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = service.Http.BaseAddress };
        using var other = await asTheCaller.SendAsync(notSampledByCaller, TestContext.Current.CancellationToken);

        var hotRequests = spans.Where(span => span.Source == "Microsoft.AspNetCore" && span.Path.StartsWith("/api/products/", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, hotRequests.Count);
        Assert.All(hotRequests, span => Assert.False(span.Recorded, $"{span.Path} was recorded"));
        var queriesUnderThem = spans.Where(span => span.Source == "Npgsql" && span.Path.StartsWith("/api/products/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(queriesUnderThem);
        Assert.All(queriesUnderThem, span => Assert.False(span.Recorded, $"a query under a request left out was recorded: {span.Activity.DisplayName}"));

        var kept = Assert.Single(spans, span => span.Source == "Microsoft.AspNetCore" && span.Path == $"/other/{marker}");
        Assert.True(kept.Recorded, "a request off the hot path was left out because its caller said 'not sampled'");
        Assert.Equal(caller.SpanId, kept.Activity.ParentSpanId);
    }

    /// <summary>
    /// Collects every request span whose path carries the marker, and every span under one. The listener asks
    /// only for propagation, so whether a span is recorded is the service's sampler's decision alone.
    /// </summary>
    private static ActivityListener ListenForSpansUnder(string marker, ConcurrentQueue<(string, string, bool, Activity)> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStopped = activity =>
            {
                for (var request = activity; request is not null; request = request.Parent)
                {
                    if (request.GetTagItem(HotPathSampler.PathTag) is string path && path.Contains(marker, StringComparison.Ordinal))
                    {
                        spans.Enqueue((activity.Source.Name, path, activity.Recorded, activity));
                        return;
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
