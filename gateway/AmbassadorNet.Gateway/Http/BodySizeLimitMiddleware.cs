using AmbassadorNet.Gateway.Access;
using AmbassadorNet.Gateway.Configuration;
using AmbassadorNet.Gateway.Routing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Gateway.Http;

/// <summary>
/// Each request may carry the body its route takes (<see cref="GatewayRoute.MaxBodyBytes"/>, else
/// <c>Gateway:MaxRequestBodyBytes</c>). A declared Content-Length over it is refused with a 413 problem
/// before anything is read or forwarded; a chunked body that grows past it is stopped by Kestrel,
/// whose per-request limit is set to the same number here.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = LimitOf(context.Features.Get<GatewayRouteFeature>()?.Resolution.Route, options.Value);
        if (context.Request.ContentLength > limit)
        {
            return GatewayProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"Request bodies on this route are limited to {limit} bytes ({Security.RequestBodyLimits.Describe(limit)}).");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
        {
            // A gRPC stream's body is every message of a call that may last hours: the service limits
            // each message instead (ServiceDefaults' GrpcEndpoint.MaxMessageBytes).
            kestrelLimit.MaxRequestBodySize = GrpcRefusal.IsGrpc(context.Request) ? null : limit;
        }

        return next(context);
    }

    public static long LimitOf(GatewayRoute? route, GatewayOptions options) => route?.MaxBodyBytes ?? options.MaxRequestBodyBytes;

    /// <summary>Kestrel's server-wide limit: the largest any route takes (each request is then narrowed to its own).</summary>
    public static long ServerLimit(GatewayRouteTable table, GatewayOptions options) =>
        table.Routes.Select(r => r.MaxBodyBytes ?? 0).Append(options.MaxRequestBodyBytes).Max();
}
