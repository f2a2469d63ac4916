using AmbassadorNet.Contracts.Campaigns;

namespace AmbassadorNet.Analytics.Consumers;

/// <summary>
/// Keeps each post's latest snapshot of a UTC day, by the rule campaigns applies: a day's snapshot
/// is replaced only by one measured later, or at the same instant with greater counts (compared in
/// a fixed order, a missing count lowest). So a repeated, late or out-of-order report changes nothing
/// it should not, and this table always equals campaigns' own.
/// </summary>
public sealed class PostMetricsHandler(AnalyticsDbContext db) : IMessageHandler<PostMetricsRecorded>
{
    public async Task<HandleResult> HandleAsync(PostMetricsRecorded m, InboundMessage context, CancellationToken ct)
    {
        var c = m.Lifetime;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO post_metric_snapshots AS s (post_id, day, brand_id, measured_at, views, reach, likes, comments, shares, saves)
            VALUES ({m.PostId}, {m.Day}, {db.CurrentBrandId}, {m.MeasuredAt}, {c.Views}, {c.Reach}, {c.Likes}, {c.Comments}, {c.Shares}, {c.Saves})
            ON CONFLICT (post_id, day) DO UPDATE SET
                measured_at = EXCLUDED.measured_at, views = EXCLUDED.views, reach = EXCLUDED.reach, likes = EXCLUDED.likes,
                comments = EXCLUDED.comments, shares = EXCLUDED.shares, saves = EXCLUDED.saves
            WHERE s.brand_id = EXCLUDED.brand_id AND
                  (EXCLUDED.measured_at, coalesce(EXCLUDED.views, -1), coalesce(EXCLUDED.reach, -1), coalesce(EXCLUDED.likes, -1),
                   coalesce(EXCLUDED.comments, -1), coalesce(EXCLUDED.shares, -1), coalesce(EXCLUDED.saves, -1))
                > (s.measured_at, coalesce(s.views, -1), coalesce(s.reach, -1), coalesce(s.likes, -1),
                   coalesce(s.comments, -1), coalesce(s.shares, -1), coalesce(s.saves, -1))
            """, ct);
        return HandleResult.Done;
    }
}
