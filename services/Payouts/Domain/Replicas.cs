using AmbassadorNet.Commissions;

namespace AmbassadorNet.Payouts.Domain;

/// <summary>One version of a campaign's terms, as the campaigns service published it; applies to orders at or after <see cref="EffectiveFrom"/>.</summary>
public sealed class CampaignTermsVersion : BrandOwnedEntity, ITermsVersion
{
    public Guid CampaignId { get; set; }

    public int TermsVersion { get; set; }

    public DateTimeOffset EffectiveFrom { get; set; }

    public string Currency { get; set; } = "";

    public int HoldingPeriodDays { get; set; }

    public Plan CommissionPlan { get; set; } = null!;

    public decimal? DeliverableFee { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// One version of an enrollment: its commission override (null: the campaign's plan) applies to
/// orders at or after <see cref="OverrideFrom"/> (the override's effective time, or the event's
/// time when the enrollment has none).
/// </summary>
public sealed class EnrollmentVersion : BrandOwnedEntity, IOverrideVersion
{
    public Guid EnrollmentId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CreatorId { get; set; }

    public long Version { get; set; }

    public string Status { get; set; } = "";

    public Plan? CommissionOverride { get; set; }

    public DateTimeOffset OverrideFrom { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
