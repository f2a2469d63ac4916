using AmbassadorNet.Persistence.Tenancy;

namespace AmbassadorNet.Tracking.Domain;

/// <summary>A tracking link: <c>/r/{Code}</c>. Never deleted; a deactivated link answers 404.</summary>
public sealed class TrackingLink : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public string Code { get; set; } = "";

    public Guid EnrollmentId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }
}

/// <summary>A promo code, unique per brand ignoring case (<see cref="NormalizedCode"/> carries the unique index).</summary>
public sealed class PromoCode : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public string Code { get; set; } = "";

    public string NormalizedCode { get; set; } = "";

    public Guid EnrollmentId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }
}

/// <summary>One stored click. The visitor is known only by a keyed hash of their IP.</summary>
public sealed class Click : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public Guid LinkId { get; set; }

    public Guid EnrollmentId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    public DateTimeOffset ClickedAt { get; set; }

    public string IpHash { get; set; } = "";

    public string? UserAgent { get; set; }

    public string? ReferrerHost { get; set; }

    public bool IsBot { get; set; }

    public bool IsDuplicate { get; set; }

    public bool IsAttributable { get; set; }
}
