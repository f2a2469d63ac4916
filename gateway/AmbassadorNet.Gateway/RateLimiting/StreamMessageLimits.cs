using AmbassadorNet.Gateway.Access;
using AmbassadorNet.Gateway.Routing;
using static AmbassadorNet.Gateway.RateLimiting.GatewayRateLimits;

namespace AmbassadorNet.Gateway.RateLimiting;

/// <summary>
/// Rate limits count messages on a gRPC client stream, not calls: the call took one token as it
/// came in, and each further message the client sends takes another from the same bucket before
/// the gateway reads it. With the bucket empty the gateway stops reading until a token is free, so
/// HTTP/2 flow control slows the client down instead of failing its stream.
/// </summary>
internal sealed class StreamMessageLimits(RequestDelegate next, GatewayBuckets buckets)
{
    public Task InvokeAsync(HttpContext context)
    {
        var route = context.Features.Get<GatewayRouteFeature>()?.Resolution.Route;
        if (route is not null && GrpcRefusal.IsGrpc(context.Request) && GatewayServices.IsGrpcPath(route.Template.Text) && !route.Access.IsPublic)
        {
            context.Request.Body = new MeteredGrpcBody(context.Request.Body, ct => TakeTokenAsync(context, ct));
        }

        return next(context);
    }

    private async ValueTask TakeTokenAsync(HttpContext context, CancellationToken ct)
    {
        while (true)
        {
            using var lease = await buckets.Limiter.AcquireAsync(context, 1, ct);
            if (lease.IsAcquired)
            {
                return;
            }

            var wait = lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMilliseconds(100);
            await Task.Delay(wait, ct);
        }
    }
}
