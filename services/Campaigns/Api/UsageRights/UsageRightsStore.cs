using AmbassadorNet.Campaigns.Api.Posts;
using AmbassadorNet.Campaigns.Domain.Agreements;
using AmbassadorNet.Campaigns.Domain.Posts;
using AmbassadorNet.Campaigns.Domain.UsageRights;

namespace AmbassadorNet.Campaigns.Api.UsageRights;

/// <summary>Loading posts' effective usage rights (three queries for any number of posts) and the brand's policy in force.</summary>
internal static class UsageRightsStore
{
    public static async Task<UsageRightsPolicy> UsageRightsPolicyAsync(this CampaignsDbContext db, CancellationToken ct) =>
        await db.UsageRightsPolicies.AsNoTracking().SingleOrDefaultAsync(ct) ?? UsageRightsPolicy.Default;

    public static async Task<EffectiveUsageRights> EffectiveUsageRightsAsync(this CampaignsDbContext db, Post post, CancellationToken ct) =>
        (await db.EffectiveUsageRightsAsync([post], ct))[post.Id];

    /// <summary>Each post's rights by <see cref="EffectiveUsageRights.Of"/>: own grants, else the latest accepted agreement version's.</summary>
    public static async Task<Dictionary<Guid, EffectiveUsageRights>> EffectiveUsageRightsAsync(this CampaignsDbContext db, IReadOnlyCollection<Post> posts, CancellationToken ct)
    {
        var ids = posts.Select(p => p.Id).ToList();
        var enrollments = posts.Select(p => p.EnrollmentId).Distinct().ToList();
        var sets = await db.PostUsageRights.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var latest = (await db.Agreements.AsNoTracking()
                .Where(a => enrollments.Contains(a.EnrollmentId) && a.Status == AgreementStatus.Accepted)
                .Select(a => new AcceptedAgreementVersion(a.Id, a.EnrollmentId, a.AgreementVersion, a.AcceptedAt)).ToListAsync(ct))
            .GroupBy(a => a.EnrollmentId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.AgreementVersion)!);
        var agreementIds = latest.Values.Select(a => (Guid?)a.AgreementId).ToList();
        var grants = await db.UsageGrants.AsNoTracking()
            .Where(g => (g.PostId != null && ids.Contains(g.PostId.Value)) || agreementIds.Contains(g.AgreementId)).ToListAsync(ct);
        return posts.ToDictionary(p => p.Id, p =>
        {
            var accepted = latest.GetValueOrDefault(p.EnrollmentId);
            return EffectiveUsageRights.Of(
                grants.Where(g => g.PostId == p.Id), sets.GetValueOrDefault(p.Id), accepted, grants.Where(g => accepted is not null && g.AgreementId == accepted.AgreementId));
        });
    }

    /// <summary>Each post's status today (UTC), "expiring" within the brand's first (largest) notice threshold.</summary>
    public static async Task<Dictionary<Guid, UsageRightsSummary>> UsageRightsSummariesAsync(this CampaignsDbContext db, IReadOnlyCollection<Post> posts, TimeProvider clock, CancellationToken ct)
    {
        if (posts.Count == 0)
        {
            return [];
        }

        var within = (await db.UsageRightsPolicyAsync(ct)).ExpiringWithinDays;
        var today = Today(clock);
        return (await db.EffectiveUsageRightsAsync(posts, ct)).ToDictionary(pair => pair.Key, pair => UsageRightsSummary.Of(pair.Value, today, within));
    }

    /// <summary>The post as the API shows it, with its usage rights today.</summary>
    public static async Task<PostView> PostViewAsync(this CampaignsDbContext db, Post post, TimeProvider clock, CancellationToken ct) =>
        PostView.From(post, (await db.UsageRightsSummariesAsync([post], clock, ct))[post.Id]);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
