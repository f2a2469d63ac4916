using AmbassadorNet.Campaigns.Domain.Exclusivity;

namespace AmbassadorNet.Campaigns.Api.Exclusivity;

/// <summary>
/// The exclusivity check of invitations, single and bulk: the brand's policy and the creators'
/// promises as they are now, judged by <see cref="ExclusivityCheck"/>.
/// </summary>
internal static class ExclusivityGate
{
    /// <summary>The brand's own policy, or the default when it never set one.</summary>
    public static async Task<ExclusivityPolicy> ExclusivityPolicyAsync(this CampaignsDbContext db, CancellationToken ct) =>
        await db.ExclusivityPolicies.AsNoTracking().SingleOrDefaultAsync(ct) ?? ExclusivityPolicy.Default;

    /// <summary>Each creator's conflicts with the campaign (creators without any are left out), and whether the brand refuses them.</summary>
    public static async Task<(IReadOnlyDictionary<Guid, IReadOnlyList<ExclusivityConflict>> Conflicts, bool Refuse)> CheckAsync(
        CampaignsDbContext db, Campaign campaign, IReadOnlyCollection<Guid> creatorIds, DateTimeOffset now, CancellationToken ct)
    {
        if (campaign.ProductCategory is null || creatorIds.Count == 0)
        {
            return (new Dictionary<Guid, IReadOnlyList<ExclusivityConflict>>(), false);
        }

        var policy = await db.ExclusivityPolicyAsync(ct);
        var period = PromotionPeriod.Of(campaign.StartsAt, campaign.EndsAt, now);
        var promises = await ExclusivityPromises.LoadAsync(db, creatorIds, period.From, ct);
        var conflicts = promises
            .Select(p => (Creator: p.Key, Conflicts: ExclusivityCheck.Conflicts(campaign.ProductCategory, period, p, policy)))
            .Where(c => c.Conflicts.Count > 0)
            .ToDictionary(c => c.Creator, c => c.Conflicts);
        return (conflicts, policy.OnConflict == ConflictAction.Refuse);
    }

    /// <summary>One creator's conflicts to flag on the invitation; in refuse mode a conflict is a 409 naming the promises.</summary>
    public static async Task<IReadOnlyList<ExclusivityConflict>> CheckInvitationAsync(
        CampaignsDbContext db, Campaign campaign, Guid creatorId, DateTimeOffset now, CancellationToken ct)
    {
        var (conflicts, refuse) = await CheckAsync(db, campaign, [creatorId], now, ct);
        if (!conflicts.TryGetValue(creatorId, out var found))
        {
            return [];
        }

        return refuse
            ? throw new ConflictException(
                $"Creator {creatorId} holds an exclusivity that conflicts with this campaign's category \"{campaign.ProductCategory}\": "
                + string.Join("; ", found.Select(c => c.Describe())) + ". The brand's exclusivity policy refuses such invitations.")
            : found;
    }
}
