namespace AmbassadorNet.Tracking.Domain;

/// <summary>What tracking needs of a launched campaign, kept from the campaigns service's events (newest version wins).</summary>
public sealed class CampaignReplica : IBrandOwned
{
    public Guid CampaignId { get; set; }

    public Guid BrandId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>"active", "paused" or "ended".</summary>
    public string Status { get; set; } = "";

    public string DestinationUrl { get; set; } = "";

    public List<string> AllowedDomains { get; set; } = [];

    public string Currency { get; set; } = "";

    /// <summary>A click attributes orders placed at most this many days after it.</summary>
    public int AttributionWindowDays { get; set; } = 30;

    public decimal? DiscountPercent { get; set; }

    public decimal? DiscountAmount { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Paused campaigns still earn; ended ones do not.</summary>
    public bool Earns => Status is "active" or "paused";
}

/// <summary>An enrollment as CreatorEnrolled/EnrollmentEnded describe it; links of an ended one still redirect but attribute nothing.</summary>
public sealed class EnrollmentReplica : IBrandOwned
{
    public Guid EnrollmentId { get; set; }

    public Guid BrandId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    [PersonalData]
    public string? Handle { get; set; }

    /// <summary>"active" or the reason it ended.</summary>
    public string Status { get; set; } = "";

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsActive => Status == "active";
}

/// <summary>A post as PostRecorded describes it: which enrollment a post's link or promo code is issued for.</summary>
public sealed class PostReplica : IBrandOwned
{
    public Guid PostId { get; set; }

    public Guid BrandId { get; set; }

    public Guid EnrollmentId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// How many changes a brand's codes, links, enrollments and campaigns have seen: raised by the
/// tables' triggers (migration 0003), read by the attribution directory and by each order's insert.
/// </summary>
public sealed class AttributionGeneration : IBrandOwned
{
    public Guid BrandId { get; set; }

    public long Generation { get; set; }
}

/// <summary>A creator whose personal data was erased (CreatorErased): their handle is never kept here again.</summary>
public sealed class ErasedCreator : IBrandOwned
{
    public Guid CreatorId { get; set; }

    public Guid BrandId { get; set; }

    public DateTimeOffset ErasedAt { get; set; }
}
