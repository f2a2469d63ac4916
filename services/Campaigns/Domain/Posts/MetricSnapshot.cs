namespace AmbassadorNet.Campaigns.Domain.Posts;

/// <summary>
/// A post's lifetime counts on one UTC day. Platforms report lifetime figures, so a day keeps one
/// snapshot: the latest measured wins; between two measured at the same instant, the one with the
/// greater counts, so the outcome never depends on the order reports arrive in.
/// </summary>
public sealed class MetricSnapshot : IBrandOwned
{
    public Guid BrandId { get; set; }

    public Guid PostId { get; set; }

    public DateOnly Day { get; set; }

    public DateTimeOffset MeasuredAt { get; set; }

    public long? Views { get; set; }

    public long? Reach { get; set; }

    public long? Likes { get; set; }

    public long? Comments { get; set; }

    public long? Shares { get; set; }

    public long? Saves { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public MetricCounts Counts => new(Views, Reach, Likes, Comments, Shares, Saves);
}
