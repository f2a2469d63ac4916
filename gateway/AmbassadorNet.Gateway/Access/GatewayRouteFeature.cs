using AmbassadorNet.Gateway.Routing;
using Microsoft.AspNetCore.Authentication;

namespace AmbassadorNet.Gateway.Access;

/// <summary>What the route table said about this request, and how authenticating its caller went (null when the route needs no caller).</summary>
internal sealed record GatewayRouteFeature(RouteResolution Resolution, AuthenticateResult? Authentication);
