namespace AmbassadorNet.Analytics.Api.Content;

/// <summary>The parameters every content report shares, read and checked at once (all problems in one 400).</summary>
internal sealed record ContentRequest(ContentFilter Filter, string? Currency, DateRange Range, ContentSort Sort)
{
    public static ContentRequest Read(
        string? currency, string? from, string? to, string? sort, string? campaignId, string? creatorId, string? platform, string? format, string? market,
        FieldErrors errors) =>
        new(ViewQuery.Posts(campaignId, creatorId, platform, format, market, errors), ViewQuery.Currency(currency, errors),
            ViewQuery.Range(from, to, errors), ViewQuery.ContentOrder(sort, errors));
}
