namespace AmbassadorNet.Campaigns.Domain.UsageRights;

/// <summary>
/// A notice sent for a post's usage rights ending on <see cref="EndsOn"/>: <see cref="DaysBefore"/> the
/// threshold, 0 for expired. The key (post, end, threshold) is what makes each notice go out once; the job
/// inserts it with ON CONFLICT DO NOTHING in the same transaction as the event.
/// </summary>
public sealed class UsageRightsNotice : IBrandOwned
{
    public Guid PostId { get; set; }

    public DateOnly EndsOn { get; set; }

    public int DaysBefore { get; set; }

    public Guid BrandId { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
