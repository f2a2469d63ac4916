using AmbassadorNet.Persistence.Tenancy;

namespace AmbassadorNet.Tracking.Domain;

/// <summary>A tracking link: <c>/r/{Code}</c>. Never deleted; a deactivated link answers 404.</summary>
public sealed class TrackingLink : BrandOwnedEntity
{
    public string Code { get; set; } = "";

    public Guid EnrollmentId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }
}
