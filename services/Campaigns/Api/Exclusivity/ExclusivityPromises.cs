using AmbassadorNet.Campaigns.Domain.Agreements;
using AmbassadorNet.Campaigns.Domain.Exclusivity;

namespace AmbassadorNet.Campaigns.Api.Exclusivity;

/// <summary>
/// The exclusivity promises creators hold, from every source, for <see cref="ExclusivityCheck"/>: the
/// exclusivities they declared, and those named in their agreements with this brand
/// (<see cref="PromiseSource.Agreement"/>, one per category), which the check treats by their own rule.
/// </summary>
internal static class ExclusivityPromises
{
    /// <summary>The promises of each creator that have not ended before <paramref name="from"/> (the first day that could conflict).</summary>
    public static async Task<ILookup<Guid, ExclusivityPromise>> LoadAsync(CampaignsDbContext db, IReadOnlyCollection<Guid> creatorIds, DateOnly from, CancellationToken ct)
    {
        var declared = await db.CreatorExclusivities.AsNoTracking()
            .Where(e => creatorIds.Contains(e.CreatorId) && e.EndsOn >= from)
            .ToListAsync(ct);
        var agreed = await AgreedAsync(db, creatorIds, from, ct);
        return declared.Select(e => (e.CreatorId, Promise: e.AsPromise())).Concat(agreed).ToLookup(p => p.CreatorId, p => p.Promise);
    }

    /// <summary>
    /// What creators promised this brand: the exclusivity of the latest accepted version of each of their
    /// enrollments' agreements (a promise binds once accepted, and a later accepted version replaces it).
    /// </summary>
    private static async Task<IEnumerable<(Guid CreatorId, ExclusivityPromise Promise)>> AgreedAsync(
        CampaignsDbContext db, IReadOnlyCollection<Guid> creatorIds, DateOnly from, CancellationToken ct)
    {
        var accepted = await db.Agreements.AsNoTracking()
            .Where(a => creatorIds.Contains(a.CreatorId) && a.Status == AgreementStatus.Accepted)
            .ToListAsync(ct);
        return accepted
            .GroupBy(a => a.EnrollmentId).Select(g => g.MaxBy(a => a.AgreementVersion)!)
            .Where(a => a.ExclusivityCategories.Count > 0 && a.ExclusiveUntil >= from)
            .SelectMany(a => a.ExclusivityCategories.Select(category =>
                (a.CreatorId, new ExclusivityPromise(PromiseSource.Agreement, category, a.ExclusiveFrom!.Value, a.ExclusiveUntil!.Value, a.Id))));
    }

    public static async Task<IReadOnlyList<ExclusivityPromise>> LoadAsync(CampaignsDbContext db, Guid creatorId, DateOnly from, CancellationToken ct) =>
        [.. (await LoadAsync(db, [creatorId], from, ct))[creatorId]];
}
