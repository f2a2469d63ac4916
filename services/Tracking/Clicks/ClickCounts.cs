using AmbassadorNet.Contracts.Tracking;

namespace AmbassadorNet.Tracking.Clicks;

/// <summary>What a ClicksCounted event says about a brand's clicks of one batch: counts per link and UTC day.</summary>
public static class ClickCounts
{
    public static List<ClickCount> Of(IEnumerable<Click> clicks) =>
        [.. clicks.GroupBy(c => (c.LinkId, c.EnrollmentId, c.CampaignId, c.CreatorId, c.PostId, Day: DateOnly.FromDateTime(c.ClickedAt.UtcDateTime)))
            .Select(g => new ClickCount(
                g.Key.LinkId, g.Key.EnrollmentId, g.Key.CampaignId, g.Key.CreatorId, g.Key.Day,
                Clicks: g.Count(), UniqueClicks: g.Count(c => !c.IsBot && !c.IsDuplicate), BotClicks: g.Count(c => c.IsBot),
                DuplicateClicks: g.Count(c => c.IsDuplicate), AttributableClicks: g.Count(c => c.IsAttributable),
                FirstClickedAt: g.Min(c => c.ClickedAt), LastClickedAt: g.Max(c => c.ClickedAt), g.Key.PostId))];
}
