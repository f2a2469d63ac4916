using AmbassadorNet.Analytics.Api;
using AmbassadorNet.Analytics.Api.Content;
using AmbassadorNet.Analytics.Api.Experiments;
using AmbassadorNet.Analytics.Experiments;
using AmbassadorNet.Analytics.Api.PaidAds;
using AmbassadorNet.Analytics.Budget;
using AmbassadorNet.Analytics.Consumers;
using AmbassadorNet.Analytics.Rollups;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Contracts.Tracking;
using AmbassadorNet.Messaging.Registration;

namespace AmbassadorNet.Analytics;

/// <summary>
/// The analytics service as Program.cs runs it; tests build the same application with settings of
/// their own and a loopback port, so what they test is what ships.
/// </summary>
public static class AnalyticsApp
{
    public const string Name = "analytics";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = ServiceApp.CreateBuilder<AnalyticsDbContext>(Name, AnalyticsApi.Tags, args, configure, messaging => messaging
            .Handle<ClicksCountedHandler>(Clicks)
            .Handle<ClicksRecordedHandler>(Clicks)
            .Handle<ConversionHandlers>(Money)
            .Handle<LedgerHandlers>(Money)
            .Handle<GiftShippedHandler>(Quiet)
            .Handle<CampaignDimensionHandler>(Quiet)
            .Handle<CreatorDimensionHandler>(Quiet)
            .Handle<PostDimensionHandler>(Quiet)
            .Handle<PostMetricsHandler>(Quiet)
            .Handle<ExperimentDimensionHandler>(Quiet));
        builder.Services.AddScoped<BudgetMonitor>();
        builder.Services.AddScoped<RollupBuffer>();
        builder.Services.AddScoped<ITransactionFlush>(provider => provider.GetRequiredService<RollupBuffer>());
        builder.Services.AddScoped<RollupQueries>();
        builder.Services.AddScoped<CampaignViews>();
        builder.Services.AddScoped<BrandViews>();
        builder.Services.AddScoped<PostViews>();
        builder.Services.AddScoped<ContentQueries>();
        builder.Services.AddScoped<ContentViews>();
        builder.Services.AddScoped<ExperimentQueries>();
        builder.Services.AddScoped<ExperimentFigures>();
        builder.Services.AddScoped<ExperimentMonitor>();
        builder.Services.AddScoped<ExperimentViews>();
        builder.Services.AddScoped<PaidAdQueries>();
        builder.Services.AddScoped<PaidAdViews>();

        return builder.BuildService<AnalyticsDbContext>(app => app.MapAnalyticsApi());
    }

    // A click batch is one upsert of a few hundred rows: a deep prefetch keeps the queue moving, and
    // two at a time is what 2 cores and a small pool carry (rows are locked in key order, no deadlock).
    private static void Clicks(EndpointSettings endpoint) => (endpoint.PrefetchCount, endpoint.ConcurrentMessageLimit) = (64, 2);

    // One conversion, refund or ledger entry per message; they come in bursts when orders do, and all
    // of a campaign's land on its one campaign-day row: the messages delivered together are counted in
    // one transaction, one batch at a time (the next gathers while one commits).
    private static void Money(EndpointSettings endpoint)
    {
        (endpoint.PrefetchCount, endpoint.ConcurrentMessageLimit) = (64, 2);
        endpoint.Batch = new BatchSettings(MessageLimit: 32, TimeLimitMs: 5, Concurrency: 1);
    }

    // Dimension events and gifts trickle; post metrics come in bursts when a file is imported, one upsert
    // each, and one at a time keeps up. Nine queues share one connection pool.
    private static void Quiet(EndpointSettings endpoint) => (endpoint.PrefetchCount, endpoint.ConcurrentMessageLimit) = (16, 1);
}
