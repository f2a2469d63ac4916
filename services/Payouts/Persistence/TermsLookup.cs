using AmbassadorNet.Commissions;

namespace AmbassadorNet.Payouts.Persistence;

/// <summary>Loads a campaign's or an enrollment's kept versions and asks <see cref="InForce"/> which one an order placed at a given time earns under.</summary>
internal static class TermsLookup
{
    /// <summary>Null when no terms of the campaign arrived yet.</summary>
    public static async Task<CampaignTermsVersion?> TermsInForceAsync(this PayoutsDbContext db, Guid campaignId, DateTimeOffset orderedAt, CancellationToken ct) =>
        InForce.Terms(await db.TermsVersions.AsNoTracking().Where(t => t.CampaignId == campaignId).ToListAsync(ct), orderedAt);

    /// <summary>(known, override): whether any version of the enrollment arrived, and the override in force at the order's time.</summary>
    public static async Task<(bool Known, Plan? Override)> OverrideInForceAsync(this PayoutsDbContext db, Guid enrollmentId, DateTimeOffset orderedAt, CancellationToken ct)
    {
        var versions = await db.EnrollmentVersions.AsNoTracking().Where(e => e.EnrollmentId == enrollmentId).ToListAsync(ct);
        return (versions.Count > 0, InForce.Override(versions, orderedAt));
    }
}
