namespace AmbassadorNet.Campaigns.UsageRights;

/// <summary>
/// A notice the job owes: the grants of one post ending on <see cref="EndsOn"/>, <see cref="DaysBefore"/>
/// days ahead by a threshold of the brand, or 0 once that day has passed. Read by raw SQL (hence the names).
/// </summary>
public sealed record DueNotice(
    Guid PostId, Guid CampaignId, Guid EnrollmentId, Guid CreatorId, string Source, DateOnly EndsOn, int DaysBefore, string[] Uses, string[] Territories);
