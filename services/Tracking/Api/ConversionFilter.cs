using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Tracking.Api;

/// <summary>The query of GET /api/conversions, read from strings so every malformed parameter is named in one 400.</summary>
internal sealed record ConversionFilter(
    string? Status, Guid? CampaignId, Guid? CreatorId, Guid? EnrollmentId, string? OrderId, bool? Flagged, DateTimeOffset? From, DateTimeOffset? To)
{
    public static ConversionFilter Read(
        string? status, string? campaignId, string? creatorId, string? enrollmentId, string? orderId, string? flagged, string? orderedFrom, string? orderedTo, int? limit)
    {
        var errors = new FieldErrors()
            .Check(status is null or "attributed" or "unattributed", "status", "attributed or unattributed.")
            .Check(flagged is null or "true" or "false", "flagged", "true or false.")
            .Check(limit is null or >= 1 and <= KeysetPagination.MaxLimit, "limit", $"Between 1 and {KeysetPagination.MaxLimit}.");
        OrderRules.CheckId(errors, "orderId", orderId);
        var (from, to) = QueryParameters.Range(errors, "orderedFrom", orderedFrom, "orderedTo", orderedTo);
        var filter = new ConversionFilter(
            status, QueryParameters.Id(errors, "campaignId", campaignId), QueryParameters.Id(errors, "creatorId", creatorId), QueryParameters.Id(errors, "enrollmentId", enrollmentId),
            orderId, flagged is null ? null : flagged == "true", from, to);
        errors.ThrowIfAny();
        return filter;
    }

    /// <summary>orderedFrom is inclusive, orderedTo exclusive, so consecutive ranges never count an order twice.</summary>
    public IQueryable<Conversion> Apply(IQueryable<Conversion> query)
    {
        query = Status is { } s ? query.Where(c => c.Status == s) : query;
        query = CampaignId is { } campaign ? query.Where(c => c.CampaignId == campaign) : query;
        query = CreatorId is { } creator ? query.Where(c => c.CreatorId == creator) : query;
        query = EnrollmentId is { } enrollment ? query.Where(c => c.EnrollmentId == enrollment) : query;
        query = OrderId is { } order ? query.Where(c => c.OrderId == order) : query;
        query = Flagged switch
        {
            true => query.Where(c => c.Flags.Count > 0),
            false => query.Where(c => c.Flags.Count == 0),
            null => query,
        };
        query = From is { } from ? query.Where(c => c.OrderedAt >= from) : query;
        return To is { } to ? query.Where(c => c.OrderedAt < to) : query;
    }
}
