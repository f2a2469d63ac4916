using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Tracking.Api;

/// <summary>The query of GET /api/clicks, read from strings so every malformed parameter is named in one 400.</summary>
internal sealed record ClickFilter(
    Guid? BatchId, Guid? LinkId, Guid? CampaignId, Guid? CreatorId, Guid? PostId, DateTimeOffset? From, DateTimeOffset? To)
{
    public static ClickFilter Read(
        string? batchId, string? linkId, string? campaignId, string? creatorId, string? postId, string? clickedFrom, string? clickedTo, int? limit)
    {
        var errors = new FieldErrors()
            .Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        var (from, to) = QueryParameters.Range(errors, "clickedFrom", clickedFrom, "clickedTo", clickedTo);
        var filter = new ClickFilter(
            QueryParameters.Id(errors, "batchId", batchId), QueryParameters.Id(errors, "linkId", linkId), QueryParameters.Id(errors, "campaignId", campaignId),
            QueryParameters.Id(errors, "creatorId", creatorId), QueryParameters.Id(errors, "postId", postId), from, to);
        errors.ThrowIfAny();
        return filter;
    }

    /// <summary>clickedFrom is inclusive, clickedTo exclusive, so consecutive ranges never list a click twice.</summary>
    public IQueryable<Click> Apply(IQueryable<Click> query)
    {
        query = BatchId is { } batch ? query.Where(c => c.BatchId == batch) : query;
        query = LinkId is { } link ? query.Where(c => c.LinkId == link) : query;
        query = CampaignId is { } campaign ? query.Where(c => c.CampaignId == campaign) : query;
        query = CreatorId is { } creator ? query.Where(c => c.CreatorId == creator) : query;
        query = PostId is { } post ? query.Where(c => c.PostId == post) : query;
        query = From is { } from ? query.Where(c => c.ClickedAt >= from) : query;
        return To is { } to ? query.Where(c => c.ClickedAt < to) : query;
    }
}
