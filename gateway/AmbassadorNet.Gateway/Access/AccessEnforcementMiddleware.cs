using AmbassadorNet.Gateway.Identity;
using AmbassadorNet.Gateway.Keys;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.Authentication;

namespace AmbassadorNet.Gateway.Access;

/// <summary>
/// The role table, enforced: no route is a 404 (so <c>/ops/*</c> and anything a service did not
/// publish stays unreachable), a known path with another method a 405, a gRPC method called without
/// gRPC a 415, no or a bad credential a 401, roles the row does not allow a 403. Only what passes reaches an endpoint or a service.
/// </summary>
internal sealed class AccessEnforcementMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var feature = context.Features.Get<GatewayRouteFeature>() ?? throw new InvalidOperationException("RouteResolutionMiddleware must run first.");
        var resolution = feature.Resolution;
        var request = $"{context.Request.Method} {context.Request.Path}";
        switch (resolution.Outcome)
        {
            case RouteOutcome.NotFound:
                await GatewayProblems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", $"No route for {request}.");
                return;
            case RouteOutcome.MethodNotAllowed:
                context.Response.Headers.Allow = string.Join(", ", resolution.AllowedMethods);
                await GatewayProblems.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed",
                    $"{context.Request.Path} accepts {string.Join(", ", resolution.AllowedMethods)}.");
                return;
        }

        // gRPC methods take gRPC calls only, and a gRPC call reaches nothing else: neither side
        // would understand the other's body.
        var grpcRoute = GatewayServices.IsGrpcPath(resolution.Route!.Template.Text);
        if (grpcRoute != GrpcRefusal.IsGrpc(context.Request))
        {
            await (grpcRoute
                ? GatewayProblems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                    $"{context.Request.Path} is a gRPC method: call it with a gRPC client (HTTP/2, application/grpc) on the gateway's gRPC port.")
                : GatewayProblems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", $"{context.Request.Path} is not a gRPC method."));
            return;
        }

        var policy = resolution.Route.Access.Policy;
        if (policy is null)
        {
            await next(context);
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            // The handler caches its result per request, so this re-reads why it failed without another lookup.
            var failure = (await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName)).Failure;
            var detail = failure?.Message ?? $"{request} needs an API key: 'Authorization: Bearer {ApiKeyFormat.Prefix}…'.";
            await GatewayProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
            return;
        }

        var roles = context.User.GetRoles();
        if (!policy.Allows(roles))
        {
            await GatewayProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
                $"{request} needs one of the roles {string.Join(", ", policy.Roles)}; this key has {string.Join(", ", roles)}.");
            return;
        }

        await next(context);
    }
}
