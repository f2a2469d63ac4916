namespace AmbassadorNet.Tracking.Domain;

/// <summary>
/// What an enrollment is tracked by: a <see cref="TrackingLink"/> or a <see cref="PromoCode"/>. Both
/// are issued for one creator in one campaign, optionally for one of their posts, and are never
/// deleted, only deactivated. Creator-owned: a creator credential's queries see only its creator's
/// (the redirect and the attribution read them from memory or with the creator filter off).
/// </summary>
public abstract class EnrollmentCode : BrandOwnedEntity, ICreatorOwned
{
    public string Code { get; set; } = "";

    public Guid EnrollmentId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    /// <summary>The post of the enrollment this code was issued for: its clicks and orders count for that post too. Null: the enrollment's own.</summary>
    public Guid? PostId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Deactivates the code; false when it already was, so a repeated request announces nothing.</summary>
    public bool Deactivate(DateTimeOffset at)
    {
        if (!Active)
        {
            return false;
        }

        (Active, DeactivatedAt) = (false, at);
        return true;
    }
}
