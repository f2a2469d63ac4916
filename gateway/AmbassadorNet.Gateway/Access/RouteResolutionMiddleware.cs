using AmbassadorNet.Gateway.Routing;

namespace AmbassadorNet.Gateway.Access;

/// <summary>
/// Looks the request up in the route table once. Authentication (only guarded routes identify a
/// caller), the rate limiter (by key or by client IP) and <see cref="AccessEnforcementMiddleware"/>
/// read the answer; refusing is left to the last, so refused requests are rate-limited too.
/// </summary>
internal sealed class RouteResolutionMiddleware(RequestDelegate next, GatewayRouteTable table)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Features.Set(new GatewayRouteFeature(table.Resolve(context.Request.Method, context.Request.Path.Value ?? "/")));
        return next(context);
    }
}
