using System.Net;
using AmbassadorNet.Gateway.Configuration;
using AmbassadorNet.Gateway.Routing;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace AmbassadorNet.Gateway.Proxy;

/// <summary>
/// YARP's routes and clusters, built from configuration: one cluster per service, one route per path
/// prefix it owns, plus its operations API (<c>/ops/{service}/x</c> → <c>/ops/x</c>) and its OpenAPI
/// document (<c>/openapi/{service}.json</c> → <c>/openapi/v1.json</c>); and for a service of the
/// partner gRPC API a second cluster, its gRPC port over HTTP/2, with a route per gRPC service (and,
/// for tracking, the redirect). No session affinity anywhere (see the YARP note in the project file).
/// </summary>
internal static class ProxyRoutes
{
    public const string KindMetadata = "AmbassadorNet.Kind";
    public const string DocumentKind = "openapi";

    /// <summary>The service a route forwards to, whichever of its clusters: it names the internal token's audience.</summary>
    public const string ServiceMetadata = "AmbassadorNet.Service";

    public static string GrpcCluster(string service) => service + "-grpc";

    public static IReadOnlyList<ClusterConfig> Clusters(GatewayOptions options) =>
    [
        .. GatewayServices.Proxied.Select(service => new ClusterConfig
        {
            ClusterId = service,
            Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = options.Services.GetValueOrDefault(service, "") } },
        }),
        .. GatewayServices.GrpcPrefixes.Keys.Select(service => new ClusterConfig
        {
            ClusterId = GrpcCluster(service),
            Destinations = options.GrpcServices.TryGetValue(service, out var address)
                ? new Dictionary<string, DestinationConfig> { [service] = new() { Address = address } }
                : [],
            // A second connection when one carries the server's limit of concurrent streams (100), rather
            // than a queue behind it: the redirects of a burst, or many brands' streams, travel here.
            HttpClient = new HttpClientConfig { EnableMultipleHttp2Connections = true },
            // gRPC needs HTTP/2; inside the system it is spoken without TLS, from the first byte.
            HttpRequest = new ForwarderRequestConfig
            {
                Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                // YARP ends a call after 100 s without a byte either way; a brand's event stream is quiet
                // for longer than that. An hour, as the ingress (deploy/); clients resume after it anyway.
                ActivityTimeout = TimeSpan.FromHours(1),
            },
        }),
    ];

    /// <summary>
    /// The redirect is the system's hottest path, and over HTTP/1.1 every request is a write and a read
    /// on a connection of its own. Over HTTP/2 to tracking's h2c port (which serves every endpoint, not
    /// only gRPC) the concurrent redirects share one connection and its syscalls: the gateway carried
    /// 40–65 % more redirects on the same two cores (decision 0034). Without that port configured, the
    /// redirect goes to the HTTP/1.1 address like every other path.
    /// </summary>
    private static string ClusterOf(string service, string prefix, GatewayOptions options) =>
        service == GatewayServices.Tracking && prefix == RedirectPrefix && options.GrpcServices.ContainsKey(service) ? GrpcCluster(service) : service;

    public const string RedirectPrefix = "/r";

    public static IReadOnlyList<RouteConfig> Routes(GatewayOptions options) =>
    [
        .. GatewayServices.Proxied.SelectMany(service => GatewayServices.Prefixes[service].Select(prefix =>
            Route($"{service}{prefix}", service, ClusterOf(service, prefix, options), prefix))),
        .. GatewayServices.GrpcPrefixes.SelectMany(pair => pair.Value.Select(prefix => Route($"{pair.Key}{prefix}", pair.Key, GrpcCluster(pair.Key), prefix))),
        .. GatewayServices.Proxied.Select(service => new RouteConfig
        {
            RouteId = $"{service}-ops",
            ClusterId = service,
            Match = new RouteMatch { Path = $"{GatewayServices.OpsPrefix}/{service}/{{**rest}}" },
            Transforms = [new Dictionary<string, string> { ["PathPattern"] = $"{GatewayServices.OpsPrefix}/{{**rest}}" }],
            Metadata = new Dictionary<string, string> { [ServiceMetadata] = service },
        }),
        .. GatewayServices.Proxied.Select(service => new RouteConfig
        {
            RouteId = $"{service}-openapi",
            ClusterId = service,
            Match = new RouteMatch { Path = GatewayServices.OpenApiPath(service) },
            Transforms = [new Dictionary<string, string> { ["PathSet"] = GatewayServices.UpstreamOpenApiPath }],
            Metadata = new Dictionary<string, string> { [KindMetadata] = DocumentKind, [ServiceMetadata] = service },
        }),
    ];

    private static RouteConfig Route(string id, string service, string cluster, string prefix) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Match = new RouteMatch { Path = $"{prefix}/{{**rest}}" },
        Metadata = new Dictionary<string, string> { [ServiceMetadata] = service },
    };
}
