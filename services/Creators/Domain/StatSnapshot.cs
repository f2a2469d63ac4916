using AmbassadorNet.Persistence.Tenancy;

namespace AmbassadorNet.Creators.Domain;

/// <summary>One measurement of an account, kept for the history of a creator's reach.</summary>
public sealed class StatSnapshot : BrandOwnedEntity
{
    public Guid CreatorId { get; set; }

    public Guid AccountId { get; set; }

    public long Followers { get; set; }

    public long AverageLikes { get; set; }

    public long AverageComments { get; set; }

    public long AverageViews { get; set; }

    public decimal? EngagementRate { get; set; }

    public DateTimeOffset MeasuredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
