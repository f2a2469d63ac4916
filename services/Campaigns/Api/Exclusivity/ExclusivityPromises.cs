using AmbassadorNet.Campaigns.Domain.Exclusivity;

namespace AmbassadorNet.Campaigns.Api.Exclusivity;

/// <summary>
/// The exclusivity promises creators hold, from every source, for <see cref="ExclusivityCheck"/>. Today:
/// the exclusivities they declared. Agreements with this brand (categories and a window) add theirs
/// here as <see cref="PromiseSource.Agreement"/> promises; the check already treats them by their own rule.
/// </summary>
internal static class ExclusivityPromises
{
    /// <summary>The promises of each creator that have not ended before <paramref name="from"/> (the first day that could conflict).</summary>
    public static async Task<ILookup<Guid, ExclusivityPromise>> LoadAsync(CampaignsDbContext db, IReadOnlyCollection<Guid> creatorIds, DateOnly from, CancellationToken ct)
    {
        var declared = await db.CreatorExclusivities.AsNoTracking()
            .Where(e => creatorIds.Contains(e.CreatorId) && e.EndsOn >= from)
            .ToListAsync(ct);
        // Agreement promises (issue #31, agreements) are loaded here and concatenated.
        return declared.ToLookup(e => e.CreatorId, e => e.AsPromise());
    }

    public static async Task<IReadOnlyList<ExclusivityPromise>> LoadAsync(CampaignsDbContext db, Guid creatorId, DateOnly from, CancellationToken ct) =>
        [.. (await LoadAsync(db, [creatorId], from, ct))[creatorId]];
}
