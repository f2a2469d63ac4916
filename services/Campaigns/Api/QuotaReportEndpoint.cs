using System.Globalization;

namespace AmbassadorNet.Campaigns.Api;

/// <summary>
/// Who is behind on the campaign's always-on quotas in a UTC calendar month: every active
/// enrollment whose submitted or approved deliverables of a type, submitted in that month, are
/// fewer than the quota. Rejected and revision-requested ones do not count.
/// </summary>
internal static class QuotaReportEndpoint
{
    public static async Task<Ok<QuotaReport>> ReportAsync(Guid id, string? month, CampaignsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var start = Month(month, clock.GetUtcNow());
        var end = start.AddMonths(1);
        var campaign = await db.LoadCampaignAsync(id, ct);
        var active = await db.Enrollments.AsNoTracking().Where(e => e.CampaignId == id && e.Status == EnrollmentStatus.Active)
            .OrderBy(e => e.InvitedAt).ThenBy(e => e.Id).Select(e => new { e.Id, e.CreatorId }).ToListAsync(ct);
        var delivered = await db.Deliverables.AsNoTracking()
            .Where(d => d.CampaignId == id && d.SubmittedAt >= start && d.SubmittedAt < end
                        && (d.Status == DeliverableStatus.Submitted || d.Status == DeliverableStatus.Approved))
            .GroupBy(d => new { d.EnrollmentId, d.Type }).Select(g => new { g.Key.EnrollmentId, g.Key.Type, Count = g.Count() })
            .ToDictionaryAsync(g => (g.EnrollmentId, g.Type), g => g.Count, ct);

        var behind = (from enrollment in active
                      from quota in campaign.Quotas
                      let count = delivered.GetValueOrDefault((enrollment.Id, quota.Type))
                      where count < quota.PerMonth
                      select new QuotaShortfall(enrollment.Id, enrollment.CreatorId, quota.Type, quota.PerMonth, count)).ToList();
        return TypedResults.Ok(new QuotaReport(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), behind));
    }

    private static DateTimeOffset Month(string? month, DateTimeOffset now)
    {
        if (month is null)
        {
            return new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        }

        return DateTimeOffset.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? new DateTimeOffset(parsed.Year, parsed.Month, 1, 0, 0, 0, TimeSpan.Zero)
            : throw new RequestValidationException("month", "A month as yyyy-MM, such as 2026-11.");
    }
}
