namespace AmbassadorNet.Analytics.Api.Content;

/// <summary>The content reports as JSON: the post leaderboard and posts grouped by one dimension.</summary>
internal static class ContentEndpoints
{
    public static async Task<Ok<ContentPostsPage>> PostsAsync(
        string? currency, string? from, string? to, string? sort, string? campaignId, string? creatorId, string? platform, string? format, string? market,
        string? offset, string? limit, ContentViews views, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var request = ContentRequest.Read(currency, from, to, sort, campaignId, creatorId, platform, format, market, errors);
        var (skip, take) = ViewQuery.Paging(offset, limit, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await views.PostsAsync(request.Filter, request.Currency, request.Range, request.Sort, skip, take, ct));
    }

    public static async Task<Ok<ContentGroupsPage>> GroupsAsync(
        string dimension, string? currency, string? from, string? to, string? sort, string? campaignId, string? creatorId, string? platform, string? format,
        string? market, string? offset, string? limit, ContentViews views, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var by = ContentDimension.Parse(dimension);
        errors.Check(by is not null, "dimension", $"Posts are grouped by one of: {ContentDimension.Names}.");
        var request = ContentRequest.Read(currency, from, to, sort, campaignId, creatorId, platform, format, market, errors);
        var (skip, take) = ViewQuery.Paging(offset, limit, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await views.GroupsAsync(by!, request.Filter, request.Currency, request.Range, request.Sort, skip, take, ct));
    }
}
