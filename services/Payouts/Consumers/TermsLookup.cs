using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Payouts.Domain;
using AmbassadorNet.Payouts.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Payouts.Consumers;

/// <summary>Finds, in the replicas, what an order placed at a given time earns under.</summary>
internal static class TermsLookup
{
    /// <summary>
    /// The terms version with the latest EffectiveFrom not after the order; an order before every
    /// known version (its clock ran behind the launch) takes the first. Null when no terms arrived yet.
    /// </summary>
    public static async Task<CampaignTermsVersion?> TermsInForceAsync(this PayoutsDbContext db, Guid campaignId, DateTimeOffset orderedAt, CancellationToken ct)
    {
        var versions = await db.TermsVersions.AsNoTracking().Where(t => t.CampaignId == campaignId).ToListAsync(ct);
        return versions.Where(t => t.EffectiveFrom <= orderedAt).OrderByDescending(t => t.EffectiveFrom).ThenByDescending(t => t.TermsVersion).FirstOrDefault()
            ?? versions.OrderBy(t => t.TermsVersion).FirstOrDefault();
    }

    /// <summary>(known, override): whether any version of the enrollment arrived, and the override in force at the order's time.</summary>
    public static async Task<(bool Known, CommissionPlan? Override)> OverrideInForceAsync(this PayoutsDbContext db, Guid enrollmentId, DateTimeOffset orderedAt, CancellationToken ct)
    {
        var versions = await db.EnrollmentVersions.AsNoTracking().Where(e => e.EnrollmentId == enrollmentId).ToListAsync(ct);
        var inForce = versions.Where(v => v.OverrideFrom <= orderedAt).OrderByDescending(v => v.OverrideFrom).ThenByDescending(v => v.Version).FirstOrDefault();
        return (versions.Count > 0, inForce?.CommissionOverride);
    }
}
