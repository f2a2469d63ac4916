using AmbassadorNet.Commissions;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Messaging.Parking;

namespace AmbassadorNet.Payouts.Consumers;

/// <summary>
/// Keeps every version of each campaign's terms (every campaign event carries the current terms, a
/// terms change also the previous ones), so a late conversion is paid by the terms in force when its
/// order was placed. A version already kept is kept as it is: versions never change. Each applied
/// event releases the conversions parked while the campaign was unknown here.
/// </summary>
public sealed class CampaignTermsHandler(PayoutsDbContext db, ParkingReleases releases, TimeProvider clock) : IMessageHandler<ICampaignStateChanged>
{
    public static string PrerequisiteOf(Guid campaignId) => $"campaign:{campaignId}";

    /// <summary>A terms change also carries the terms it replaced, which a replica that missed them needs.</summary>
    public Task<HandleResult> HandleAsync(ICampaignStateChanged m, InboundMessage context, CancellationToken ct) =>
        m is CampaignTermsChanged changed ? KeepAsync(m.CampaignId, ct, changed.PreviousTerms, m.Campaign.Terms) : KeepAsync(m.CampaignId, ct, m.Campaign.Terms);

    private async Task<HandleResult> KeepAsync(Guid campaignId, CancellationToken ct, params CampaignTerms[] terms)
    {
        var known = await db.TermsVersions.Where(t => t.CampaignId == campaignId).Select(t => t.TermsVersion).ToListAsync(ct);
        foreach (var version in terms.Where(t => !known.Contains(t.TermsVersion)).DistinctBy(t => t.TermsVersion))
        {
            db.TermsVersions.Add(new CampaignTermsVersion
            {
                Id = Ids.New(clock), CampaignId = campaignId, TermsVersion = version.TermsVersion, EffectiveFrom = version.EffectiveFrom,
                Currency = version.Currency, HoldingPeriodDays = version.HoldingPeriodDays, CommissionPlan = WirePlans.FromWire(version.CommissionPlan),
                DeliverableFee = version.DeliverableFee, RecordedAt = clock.GetUtcNow(),
            });
        }

        releases.Release(PrerequisiteOf(campaignId));
        return HandleResult.Done;
    }
}
