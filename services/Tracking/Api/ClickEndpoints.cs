using AmbassadorNet.Persistence.Pagination;

namespace AmbassadorNet.Tracking.Api;

/// <summary>The brand's stored clicks one by one: what a ClicksCounted event counted, read back by its batch id.</summary>
internal static class ClickEndpoints
{
    private static readonly KeysetOrder<Click, DateTimeOffset> NewestOrder = new("clicked", c => c.ClickedAt, c => c.Id, descending: true);

    public static async Task<Ok<ClickPage>> ListAsync(
        string? batchId, string? linkId, string? campaignId, string? creatorId, string? postId, string? clickedFrom, string? clickedTo,
        string? cursor, int? limit, TrackingDbContext db, CancellationToken ct)
    {
        var filter = ClickFilter.Read(batchId, linkId, campaignId, creatorId, postId, clickedFrom, clickedTo, limit);
        var page = await filter.Apply(db.Clicks.AsNoTracking()).ToPageAsync(NewestOrder, cursor, limit ?? 50, ct);
        return TypedResults.Ok(new ClickPage([.. page.Items.Select(ClickView.Of)], page.NextCursor));
    }
}

/// <summary>A stored click as partners see it: what the retired per-click event carried, and the batch that counted it. Never the IP hash.</summary>
/// <param name="Id">UUIDv7; the <c>amb_cid</c> the visitor carried to the shop.</param>
/// <param name="BatchId">The ClicksCounted event that counted it; null for clicks stored before batches had ids.</param>
public sealed record ClickView(
    Guid Id, Guid LinkId, Guid EnrollmentId, Guid CampaignId, Guid CreatorId, Guid? PostId, DateTimeOffset ClickedAt,
    bool IsBot, bool IsDuplicate, bool IsAttributable, string? ReferrerHost, Guid? BatchId)
{
    public static ClickView Of(Click c) => new(
        c.Id, c.LinkId, c.EnrollmentId, c.CampaignId, c.CreatorId, c.PostId, c.ClickedAt, c.IsBot, c.IsDuplicate, c.IsAttributable, c.ReferrerHost, c.BatchId);
}

public sealed record ClickPage(IReadOnlyList<ClickView> Items, string? NextCursor);
