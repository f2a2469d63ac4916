using AmbassadorNet.Gateway.Identity;
using AmbassadorNet.Gateway.Routing;
using Microsoft.AspNetCore.Authentication;

namespace AmbassadorNet.Gateway.Access;

/// <summary>
/// Resolves the request in the route table and, when the route is guarded, authenticates the caller.
/// Runs before the rate limiter (which partitions by key) and leaves refusing to
/// <see cref="AccessEnforcementMiddleware"/>, so refused requests are rate-limited too.
/// </summary>
internal sealed class CallerIdentificationMiddleware(RequestDelegate next, GatewayRouteTable table)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var resolution = table.Resolve(context.Request.Method, context.Request.Path.Value ?? "/");
        AuthenticateResult? authentication = null;
        if (resolution.Route is { Access.IsPublic: false })
        {
            authentication = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
            if (authentication.Succeeded)
            {
                context.User = authentication.Principal;
            }
        }

        context.Features.Set(new GatewayRouteFeature(resolution, authentication));
        await next(context);
    }
}
