namespace AmbassadorNet.Analytics.Persistence;

/// <summary>What the views show of a campaign, from the newest campaign event.</summary>
public sealed class CampaignDimension : IBrandOwned
{
    public Guid CampaignId { get; set; }

    public Guid BrandId { get; set; }

    public string Name { get; set; } = "";

    public string Currency { get; set; } = "";

    public decimal? Budget { get; set; }

    public string Status { get; set; } = "";

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What the views show of a creator, from the newest creator event: the current tier, not the tier at click time.</summary>
public sealed class CreatorDimension : IBrandOwned
{
    public Guid CreatorId { get; set; }

    public Guid BrandId { get; set; }

    public string DisplayName { get; set; } = "";

    public string? Handle { get; set; }

    public string Tier { get; set; } = "";

    public decimal? EngagementRate { get; set; }

    public long Followers { get; set; }

    public string Status { get; set; } = "";

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
