namespace AmbassadorNet.Tracking.Domain;

/// <summary>One stored click. The visitor is known only by a keyed hash of their IP.</summary>
public sealed class Click : BrandOwnedEntity
{
    public Guid LinkId { get; set; }

    public Guid EnrollmentId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    /// <summary>The post whose link was clicked, if the link is a post's.</summary>
    public Guid? PostId { get; set; }

    public DateTimeOffset ClickedAt { get; set; }

    public string IpHash { get; set; } = "";

    public string? UserAgent { get; set; }

    public string? ReferrerHost { get; set; }

    public bool IsBot { get; set; }

    public bool IsDuplicate { get; set; }

    public bool IsAttributable { get; set; }

    /// <summary>The batch the click was stored in: its ClicksCounted event counts it. Null for clicks stored before batches had ids.</summary>
    public Guid? BatchId { get; set; }
}
