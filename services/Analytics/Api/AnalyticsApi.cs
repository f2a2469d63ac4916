using AmbassadorNet.Analytics.Api.Content;
using AmbassadorNet.Analytics.Api.Experiments;
using AmbassadorNet.Analytics.Api.PaidAds;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Idempotency;

namespace AmbassadorNet.Analytics.Api;

/// <summary>
/// The analytics API: every route, its role-table row and its summary, in one place. Read-only but for
/// the paid-ad days a brand enters (AnalyticsWrite).
/// </summary>
public static class AnalyticsApi
{
    /// <summary>What each tag of this API groups, for its OpenAPI document.</summary>
    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>
    {
        ["Analytics"] = "Read models built from the events: campaign summaries and time series, per-creator and per-post figures, the content reports (posts by format, platform, market, creator, campaign), experiment reports, paid ads beside creator content, the leaderboard, tiers and CSV exports.",
    };

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAccess(AccessPolicies.AnalyticsRead);
        analytics.MapGet("/campaigns/{id:guid}/summary", AnalyticsEndpoints.SummaryAsync)
            .WithName("GetCampaignSummary")
            .WithSummary("A campaign's clicks, conversions, revenue, refunds, commission, fees and ratios over UTC days from–to, with budget consumed.");
        analytics.MapGet("/campaigns/{id:guid}/creators", AnalyticsEndpoints.CreatorsAsync)
            .WithName("ListCampaignCreators")
            .WithSummary("The campaign's creators with their figures, sorted by revenue, roas, conversion_rate, epc, …; offset-paged.");
        analytics.MapGet("/campaigns/{id:guid}/timeseries", AnalyticsEndpoints.TimeseriesAsync)
            .WithName("GetCampaignTimeseries")
            .WithSummary("The campaign's figures per UTC day, one point per day (empty days as zeros).");
        analytics.MapGet("/posts/{id:guid}/summary", AnalyticsEndpoints.PostSummaryAsync)
            .WithName("GetPostSummary")
            .WithSummary("What a post's own link and promo code brought over UTC days from–to: clicks, orders, revenue, refunds and ratios.");
        analytics.MapGet("/content/posts", ContentEndpoints.PostsAsync)
            .WithName("ListContentPosts")
            .WithSummary("The post leaderboard in one currency: each post's views, engagement, clicks, orders, revenue, cost, cost per order, ROAS and revenue per thousand views over UTC days from–to, best first.");
        analytics.MapGet("/content/by/{dimension}", ContentEndpoints.GroupsAsync)
            .WithName("ListContentGroups")
            .WithSummary("Posts grouped by format, platform, market, creator or campaign, with the same figures per group, best first.");
        analytics.MapGet("/experiments/{id:guid}/report", async (Guid id, ExperimentViews views, CancellationToken ct) => TypedResults.Ok(await views.ReportAsync(id, ct)))
            .WithName("GetExperimentReport")
            .WithSummary("An experiment's result per variant: posts, clicks, orders, conversion rate with its Wilson interval, revenue per post with its bootstrap interval, the z-test against the control (Holm-adjusted), and a one-sentence conclusion.");
        analytics.MapGet("/paid-ads", PaidAdEndpoints.ListAsync)
            .WithName("ListPaidAdDays")
            .WithSummary("The paid-ad days the brand entered (spend, impressions, clicks, orders, revenue per campaign, channel and UTC day), newest day first; offset-paged.");
        analytics.MapGet("/campaigns/{id:guid}/content-vs-paid", PaidAdEndpoints.ContentVsPaidAsync)
            .WithName("CompareContentWithPaidAds")
            .WithSummary("A campaign's creator content beside its paid ads over UTC days from–to: cost, orders, revenue, cost per order, ROAS and revenue per thousand views or impressions, in total and per channel.");
        analytics.MapGet("/leaderboard", AnalyticsEndpoints.LeaderboardAsync)
            .WithName("GetLeaderboard")
            .WithSummary("The brand's creators across campaigns in one currency, best first, with at least minClicks unique clicks.");
        analytics.MapGet("/tiers", AnalyticsEndpoints.TiersAsync)
            .WithName("CompareTiers")
            .WithSummary("Emerging, nano, micro, macro and mega side by side: creators, engagement, totals, ROAS and per-creator figures.");
        analytics.MapGet("/export.csv", ExportEndpoint.ExportAsync)
            .WithName("ExportAnalyticsCsv")
            .WithSummary("The rows of one view (view=summary|creators|timeseries|leaderboard|tiers|content|experiment|paid_ads|content_vs_paid, with its parameters) as CSV.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        var writes = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAccess(AccessPolicies.AnalyticsWrite);
        writes.MapPut("/paid-ads", PaidAdEndpoints.EnterAsync).Idempotent()
            .WithName("EnterPaidAdDays")
            .WithSummary("Enters 1 to 100 paid-ad days (campaign, channel, UTC day: spend, impressions, clicks, orders, revenue), all or none; each replaces the day it names.");
        writes.MapPost("/paid-ads/import", PaidAdImportEndpoint.ImportAsync).WithBodyLimit(RequestBodyLimits.File).Idempotent()
            .Accepts<string>("text/csv").DisableAntiforgery()
            .WithName("ImportPaidAdDays")
            .WithSummary("Enters many paid-ad days from a CSV file, with a report per row naming line and column (mode all-or-nothing or partial).");
        return app;
    }
}
