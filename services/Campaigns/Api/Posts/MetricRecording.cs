using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.Contracts.Campaigns;

namespace AmbassadorNet.Campaigns.Api.Posts;

/// <summary>Checks reported snapshots against their posts and stores them with one PostMetricsRecorded per day that changed.</summary>
internal static class MetricRecording
{
    public const long MaxCount = 10_000_000_000_000;

    /// <summary>A snapshot of <paramref name="post"/>, or null with the problems in <paramref name="errors"/> (keyed by field).</summary>
    public static MetricSnapshot? Check(Post post, RecordMetricsRequest report, DateTimeOffset now, FieldErrors errors)
    {
        var counts = new MetricCounts(report.Views, report.Reach, report.Likes, report.Comments, report.Shares, report.Saves);
        foreach (var (field, value) in new[] { ("views", report.Views), ("reach", report.Reach), ("likes", report.Likes), ("comments", report.Comments), ("shares", report.Shares), ("saves", report.Saves) })
        {
            errors.Check(value is null or >= 0 and <= MaxCount, field, "A whole number from 0, or left out when the platform does not report it.");
        }

        errors.Check(!counts.IsEmpty, "metrics", "At least one of views, reach, likes, comments, shares, saves.");
        var measuredAt = report.MeasuredAt is { } at ? Instants.ToMicroseconds(at) : (DateTimeOffset?)null;
        errors.Check(measuredAt is not null, "measuredAt", "When the platform showed these counts (ISO 8601).");
        errors.Check(measuredAt is null || measuredAt <= now + PostValidation.ClockSkew, "measuredAt", "Not in the future.");
        errors.Check(measuredAt is null || DateOnly.FromDateTime(measuredAt.Value.UtcDateTime) >= DateOnly.FromDateTime(post.PublishedAt.UtcDateTime),
            "measuredAt", $"Not before the post was published ({post.PublishedAt:yyyy-MM-dd}).");
        return errors.IsEmpty
            ? new MetricSnapshot
            {
                BrandId = post.BrandId, PostId = post.Id, Day = DateOnly.FromDateTime(measuredAt!.Value.UtcDateTime), MeasuredAt = measuredAt.Value,
                Views = counts.Views, Reach = counts.Reach, Likes = counts.Likes, Comments = counts.Comments, Shares = counts.Shares, Saves = counts.Saves,
                RecordedAt = now,
            }
            : null;
    }

    /// <returns>The (post, day) pairs whose snapshot changed.</returns>
    public static async Task<HashSet<(Guid PostId, DateOnly Day)>> RecordAsync(
        CampaignsDbContext db, IReadOnlyList<(Post Post, MetricSnapshot Snapshot)> reports, TimeProvider clock, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await MetricSnapshots.UpsertAsync(db, [.. reports.Select(r => r.Snapshot)], ct);
        var posts = reports.Select(r => r.Post).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        foreach (var snapshot in reports.Select(r => r.Snapshot).Where(s => changed.Contains((s.PostId, s.Day))).GroupBy(s => (s.PostId, s.Day)).Select(g => g.MaxBy(MetricSnapshots.Rank)!))
        {
            var post = posts[snapshot.PostId];
            db.AddEvent(new PostMetricsRecorded(
                post.BrandId, snapshot.RecordedAt, post.Id, post.EnrollmentId, post.CampaignId, post.CreatorId, snapshot.Day, snapshot.MeasuredAt,
                new PostMetricCounts(snapshot.Views, snapshot.Reach, snapshot.Likes, snapshot.Comments, snapshot.Shares, snapshot.Saves)), clock);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return changed;
    }
}
