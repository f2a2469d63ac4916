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
        await LoadAsync(_terms, campaignIds, missing => db.TermsVersions.Where(t => missing.Contains(t.CampaignId)), t => t.CampaignId, ct);
        await LoadAsync(_enrollments, enrollmentIds, missing => db.EnrollmentVersions.Where(e => missing.Contains(e.EnrollmentId)), e => e.EnrollmentId, ct);
    }

    /// <summary>Null when no terms of the campaign arrived yet.</summary>
    public async Task<CampaignTermsVersion?> TermsInForceAsync(Guid campaignId, DateTimeOffset orderedAt, CancellationToken ct)
    {
        await PreloadAsync([campaignId], [], ct);
        return InForce.Terms(_terms[campaignId], orderedAt);
    }

    /// <summary>(known, override): whether any version of the enrollment arrived, and the override in force at the order's time.</summary>
    public async Task<(bool Known, Plan? Override)> OverrideInForceAsync(Guid enrollmentId, DateTimeOffset orderedAt, CancellationToken ct)
    {
        await PreloadAsync([], [enrollmentId], ct);
        var versions = _enrollments[enrollmentId];
        return (versions.Count > 0, InForce.Override(versions, orderedAt));
    }

    /// <summary>Reads the versions of the ids not read yet in this scope, in one query; an id with none gets an empty list.</summary>
    private static async Task LoadAsync<T>(
        Dictionary<Guid, List<T>> cache, IEnumerable<Guid> ids, Func<List<Guid>, IQueryable<T>> query, Func<T, Guid> owner, CancellationToken ct)
        where T : class
    {
        var missing = ids.Distinct().Where(id => !cache.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var byOwner = (await query(missing).AsNoTracking().ToListAsync(ct)).ToLookup(owner);
        foreach (var id in missing)
        {
            cache[id] = [.. byOwner[id]];
        }
    }
}
