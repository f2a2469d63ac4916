using AmbassadorNet.Persistence.Tenancy;

namespace AmbassadorNet.Tracking.Domain;

/// <summary>A promo code, unique per brand ignoring case (<see cref="NormalizedCode"/> carries the unique index).</summary>
public sealed class PromoCode : BrandOwnedEntity
{
    public string Code { get; set; } = "";

    public string NormalizedCode { get; set; } = "";

    public Guid EnrollmentId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }
}
