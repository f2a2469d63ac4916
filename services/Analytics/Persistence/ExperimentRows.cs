namespace AmbassadorNet.Analytics.Persistence;

// The tables of Migrations/0007_experiments.sql.

/// <summary>An experiment as campaigns declared it (newest version wins): its variants, control and α.</summary>
public sealed class ExperimentDimension : IBrandOwned
{
    public Guid ExperimentId { get; set; }

    public Guid BrandId { get; set; }

    public Guid CampaignId { get; set; }

    public string Name { get; set; } = "";

    public List<ExperimentVariantName> Variants { get; set; } = [];

    public string ControlVariant { get; set; } = "";

    public string Assignment { get; set; } = "";

    public long? Seed { get; set; }

    public decimal SignificanceLevel { get; set; }

    /// <summary>running or ended.</summary>
    public string Status { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsRunning => Status == "running";
}

/// <summary>A variant's key and name, in the order the experiment lists them.</summary>
public sealed record ExperimentVariantName(string Key, string Name);

/// <summary>A variant announced as significantly different from the control; its row makes the event once-only.</summary>
public sealed class ExperimentAnnouncement : IBrandOwned
{
    public Guid ExperimentId { get; set; }

    public string Variant { get; set; } = "";

    public Guid BrandId { get; set; }

    public DateTimeOffset AnnouncedAt { get; set; }
}
