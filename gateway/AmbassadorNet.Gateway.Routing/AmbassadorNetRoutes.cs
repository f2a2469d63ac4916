using AmbassadorNet.Security;
using static AmbassadorNet.Gateway.Routing.GatewayServices;
using static AmbassadorNet.Security.AccessPolicies;

namespace AmbassadorNet.Gateway.Routing;

/// <summary>
/// The public API (docs/architecture.md; details in docs/services/*.md) as route table rows. Ledger and payouts follow one rule: reads
/// are <see cref="AccessPolicies.LedgerRead"/>, commands are <see cref="AccessPolicies.PayoutsManage"/>.
/// A service adding an endpoint adds its row here; its test compares the two (see
/// `RouteAgreement` in tests/AmbassadorNet.TestKit).
/// </summary>
public static class AmbassadorNetRoutes
{
    private const string Get = "GET", Head = "HEAD", Post = "POST", Put = "PUT", Patch = "PATCH", Delete = "DELETE";

    public static IReadOnlyList<GatewayRoute> All { get; } =
    [
        .. GatewayOwn(), .. CreatorsRoutes(), .. CampaignsRoutes(), .. TrackingRoutes(), .. PayoutsRoutes(),
        .. AnalyticsRoutes(), .. WebhooksRoutes(), .. DocsAndOps(),
    ];

    private static IEnumerable<GatewayRoute> GatewayOwn() =>
    [
        // The operator key carries the operator role, and only it; no brand key has it.
        Row(GatewayItself, Post, "/api/brands", Operations),
        Row(GatewayItself, Get, "/api/api-keys", ApiKeys),
        Row(GatewayItself, Post, "/api/api-keys", ApiKeys),
        Row(GatewayItself, Delete, "/api/api-keys/{id}", ApiKeys),
        Open(GatewayItself, [Get, Head], "/health/live"),
        Open(GatewayItself, [Get, Head], "/health/ready"),
        // The API page reads these before anyone signs in, like the services' documents.
        Open(GatewayItself, [Get], OpenApiPath(GatewayItself)),
        Open(GatewayItself, [Get], OpenApiPath(WholeApi)),
    ];

    private static IEnumerable<GatewayRoute> CreatorsRoutes() =>
    [
        Row(Creators, Get, "/api/creators", CatalogRead),
        Row(Creators, Post, "/api/creators", CatalogWrite),
        Row(Creators, Post, "/api/creators/import", CatalogWrite) with { MaxBodyBytes = RequestBodyLimits.File },
        Row(Creators, Get, "/api/creators/{id}", CatalogRead),
        Row(Creators, Get, "/api/creators/{id}/tier-history", CatalogRead),
        Row(Creators, Patch, "/api/creators/{id}", CatalogWrite),
        .. Actions(Creators, "/api/creators/{id}", ["approve", "reject", "suspend", "reinstate", "offboard", "erase", "social-stats"], CatalogWrite),
        Row(Creators, Put, "/api/creators/{id}/payout-profile", PayoutProfileWrite),
    ];

    private static IEnumerable<GatewayRoute> CampaignsRoutes() =>
    [
        Row(Campaigns, Get, "/api/campaigns", CatalogRead),
        Row(Campaigns, Post, "/api/campaigns", CatalogWrite),
        Row(Campaigns, Get, "/api/campaigns/{id}", CatalogRead),
        Row(Campaigns, Patch, "/api/campaigns/{id}", CatalogWrite),
        .. Actions(Campaigns, "/api/campaigns/{id}", ["launch", "pause", "resume", "end"], CatalogWrite),
        Row(Campaigns, Get, "/api/campaigns/{id}/terms", CatalogRead),
        Row(Campaigns, Get, "/api/campaigns/{id}/terms/history", CatalogRead),
        Row(Campaigns, Get, "/api/campaigns/{id}/quota-report", CatalogRead),
        Row(Campaigns, Get, "/api/campaigns/{id}/enrollments", CatalogRead),
        Row(Campaigns, Post, "/api/campaigns/{id}/enrollments", CatalogWrite),
        Row(Campaigns, Post, "/api/campaigns/{id}/enrollments/bulk", CatalogWrite),
        Row(Campaigns, Get, "/api/campaigns/{id}/enrollments/{eid}", CatalogRead),
        Row(Campaigns, Put, "/api/campaigns/{id}/enrollments/{eid}/commission-override", CatalogWrite),
        .. Actions(Campaigns, "/api/campaigns/{id}/enrollments/{eid}", ["accept", "decline", "remove", "deliverables"], CatalogWrite),
        Row(Campaigns, Get, "/api/campaigns/{id}/enrollments/{eid}/deliverables", CatalogRead),
        .. Actions(Campaigns, "/api/campaigns/{id}/enrollments/{eid}/deliverables/{did}", ["submit", "approve", "reject", "request-revision"], CatalogWrite),
    ];

