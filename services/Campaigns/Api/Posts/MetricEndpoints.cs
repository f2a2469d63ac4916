using AmbassadorNet.Campaigns.Domain.Posts;

namespace AmbassadorNet.Campaigns.Api.Posts;

/// <summary>A post's metrics: report one snapshot, read them all with increments and the engagement rate.</summary>
internal static class MetricEndpoints
{
    public static async Task<Ok<PostMetricsView>> RecordAsync(Guid id, RecordMetricsRequest request, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var post = await db.LoadPostAsync(id, ct);
        var errors = new FieldErrors();
        var snapshot = MetricRecording.Check(post, request, clock.GetUtcNow(), errors);
        errors.ThrowIfAny();
        await MetricRecording.RecordAsync(db, [(post, snapshot!)], clock, ct);
        return TypedResults.Ok(await ViewAsync(db, post, ct));
    }

    public static async Task<Ok<PostMetricsView>> GetAsync(Guid id, CampaignsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(db, await db.LoadPostAsync(id, ct), ct));

    private static async Task<PostMetricsView> ViewAsync(CampaignsDbContext db, Post post, CancellationToken ct)
    {
        var snapshots = await db.MetricSnapshots.AsNoTracking().Where(s => s.PostId == post.Id).OrderBy(s => s.Day).ToListAsync(ct);
        var days = snapshots.Select((s, i) => new DayMetrics(s.Day, s.MeasuredAt, s.Counts, s.Counts.Since(i > 0 ? snapshots[i - 1].Counts : null))).ToList();
        var latest = days.LastOrDefault();
        var engagement = Engagement.Of(latest?.Lifetime, post.CreatorFollowers);
        return new PostMetricsView(post.Id, post.Platform, post.Format, post.CreatorFollowers, latest, engagement.Rate, engagement.Basis, days);
    }
}
