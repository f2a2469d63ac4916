namespace AmbassadorNet.Creators.Domain;

/// <summary>
/// The figures of one measurement of a creator's social account: a <see cref="SocialAccount"/> shows
/// its newest, each <see cref="StatSnapshot"/> keeps one for the history of the creator's reach.
/// </summary>
public abstract class AccountFigures : BrandOwnedEntity
{
    public Guid CreatorId { get; set; }

    public long Followers { get; set; }

    public long AverageLikes { get; set; }

    public long AverageComments { get; set; }

    public long AverageViews { get; set; }

    public decimal? EngagementRate { get; set; }

    public DateTimeOffset MeasuredAt { get; set; }

    /// <summary>Takes the figures of a reading, with the engagement rate they give.</summary>
    public void Take(StatsReading reading)
    {
        (Followers, AverageLikes, AverageComments, AverageViews, MeasuredAt) =
            (reading.Followers, reading.AverageLikes, reading.AverageComments, reading.AverageViews, reading.MeasuredAt);
        EngagementRate = Engagement.Rate(reading.Followers, reading.AverageLikes, reading.AverageComments);
    }
}
