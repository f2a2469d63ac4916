using AmbassadorNet.Gateway.Configuration;
using AmbassadorNet.Gateway.Routing;
using Yarp.ReverseProxy.Configuration;

namespace AmbassadorNet.Gateway.Proxy;

/// <summary>
/// YARP's routes and clusters, built from configuration: one cluster per service, one route per path
/// prefix it owns, plus its operations API (<c>/ops/{service}/x</c> → <c>/ops/x</c>) and its OpenAPI
/// document (<c>/openapi/{service}.json</c> → <c>/openapi/v1.json</c>). No session affinity anywhere
/// (see the YARP note in the project file).
/// </summary>
internal static class ProxyRoutes
{
    public const string KindMetadata = "AmbassadorNet.Kind";
    public const string DocumentKind = "openapi";

    public static IReadOnlyList<ClusterConfig> Clusters(GatewayOptions options) =>
    [
        .. GatewayServices.Proxied.Select(service => new ClusterConfig
        {
            ClusterId = service,
            Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = options.Services.GetValueOrDefault(service, "") } },
        }),
    ];

    public static IReadOnlyList<RouteConfig> Routes() =>
    [
        .. GatewayServices.Proxied.SelectMany(service => GatewayServices.Prefixes[service].Select(prefix => new RouteConfig
        {
            RouteId = $"{service}{prefix}",
            ClusterId = service,
            Match = new RouteMatch { Path = $"{prefix}/{{**rest}}" },
        })),
        .. GatewayServices.Proxied.Select(service => new RouteConfig
        {
            RouteId = $"{service}-ops",
            ClusterId = service,
            Match = new RouteMatch { Path = $"{GatewayServices.OpsPrefix}/{service}/{{**rest}}" },
            Transforms = [new Dictionary<string, string> { ["PathPattern"] = $"{GatewayServices.OpsPrefix}/{{**rest}}" }],
        }),
        .. GatewayServices.Proxied.Select(service => new RouteConfig
        {
            RouteId = $"{service}-openapi",
            ClusterId = service,
            Match = new RouteMatch { Path = GatewayServices.OpenApiPath(service) },
            Transforms = [new Dictionary<string, string> { ["PathSet"] = GatewayServices.UpstreamOpenApiPath }],
            Metadata = new Dictionary<string, string> { [KindMetadata] = DocumentKind },
        }),
    ];
}
