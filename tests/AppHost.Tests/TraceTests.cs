using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.ServiceDefaults.Observability;
using AmbassadorNet.SystemTestKit;
using AmbassadorNet.TestKit;
using AmbassadorNet.TestKit.Waiting;
using AppHost.Tests.Support;
using Aspire.Hosting.Testing;
using OpenTelemetry.Trace;

namespace AppHost.Tests;

/// <summary>
/// One conversion posted through the gateway is one trace in the Aspire dashboard: the gateway, then
/// tracking, then (through the outbox and RabbitMQ) payouts, analytics and webhooks, read back from
/// the dashboard's own telemetry API, even when the shop's traceparent says "not sampled". A redirect is
/// traced whole, gateway and tracking, when its trace id is in the share the services keep, and not at
/// all otherwise (decision 0029).
/// </summary>
public sealed class TraceTests
{
    private static readonly HttpClient Http = new() { Timeout = TestTimeouts.Scaled(TimeSpan.FromSeconds(30)) };
    private static readonly string[] ConversionPath = ["gateway", "tracking", "payouts", "analytics", "webhooks"];

    /// <summary>The redirect's share of traces, as the gateway's and tracking's appsettings.json set it.</summary>
    private const double RedirectRatio = 0.01;

    [Fact]
    public async Task A_conversion_posted_through_the_gateway_is_one_trace_across_five_services_in_the_dashboard_whatever_the_shop_asks()
    {
        var options = new TestSystemOptions { Dashboard = true };
        await using var system = await TestSystem.StartAsync(options, TestContext.Current.CancellationToken);
        var first = await FirstEnrollment.CreateAsync(Http, system, "Traced brand", "tiatrace");
        var partner = await first.Admin.WithNewKeyAsync("shop", "partner");

        var traceId = ActivityTraceId.CreateRandom();
        using var order = new HttpRequestMessage(HttpMethod.Post, new Uri(system.Gateway, "/api/conversions"))
        {
            Content = JsonContent.Create(new { orderId = "trace-1", amount = 80m, currency = "USD", orderedAt = DateTimeOffset.UtcNow.AddMinutes(-5), promoCode = first.PromoCode }),
        };
        order.Headers.Authorization = new("Bearer", partner.ApiKey);
        // The shop's own tracing flags the call "not sampled": a conversion is traced all the same.
        order.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-00");
        using var accepted = await Http.SendAsync(order);
        Assert.True(accepted.IsSuccessStatusCode, $"the order answered {(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}");

        var dashboard = await system.App.GetDashboardUrlAsync(TestContext.Current.CancellationToken) ?? throw new InvalidOperationException("no dashboard");
        var apiKey = TelemetryApiKey(dashboard);
        var services = await Eventually.UntilAsync(_ => ServicesInTraceAsync(dashboard, apiKey, traceId.ToString()),
            found => ConversionPath.All(found.Contains), $"spans of {string.Join(", ", ConversionPath)} under trace {traceId}", TestTimeouts.Scaled(TimeSpan.FromMinutes(1)));

        Assert.Superset(ConversionPath.ToHashSet(), services.ToHashSet());
    }

    [Fact]
    public async Task A_redirect_is_traced_through_the_gateway_and_tracking_when_its_trace_id_is_in_the_kept_share_and_not_at_all_otherwise()
    {
        await using var system = await TestSystem.StartAsync(new TestSystemOptions { Dashboard = true }, TestContext.Current.CancellationToken);
        var first = await FirstEnrollment.CreateAsync(Http, system, "Sampled brand", "tiasample");
        var kept = TraceIdOfRedirect(sampled: true);
        var leftOut = TraceIdOfRedirect(sampled: false);
        using var noRedirects = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ActivityHeadersPropagator = null });

        // The visitor's flag has no say: the left-out one claims "sampled", the kept one "not sampled".
        foreach (var (traceId, flags) in new[] { (leftOut, "01"), (kept, "00") })
        {
            using var visit = new HttpRequestMessage(HttpMethod.Get, new Uri(system.Gateway, $"/r/{first.LinkCode}"));
            visit.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-{flags}");
            using var redirect = await noRedirects.SendAsync(visit);
            Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        }

        var dashboard = await system.App.GetDashboardUrlAsync(TestContext.Current.CancellationToken) ?? throw new InvalidOperationException("no dashboard");
        var apiKey = TelemetryApiKey(dashboard);
        string[] redirectPath = ["gateway", "tracking"];
        await Eventually.UntilAsync(_ => ServicesInTraceAsync(dashboard, apiKey, kept.ToString()),
            found => redirectPath.All(found.Contains), $"spans of the gateway and tracking under trace {kept}", TestTimeouts.Scaled(TimeSpan.FromMinutes(1)));
        // Both were answered before the kept one's spans arrived, and a span left out is never recorded at all.
        Assert.Empty(await ServicesInTraceAsync(dashboard, apiKey, leftOut.ToString()));
    }

    /// <summary>A trace id the services' sampler keeps, or leaves out, on the redirect's path.</summary>
    private static ActivityTraceId TraceIdOfRedirect(bool sampled)
    {
        var sampler = new HotPathSampler([new SampledPath("/r/", RedirectRatio)]);
        while (true)
        {
            var traceId = ActivityTraceId.CreateRandom();
            var decision = sampler.ShouldSample(new SamplingParameters(default, traceId, "GET", ActivityKind.Server, [new(HotPathSampler.PathTag, "/r/x")])).Decision;
            if ((decision == SamplingDecision.RecordAndSample) == sampled)
            {
                return traceId;
            }
        }
    }

    /// <summary>
    /// Aspire makes the telemetry API's key per run and gives it to the dashboard process alone (setting
    /// <c>AppHost:DashboardApiKey</c> did not change it, measured with 13.6.5), so the test reads it
    /// where an operator on this machine could: the environment of the dashboard serving this port.
    /// </summary>
    private static string TelemetryApiKey(Uri dashboard)
    {
        var keys = ServiceProcess.WithCommandLineContaining("Aspire.Dashboard")
            .Select(ServiceProcess.EnvironmentOf)
            .Where(environment => environment.TryGetValue("DASHBOARD__FRONTEND__PUBLICURL", out var url) && new Uri(url).Port == dashboard.Port)
            .Select(environment => environment.GetValueOrDefault("DASHBOARD__API__PRIMARYAPIKEY"))
            .ToList();
        return keys is [{ } key] ? key : throw new InvalidOperationException($"found {keys.Count} dashboards on port {dashboard.Port} with a telemetry API key");
    }

    /// <summary>The services (resource names) that sent the dashboard a span of the trace.</summary>
    private static async Task<IReadOnlySet<string>> ServicesInTraceAsync(Uri dashboard, string apiKey, string traceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(dashboard, $"/api/telemetry/traces/{traceId}"));
        request.Headers.Add("x-api-key", apiKey);
        using var response = await Http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return new HashSet<string>();
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"the dashboard's telemetry API answered {(int)response.StatusCode}: {body}");
        return OtlpJson.ServiceNamesOfSpans(JsonDocument.Parse(body).RootElement, traceId);
    }
}
