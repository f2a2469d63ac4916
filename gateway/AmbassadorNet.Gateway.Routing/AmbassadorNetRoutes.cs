using AmbassadorNet.Security;
using static AmbassadorNet.Gateway.Routing.GatewayServices;
using static AmbassadorNet.Security.AccessPolicies;

namespace AmbassadorNet.Gateway.Routing;

/// <summary>
/// The public API (docs/architecture.md; details in docs/services/*.md) as route table rows. The
/// services' rows are generated from their endpoints into AmbassadorNetRoutes.Generated.cs
/// (<c>dotnet run --project tools/AmbassadorNet.RouteTable -- --write</c>); this file holds the rows
/// the gateway itself is the source of: its own endpoints, the documents and the operations APIs.
/// </summary>
public static partial class AmbassadorNetRoutes
{
    private const string Get = "GET", Head = "HEAD", Post = "POST", Put = "PUT", Delete = "DELETE";

    public static IReadOnlyList<GatewayRoute> All { get; } =
    [
        .. GatewayOwn(), .. ServiceRoutes(), .. DocsAndOps(),
    ];

    private static IEnumerable<GatewayRoute> GatewayOwn() =>
    [
        // The operator key carries the operator role, and only it; no brand key has it.
        Row(GatewayItself, Post, "/api/brands", Operations),
        Row(GatewayItself, Get, "/api/api-keys", ApiKeys),
        Row(GatewayItself, Post, "/api/api-keys", ApiKeys),
        Row(GatewayItself, Delete, "/api/api-keys/{id}", ApiKeys),
        Row(GatewayItself, Get, "/api/members", Members),
        Row(GatewayItself, Post, "/api/members", Members),
        Row(GatewayItself, Get, "/api/members/{id}", Members),
        Row(GatewayItself, Put, "/api/members/{id}/roles", Members),
        Row(GatewayItself, Put, "/api/members/{id}/creator", Members),
        Row(GatewayItself, Post, "/api/members/{id}/deactivate", Members),
        Row(GatewayItself, Post, "/api/members/{id}/erase", Members),
        Row(GatewayItself, Get, "/api/identity-provider", Members),
        Row(GatewayItself, Put, "/api/identity-provider", Members),
        Row(GatewayItself, Delete, "/api/identity-provider", Members),
        Open(GatewayItself, [Get, Head], "/health/live"),
        Open(GatewayItself, [Get, Head], "/health/ready"),
        // The same for gRPC clients and load balancers (grpc.health.v1), on the gRPC port.
        Open(GatewayItself, [Post], $"{GrpcHealthPrefix}/Check"),
        Open(GatewayItself, [Post], $"{GrpcHealthPrefix}/Watch"),
        // The API page reads these before anyone signs in, like the services' documents.
        Open(GatewayItself, [Get], OpenApiPath(GatewayItself)),
        Open(GatewayItself, [Get], OpenApiPath(WholeApi)),
        // The partner gRPC API's .proto files, which the API page links to.
        Open(GatewayItself, [Get], "/proto/ambassadornet/partner/v1/{file}"),
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
}
