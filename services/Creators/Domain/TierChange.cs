namespace AmbassadorNet.Creators.Domain;

/// <summary>A move between tiers, kept so a brand can see when a creator grew (or shrank).</summary>
public sealed class TierChange : BrandOwnedEntity
{
    public Guid CreatorId { get; set; }

    public Tier FromTier { get; set; }

    public Tier ToTier { get; set; }

    public long Followers { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