    private static IEnumerable<GatewayRoute> TrackingRoutes() =>
    [
        // The redirect needs no key: visitors click it. The gateway limits it per client IP instead.
        Open(Tracking, [Get, Head], "/r/{code}"),
        Row(Tracking, Get, "/api/links", CatalogRead),
        Row(Tracking, Post, "/api/links", CatalogWrite),
        Row(Tracking, Post, "/api/links/{id}/deactivate", CatalogWrite),
        Row(Tracking, Get, "/api/promo-codes", CatalogRead),
        Row(Tracking, Post, "/api/promo-codes", CatalogWrite),
        Row(Tracking, Post, "/api/promo-codes/{id}/deactivate", CatalogWrite),
        Row(Tracking, Post, "/api/conversions", ConversionsWrite),
        Row(Tracking, Post, "/api/conversions/{orderId}/refunds", ConversionsWrite),
        Row(Tracking, Get, "/api/conversions", ConversionsRead),
    ];

    private static IEnumerable<GatewayRoute> PayoutsRoutes() =>
    [
        Row(Payouts, Get, "/api/ledger/creators/{creatorId}/statement", LedgerRead),
        Row(Payouts, Get, "/api/ledger/trial-balance", LedgerRead),
        Row(Payouts, Get, "/api/ledger/export.csv", LedgerRead),
        Row(Payouts, Get, "/api/ledger/payee-totals", LedgerRead),
        Row(Payouts, Post, "/api/ledger/adjustments", PayoutsManage),
        Row(Payouts, Post, "/api/ledger/adjustments/{id}/approve", PayoutsManage),
        Row(Payouts, Get, "/api/payouts/settings", LedgerRead),
        Row(Payouts, Put, "/api/payouts/settings", PayoutsManage),
        Row(Payouts, Post, "/api/payouts/holds/{creatorId}", PayoutsManage),
        Row(Payouts, Delete, "/api/payouts/holds/{creatorId}", PayoutsManage),
        Row(Payouts, Post, "/api/payouts/release", PayoutsManage),
        Row(Payouts, Post, "/api/payouts/runs", PayoutsManage),
        Row(Payouts, Get, "/api/payouts/batches", LedgerRead),
        Row(Payouts, Get, "/api/payouts/batches/{id}", LedgerRead),
        .. Actions(Payouts, "/api/payouts/batches/{id}", ["approve", "void"], PayoutsManage),
        Row(Payouts, Post, "/api/payouts/batches/{id}/settlement", PayoutsManage) with { MaxBodyBytes = RequestBodyLimits.File },
        Row(Payouts, Get, "/api/payouts/batches/{id}/export.csv", LedgerRead),
        Row(Payouts, Get, "/api/payouts/batches/{id}/reconciliation", LedgerRead),
    ];

    private static IEnumerable<GatewayRoute> AnalyticsRoutes() =>
    [
        Row(Analytics, Get, "/api/analytics/campaigns/{id}/summary", AnalyticsRead),
        Row(Analytics, Get, "/api/analytics/campaigns/{id}/creators", AnalyticsRead),
        Row(Analytics, Get, "/api/analytics/campaigns/{id}/timeseries", AnalyticsRead),
        Row(Analytics, Get, "/api/analytics/leaderboard", AnalyticsRead),
        Row(Analytics, Get, "/api/analytics/tiers", AnalyticsRead),
        Row(Analytics, Get, "/api/analytics/export.csv", AnalyticsRead),
    ];

    private static IEnumerable<GatewayRoute> WebhooksRoutes() =>
    [
        Row(GatewayServices.Webhooks, Get, "/api/webhooks", AccessPolicies.Webhooks),
        Row(GatewayServices.Webhooks, Post, "/api/webhooks", AccessPolicies.Webhooks),
        Row(GatewayServices.Webhooks, Get, "/api/webhooks/event-types", AccessPolicies.Webhooks),
        Row(GatewayServices.Webhooks, Get, "/api/webhooks/{id}", AccessPolicies.Webhooks),
        Row(GatewayServices.Webhooks, Delete, "/api/webhooks/{id}", AccessPolicies.Webhooks),
        Row(GatewayServices.Webhooks, Post, "/api/webhooks/{id}/rotate-secret", AccessPolicies.Webhooks),
        Row(GatewayServices.Webhooks, Get, "/api/webhooks/{id}/deliveries", AccessPolicies.Webhooks),
        Row(GatewayServices.Webhooks, Post, "/api/webhooks/{id}/deliveries/{did}/replay", AccessPolicies.Webhooks),
    ];

    /// <summary>Every service's OpenAPI document (public, for the API page) and its operations API (operator key only).</summary>
    private static IEnumerable<GatewayRoute> DocsAndOps() => Proxied.SelectMany(service => new[]
    {
        Open(service, [Get], OpenApiPath(service)),
        new GatewayRoute(service, [Get, Post, Put, Delete], RouteTemplate.Parse($"{OpsPrefix}/{service}/{{**rest}}"), RouteAccess.Requires(Operations)),
    });

    private static GatewayRoute Row(string service, string method, string template, AccessPolicy policy) =>
        new(service, [method], RouteTemplate.Parse(template), RouteAccess.Requires(policy));

    private static GatewayRoute Open(string service, string[] methods, string template) =>
        new(service, methods, RouteTemplate.Parse(template), RouteAccess.Public);

    /// <summary>POST commands on a resource: <c>{resource}/approve</c>, <c>{resource}/reject</c>, ...</summary>
    private static IEnumerable<GatewayRoute> Actions(string service, string resource, string[] actions, AccessPolicy policy) =>
        actions.Select(action => Row(service, Post, $"{resource}/{action}", policy));
}
