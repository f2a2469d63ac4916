using AmbassadorNet.Campaigns.Domain.Posts;
using Npgsql;
using NpgsqlTypes;

namespace AmbassadorNet.Campaigns.Persistence;

/// <summary>
/// Stores reported snapshots in one statement: a day's snapshot is replaced only by one measured
/// later, or at the same instant with greater counts (compared in a fixed order, a missing count
/// lowest). Repeated and older reports change nothing, whatever order they arrive in.
/// </summary>
public static class MetricSnapshots
{
    /// <returns>The (post, day) pairs whose snapshot changed: each gets one PostMetricsRecorded.</returns>
    public static async Task<HashSet<(Guid PostId, DateOnly Day)>> UpsertAsync(CampaignsDbContext db, IReadOnlyList<MetricSnapshot> reports, CancellationToken ct)
    {
        // Within one call, the winner of each (post, day) goes in: one statement may not touch a row twice.
        var winners = reports.GroupBy(r => (r.PostId, r.Day)).Select(g => g.MaxBy(Rank)!).OrderBy(r => r.PostId).ThenBy(r => r.Day).ToList();
        if (winners.Count == 0)
        {
            return [];
        }

        var changed = await db.Database.SqlQueryRaw<ChangedDay>("""
            INSERT INTO post_metric_snapshots AS s (brand_id, post_id, day, measured_at, views, reach, likes, comments, shares, saves, recorded_at)
            SELECT @brand, r.post_id, r.day, r.measured_at, r.views, r.reach, r.likes, r.comments, r.shares, r.saves, @now
            FROM unnest(@posts, @days, @measured, @views, @reach, @likes, @comments, @shares, @saves)
                 AS r(post_id, day, measured_at, views, reach, likes, comments, shares, saves)
            ON CONFLICT (post_id, day) DO UPDATE SET
                measured_at = EXCLUDED.measured_at, views = EXCLUDED.views, reach = EXCLUDED.reach, likes = EXCLUDED.likes,
                comments = EXCLUDED.comments, shares = EXCLUDED.shares, saves = EXCLUDED.saves, recorded_at = EXCLUDED.recorded_at
            WHERE s.brand_id = EXCLUDED.brand_id AND
                  (EXCLUDED.measured_at, coalesce(EXCLUDED.views, -1), coalesce(EXCLUDED.reach, -1), coalesce(EXCLUDED.likes, -1),
                   coalesce(EXCLUDED.comments, -1), coalesce(EXCLUDED.shares, -1), coalesce(EXCLUDED.saves, -1))
                > (s.measured_at, coalesce(s.views, -1), coalesce(s.reach, -1), coalesce(s.likes, -1),
                   coalesce(s.comments, -1), coalesce(s.shares, -1), coalesce(s.saves, -1))
            RETURNING s.post_id AS "PostId", s.day AS "Day"
            """,
            new NpgsqlParameter("brand", db.CurrentBrandId),
            new NpgsqlParameter("now", winners[0].RecordedAt),
            Array("posts", NpgsqlDbType.Uuid, winners.Select(r => r.PostId)),
            Array("days", NpgsqlDbType.Date, winners.Select(r => r.Day)),
            Array("measured", NpgsqlDbType.TimestampTz, winners.Select(r => r.MeasuredAt)),
            Array("views", NpgsqlDbType.Bigint, winners.Select(r => r.Views)),
            Array("reach", NpgsqlDbType.Bigint, winners.Select(r => r.Reach)),
            Array("likes", NpgsqlDbType.Bigint, winners.Select(r => r.Likes)),
            Array("comments", NpgsqlDbType.Bigint, winners.Select(r => r.Comments)),
            Array("shares", NpgsqlDbType.Bigint, winners.Select(r => r.Shares)),
            Array("saves", NpgsqlDbType.Bigint, winners.Select(r => r.Saves))).ToListAsync(ct);
        return [.. changed.Select(c => (c.PostId, c.Day))];
    }

    /// <summary>The order the statement compares snapshots of one day in, for picking a file's winner the same way.</summary>
    public static (DateTimeOffset, long, long, long, long, long, long) Rank(MetricSnapshot s) =>
        (s.MeasuredAt, s.Views ?? -1, s.Reach ?? -1, s.Likes ?? -1, s.Comments ?? -1, s.Shares ?? -1, s.Saves ?? -1);

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

    private sealed record ChangedDay(Guid PostId, DateOnly Day);
}
