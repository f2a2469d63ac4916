namespace AmbassadorNet.Analytics.Persistence;

// The tables of Migrations/0002_post_figures.sql (and the columns 0003 and 0004 add) and 0005_content_metrics.sql.

/// <summary>What a post's own link and promo code brought on a UTC day, in one currency, and the gifts shipped for it.</summary>
public sealed class PostDailyRollup : RollupCounters
{
    public Guid PostId { get; set; }

    public Guid CreatorId { get; set; }
}

/// <summary>
/// A post's counters over its whole life so far in one currency, and the first and last UTC day it has
/// any (<see cref="RollupCounters.Day"/> is not a column here).
/// </summary>
public sealed class PostTotal : RollupCounters
{
    public Guid PostId { get; set; }

    public Guid CreatorId { get; set; }

    public DateOnly FirstDay { get; set; }

    public DateOnly LastDay { get; set; }
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

    /// <summary>The experiment the post takes part in, and its variant's key (both null when none).</summary>
    public Guid? ExperimentId { get; set; }

    public string? Variant { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A post's latest snapshot of a UTC day: its lifetime counts as the platform reported them (null: not reported).</summary>
public sealed class PostMetricSnapshot : IBrandOwned
{
    public Guid PostId { get; set; }

    public DateOnly Day { get; set; }

    public Guid BrandId { get; set; }

    public DateTimeOffset MeasuredAt { get; set; }

    public long? Views { get; set; }

    public long? Reach { get; set; }

    public long? Likes { get; set; }

    public long? Comments { get; set; }

    public long? Shares { get; set; }

    public long? Saves { get; set; }
}
