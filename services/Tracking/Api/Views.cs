namespace AmbassadorNet.Tracking.Api;

public sealed record LinkView(
    Guid Id, string Code, string Url, Guid EnrollmentId, Guid CampaignId, Guid CreatorId, Guid? PostId, bool Active, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt)
{
    public static LinkView From(TrackingLink l, string url) => new(l.Id, l.Code, url, l.EnrollmentId, l.CampaignId, l.CreatorId, l.PostId, l.Active, l.CreatedAt, l.DeactivatedAt);
}

public sealed record LinkPage(IReadOnlyList<LinkView> Items, string? NextCursor);

public sealed record PromoCodeView(
    Guid Id, string Code, Guid EnrollmentId, Guid CampaignId, Guid CreatorId, Guid? PostId, bool Active, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt)
{
    public static PromoCodeView From(PromoCode p) => new(p.Id, p.Code, p.EnrollmentId, p.CampaignId, p.CreatorId, p.PostId, p.Active, p.CreatedAt, p.DeactivatedAt);
}

public sealed record PromoCodePage(IReadOnlyList<PromoCodeView> Items, string? NextCursor);

/// <summary>Another link for an enrollment (a creator may want one per platform).</summary>
/// <summary>Another link for an enrollment, or for one of its posts (exactly one of the two).</summary>
public sealed record CreateLinkRequest(Guid? EnrollmentId, Guid? PostId);

/// <summary>
/// Another promo code for an enrollment, or for one of its posts (exactly one of the two);
/// <see cref="Code"/> is the brand's choice (3–32 letters and digits) or derived from the handle.
/// </summary>
public sealed record CreatePromoCodeRequest(Guid? EnrollmentId, string? Code, Guid? PostId);

/// <summary>What this replica answered and what became of the clicks: answered = stored + dropped + pending once idle.</summary>
public sealed record RedirectStatsView(long Answered, long Stored, long Dropped, long Pending, long Batches, int LinksInMemory);
