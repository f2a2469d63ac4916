using System.Globalization;
using System.Threading.RateLimiting;
using AmbassadorNet.Gateway.Access;
using AmbassadorNet.Gateway.Configuration;
using AmbassadorNet.Gateway.Routing;
using AmbassadorNet.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Gateway.RateLimiting;

/// <summary>
/// One token bucket per API key (the operator key has its own), and one per client IP for everything
/// that comes without a valid key: the public redirect, the API page, and refused credentials (which
/// bounds guessing). Health checks are never limited. Refusals are 429 problems with Retry-After
/// (RESOURCE_EXHAUSTED for a gRPC call). On a client stream every message after the first takes a
/// token of the same bucket (<see cref="StreamMessageLimits"/>).
/// </summary>
internal static class GatewayRateLimits
{
    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services)
    {
        // One set of buckets: the middleware takes a token per call, a client stream one per further message (StreamMessageLimits).
        var buckets = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
        services.AddSingleton(new GatewayBuckets(buckets));
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = buckets;
            limiter.OnRejected = OnRejectedAsync;
        });
    }

    /// <summary>The gateway's token buckets, shared by the rate-limiting middleware and the per-message meter of client streams.</summary>
    public sealed record GatewayBuckets(PartitionedRateLimiter<HttpContext> Limiter);

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimits;
        var route = context.Features.Get<GatewayRouteFeature>()?.Resolution.Route;
        if (route is { Service: GatewayServices.GatewayItself, Access.IsPublic: true })
        {
            return RateLimitPartition.GetNoLimiter("health");
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            // A member signed in with the brand's identity provider has no key; their member id stands in for it.
            var key = context.User.GetApiKeyId()?.ToString() ?? Roles.Operator;
            return RateLimitPartition.GetTokenBucketLimiter("key:" + key, _ => Bucket(limits.PerKey));
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetTokenBucketLimiter("ip:" + address, _ => Bucket(limits.PerClientIp));
    }

    private static TokenBucketRateLimiterOptions Bucket(TokenBucketSettings settings) => new()
    {
        TokenLimit = settings.TokenLimit,
        TokensPerPeriod = settings.TokensPerPeriod,
        ReplenishmentPeriod = settings.ReplenishmentPeriod,
        // Refuse at once rather than hold requests (and their connections) in a queue.
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await GatewayProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests", $"Rate limit reached; retry after {seconds} s.");
    }
}
