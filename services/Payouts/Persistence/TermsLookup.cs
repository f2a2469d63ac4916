using AmbassadorNet.Commissions;

namespace AmbassadorNet.Payouts.Persistence;

/// <summary>
/// Loads a campaign's or an enrollment's kept versions and asks <see cref="InForce"/> which one an
/// order placed at a given time earns under. Versions are read once per scope: the accruals a batch
/// applies together mostly share their campaign, so its terms are one query per batch, not per order;
/// a prepared batch (<see cref="PreloadAsync"/>) reads every campaign's and enrollment's at once.
/// A batch that parks is applied again message by message, each in a scope of its own, so a version
/// that arrives meanwhile is seen then.
/// </summary>
public sealed class TermsLookup(PayoutsDbContext db)
{
    private readonly Dictionary<Guid, List<CampaignTermsVersion>> _terms = [];
    private readonly Dictionary<Guid, List<EnrollmentVersion>> _enrollments = [];

    /// <summary>Reads the versions of all these campaigns and enrollments in two queries, for a batch about to accrue under them.</summary>
    public async Task PreloadAsync(IEnumerable<Guid> campaignIds, IEnumerable<Guid> enrollmentIds, CancellationToken ct)
    {
        var campaigns = campaignIds.Distinct().Where(id => !_terms.ContainsKey(id)).ToList();
        if (campaigns.Count > 0)
        {
            var terms = await db.TermsVersions.AsNoTracking().Where(t => campaigns.Contains(t.CampaignId)).ToListAsync(ct);
            foreach (var id in campaigns)
            {
                _terms[id] = [.. terms.Where(t => t.CampaignId == id)];
            }
        }

        var enrollments = enrollmentIds.Distinct().Where(id => !_enrollments.ContainsKey(id)).ToList();
        if (enrollments.Count > 0)
        {
            var versions = await db.EnrollmentVersions.AsNoTracking().Where(e => enrollments.Contains(e.EnrollmentId)).ToListAsync(ct);
            foreach (var id in enrollments)
            {
                _enrollments[id] = [.. versions.Where(e => e.EnrollmentId == id)];
            }
        }
    }

    /// <summary>Null when no terms of the campaign arrived yet.</summary>
    public async Task<CampaignTermsVersion?> TermsInForceAsync(Guid campaignId, DateTimeOffset orderedAt, CancellationToken ct)
    {
        if (!_terms.TryGetValue(campaignId, out var versions))
        {
            _terms[campaignId] = versions = await db.TermsVersions.AsNoTracking().Where(t => t.CampaignId == campaignId).ToListAsync(ct);
        }

        return InForce.Terms(versions, orderedAt);
    }

    /// <summary>(known, override): whether any version of the enrollment arrived, and the override in force at the order's time.</summary>
    public async Task<(bool Known, Plan? Override)> OverrideInForceAsync(Guid enrollmentId, DateTimeOffset orderedAt, CancellationToken ct)
    {
        if (!_enrollments.TryGetValue(enrollmentId, out var versions))
        {
            _enrollments[enrollmentId] = versions = await db.EnrollmentVersions.AsNoTracking().Where(e => e.EnrollmentId == enrollmentId).ToListAsync(ct);
        }

        return (versions.Count > 0, InForce.Override(versions, orderedAt));
    }
}
