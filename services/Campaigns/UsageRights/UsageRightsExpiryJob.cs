using AmbassadorNet.Campaigns.Api.UsageRights;
using AmbassadorNet.Campaigns.Domain.UsageRights;
using AmbassadorNet.Contracts;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Campaigns.UsageRights;

/// <summary>
/// Every <see cref="UsageRightsOptions.NoticeInterval"/>, brand by brand, publishes UsageRightsExpiring
/// when a post's effective rights reach one of the brand's thresholds before their end, and
/// UsageRightsExpired when the end has passed. A row in usage_rights_notices keyed by (post, end date,
/// threshold; 0 for expired) is inserted ON CONFLICT DO NOTHING in the same transaction as the event, so a
/// notice goes out once across passes, restarts and replicas: only the replica whose insert took the key
/// publishes. Of the thresholds already reached, only the nearest is due (rights granted 3 days before their
/// end get the 7-day notice, not 30 and 7 at once); an end date more than <see cref="LookbackDays"/> days
/// past is left alone, so history is not rescanned forever.
/// </summary>
public sealed class UsageRightsExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<UsageRightsOptions> options, ILogger<UsageRightsExpiryJob> logger)
    : PeriodicBrandJob(scopes, logger)
{
    public const int LookbackDays = 30;

    protected override TimeSpan Interval => options.Value.NoticeInterval;

    protected override async Task<IReadOnlyList<Guid>> BrandsWithWorkAsync(IServiceProvider services, CancellationToken ct)
    {
        var today = UsageRightsStore.Today(clock);
        var (from, to) = (today.AddDays(-LookbackDays), today.AddDays(UsageRightsPolicy.MaxDays));
        return await services.GetRequiredService<CampaignsDbContext>().UsageGrants
            .IgnoreQueryFilters([BrandScopedDbContext.BrandFilter]) // spans brands on purpose: it only finds which have work
            .Where(g => g.EndsOn >= from && g.EndsOn <= to)
            .Select(g => g.BrandId).Distinct().ToListAsync(ct);
    }

    /// <summary>Batch after batch, each its own transaction, until fewer than a batch were due.</summary>
    protected override async Task RunForBrandAsync(IServiceProvider services, Guid brand, CancellationToken ct)
    {
        var db = services.GetRequiredService<CampaignsDbContext>();
        var today = UsageRightsStore.Today(clock);
        int due;
        do
        {
            due = await NoticeBatchAsync(db, brand, today, ct);
            db.ChangeTracker.Clear();
        }
        while (due == options.Value.NoticeBatchSize);
    }

    private async Task<int> NoticeBatchAsync(CampaignsDbContext db, Guid brand, DateOnly today, CancellationToken ct)
    {
        var days = (await db.UsageRightsPolicyAsync(ct)).ExpiryNoticeDays.ToArray();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Database.SqlQuery<DueNotice>(DueSql(brand, today, days, options.Value.NoticeBatchSize)).ToListAsync(ct);
        var sent = 0;
        foreach (var notice in due)
        {
            var taken = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO usage_rights_notices (brand_id, post_id, ends_on, days_before, sent_at) VALUES ({brand}, {notice.PostId}, {notice.EndsOn}, {notice.DaysBefore}, {now}) ON CONFLICT DO NOTHING",
                ct);
            if (taken == 1)
            {
                db.AddEvent(Event(brand, now, notice), clock);
                sent++;
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (sent > 0)
        {
            logger.LogInformation("Sent {Count} usage-rights notices of brand {Brand}", sent, brand);
        }

        return due.Count;
    }

    private static IIntegrationEvent Event(Guid brand, DateTimeOffset now, DueNotice n)
    {
        IReadOnlyList<string> uses = [.. UsageRightsUses.All.Where(n.Uses.Contains)];
        IReadOnlyList<string> territories = [.. n.Territories.Order(StringComparer.Ordinal)];
        return n.DaysBefore == 0
            ? new UsageRightsExpired(brand, now, n.PostId, n.CampaignId, n.EnrollmentId, n.CreatorId, n.EndsOn, uses, territories, n.Source)
            : new UsageRightsExpiring(brand, now, n.PostId, n.CampaignId, n.EnrollmentId, n.CreatorId, n.EndsOn, n.DaysBefore, uses, territories, n.Source);
    }

    /// <summary>
    /// The notices due in the brand: its posts' effective grants (own, else the latest accepted agreement
    /// version's) ending within the largest threshold or in the lookback, grouped by post and end date, each
    /// with the nearest threshold reached (0 once the end has passed), less those already sent.
    /// </summary>
    private static FormattableString DueSql(Guid brand, DateOnly today, int[] days, int limit)
    {
        var (from, horizon) = (today.AddDays(-LookbackDays), today.AddDays(days.Max()));
        return $"""
            WITH latest AS (
                SELECT DISTINCT ON (enrollment_id) enrollment_id, id
                FROM agreements WHERE brand_id = {brand} AND status = 'accepted'
                ORDER BY enrollment_id, agreement_version DESC),
            effective AS (
                SELECT p.id AS post_id, p.campaign_id, p.enrollment_id, p.creator_id, 'post' AS source, g.uses, g.territories, g.ends_on
                FROM posts p JOIN usage_grants g ON g.post_id = p.id
                WHERE p.brand_id = {brand} AND g.ends_on BETWEEN {from} AND {horizon}
                UNION ALL
                SELECT p.id, p.campaign_id, p.enrollment_id, p.creator_id, 'agreement', g.uses, g.territories, g.ends_on
                FROM posts p JOIN latest l ON l.enrollment_id = p.enrollment_id JOIN usage_grants g ON g.agreement_id = l.id
                WHERE p.brand_id = {brand} AND g.ends_on BETWEEN {from} AND {horizon}
                  AND NOT EXISTS (SELECT 1 FROM usage_grants own WHERE own.post_id = p.id)),
            due AS (
                SELECT e.*, CASE WHEN e.ends_on < {today} THEN 0
                                 ELSE (SELECT min(d) FROM unnest({days}) d WHERE d >= e.ends_on - {today}) END AS days_before
                FROM effective e)
            SELECT due.post_id AS "PostId", due.campaign_id AS "CampaignId", due.enrollment_id AS "EnrollmentId", due.creator_id AS "CreatorId",
                   due.source AS "Source", due.ends_on AS "EndsOn", due.days_before AS "DaysBefore",
                   array_agg(DISTINCT u.use) AS "Uses", array_agg(DISTINCT t.territory) AS "Territories"
            FROM due CROSS JOIN LATERAL unnest(due.uses) AS u(use) CROSS JOIN LATERAL unnest(due.territories) AS t(territory)
            WHERE due.days_before IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM usage_rights_notices n WHERE n.post_id = due.post_id AND n.ends_on = due.ends_on AND n.days_before = due.days_before)
            GROUP BY due.post_id, due.campaign_id, due.enrollment_id, due.creator_id, due.source, due.ends_on, due.days_before
            ORDER BY due.ends_on, due.post_id
            LIMIT {limit}
            """;
    }
}
