namespace AmbassadorNet.Analytics.Persistence;

// The tables of Migrations/0002_post_figures.sql.

/// <summary>What a post's own link and promo code brought on a UTC day, in one currency (clicks: '' until the campaign's is known).</summary>
public sealed class PostDailyRollup : IBrandOwned
{
    public Guid BrandId { get; set; }

    public Guid PostId { get; set; }

    public DateOnly Day { get; set; }

    public string Currency { get; set; } = "";

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    public long Clicks { get; set; }

    public long UniqueClicks { get; set; }

    public long BotClicks { get; set; }

    public long Conversions { get; set; }

    public decimal Revenue { get; set; }

    public decimal Refunds { get; set; }

    /// <summary>The value of gifts shipped for the post, counted on the day shipped.</summary>
    public decimal Gifts { get; set; }
}

/// <summary>A post as recorded (newest version wins): what its figures are grouped by.</summary>
public sealed class PostDimension : IBrandOwned
{
    public Guid PostId { get; set; }

    public Guid BrandId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid EnrollmentId { get; set; }

    public Guid CreatorId { get; set; }

    public string Platform { get; set; } = "";

    public string Format { get; set; } = "";

    public string Market { get; set; } = "";

    public string Language { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }

    public bool PaidPartnershipLabel { get; set; }

    public long? CreatorFollowers { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
