using AmbassadorNet.SharedKernel;
using AmbassadorNet.Tracking.Clicks;
using AmbassadorNet.Tracking.Resolution;

namespace AmbassadorNet.Tracking.Api;

/// <summary>
/// The hot path: resolve the code from memory, answer 302, and hand the click to the in-memory
/// buffer. Nothing here waits for the broker, and the database only on a directory miss.
/// </summary>
internal static class RedirectEndpoint
{
    public static async Task<IResult> RedirectAsync(
        string code, HttpContext http, CodeDirectory directory, Visitor visitor, DuplicateWindow duplicates, ClickBuffer clicks,
        RedirectStats stats, TimeProvider clock, ILogger<CodeDirectory> logger, CancellationToken ct)
    {
        if (code.Length > 32 || await directory.ResolveAsync(code, ct) is not { } resolved)
        {
            return TypedResults.NotFound();
        }

        var (link, campaign) = resolved;
        if (SafeDestination.Check(campaign.DestinationUrl, campaign.AllowedDomains) is not { } destination)
        {
            // Campaigns validates destinations; this is the last line against an open redirect.
            logger.LogWarning("Campaign {CampaignId} destination is outside its allowed domains; code {Code} not redirected", campaign.CampaignId, code);
            return TypedResults.NotFound();
        }

        // As stored (timestamptz keeps microseconds), so the batch's ClicksCounted times equal the rows read back.
        var now = Instants.ToMicroseconds(clock.GetUtcNow());
        var clickId = Ids.New(clock);
        var request = http.Request;
        var userAgent = request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? Truncate(ua, 512) : null;
        var ipHash = visitor.Hash(visitor.ClientAddress(http.Connection.RemoteIpAddress, request.Headers["X-Forwarded-For"].ToString()));
        clicks.Add(new Click
        {
            Id = clickId, BrandId = link.BrandId, LinkId = link.LinkId, EnrollmentId = link.EnrollmentId, CampaignId = link.CampaignId,
            CreatorId = link.CreatorId, PostId = link.PostId, ClickedAt = now, IpHash = ipHash, UserAgent = userAgent,
            ReferrerHost = Visitor.ReferrerHost(request.Headers.Referer.ToString()) is { } host ? Truncate(host, 255) : null,
            IsBot = BotDetector.IsBot(request.Method, userAgent),
            IsDuplicate = duplicates.IsDuplicate(link.LinkId, ipHash, now),
            IsAttributable = campaign.Attributes && link.EnrollmentActive,
        });
        var location = RedirectUrl.Build(destination, new TrackingParameters(campaign.Name, link.Handle ?? link.Code, clickId));
        http.Response.Headers.CacheControl = "no-store"; // every click must reach us, not a cache
        stats.RedirectAnswered();
        return TypedResults.Redirect(location);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
