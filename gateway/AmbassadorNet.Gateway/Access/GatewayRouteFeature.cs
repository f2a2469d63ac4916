using AmbassadorNet.Gateway.Routing;

namespace AmbassadorNet.Gateway.Access;

/// <summary>What the route table said about this request; authentication, rate limiting and enforcement all read it.</summary>
internal sealed record GatewayRouteFeature(RouteResolution Resolution);
