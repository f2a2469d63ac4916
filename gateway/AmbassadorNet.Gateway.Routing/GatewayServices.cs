namespace AmbassadorNet.Gateway.Routing;

/// <summary>
/// The services behind the gateway and the public path prefixes each one owns. YARP routes by these
/// prefixes; the route table may only send a path to the service that owns its prefix.
/// </summary>
public static class GatewayServices
{
    /// <summary>Routes the gateway answers itself (brands, API keys, health).</summary>
    public const string GatewayItself = "gateway";

    public const string Creators = "creators";
    public const string Campaigns = "campaigns";
    public const string Tracking = "tracking";
    public const string Payouts = "payouts";
    public const string Analytics = "analytics";
    public const string Webhooks = "webhooks";
    public const string Audit = "audit";

    /// <summary>Each service's operations API (<c>/ops/...</c>) is reached at <c>/ops/{service}/...</c>, with the operator key only.</summary>
    public const string OpsPrefix = "/ops";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Prefixes { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Creators] = ["/api/creators", "/api/me/profile", "/api/me/payout-profile"],
        [Campaigns] = ["/api/campaigns", "/api/posts", "/api/gifts", "/api/experiments", "/api/agreements", "/api/agreement-templates", "/api/content-policy",
            "/api/exclusivities", "/api/me/enrollments", "/api/me/posts", "/api/me/agreements", "/api/me/exclusivities"],
        [Tracking] = ["/r", "/api/links", "/api/promo-codes", "/api/conversions", "/api/clicks", "/api/me/links", "/api/me/promo-codes"],
        [Payouts] = ["/api/ledger", "/api/payouts", "/api/me/statement"],
        [Analytics] = ["/api/analytics"],
        [Webhooks] = ["/api/webhooks"],
        [Audit] = ["/api/audit"],
    };

    /// <summary>
    /// The partner gRPC API's services (proto/ambassadornet/partner/v1) and who serves each: reached on
    /// the gateway's gRPC port and forwarded over HTTP/2 to the service's gRPC port (<c>Gateway:GrpcServices</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> GrpcPrefixes { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Tracking] = ["/ambassadornet.partner.v1.OrderStream"],
        [Webhooks] = ["/ambassadornet.partner.v1.EventStream"],
    };

    /// <summary>gRPC's standard health service (grpc.health.v1), which the gateway answers for itself.</summary>
    public const string GrpcHealthPrefix = "/grpc.health.v1.Health";

    /// <summary>Whether a path is a gRPC method (<c>/package.Service/Method</c>) the gateway serves or forwards.</summary>
    public static bool IsGrpcPath(string path) =>
        path.StartsWith(GrpcHealthPrefix + "/", StringComparison.Ordinal)
        || GrpcPrefixes.Values.Any(prefixes => prefixes.Any(prefix => path.StartsWith(prefix + "/", StringComparison.Ordinal)));

    /// <summary>The proxied services, without the gateway itself.</summary>
    public static IReadOnlyList<string> Proxied { get; } = [.. Prefixes.Keys];

    /// <summary>Where the gateway serves a service's OpenAPI document (the service's own is <see cref="UpstreamOpenApiPath"/>).</summary>
    public static string OpenApiPath(string service) => $"/openapi/{service}.json";

    public const string UpstreamOpenApiPath = "/openapi/v1.json";

    /// <summary>The document of the whole API (every service's and the gateway's, merged), served by the gateway at <c>OpenApiPath(WholeApi)</c>.</summary>
    public const string WholeApi = "ambassadornet";

    /// <summary>The gateway path of a service's own path: <c>/ops/x</c> becomes <c>/ops/{service}/x</c>, the rest stays.</summary>
    public static string GatewayPathFor(string service, string upstreamPath) =>
        upstreamPath.StartsWith(OpsPrefix + "/", StringComparison.OrdinalIgnoreCase)
            ? $"{OpsPrefix}/{service}{upstreamPath[OpsPrefix.Length..]}"
            : upstreamPath;

    /// <summary>The prefixes a service's routes must stay under: its own, plus its ops prefix and its document.</summary>
    public static IEnumerable<string> OwnedPrefixes(string service) =>
        service == GatewayItself ? [] : [.. Prefixes[service], .. GrpcPrefixes.GetValueOrDefault(service, []), $"{OpsPrefix}/{service}", OpenApiPath(service)];
}
