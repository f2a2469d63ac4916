using AmbassadorNet.Commissions;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Messaging.Inbox;
using AmbassadorNet.Messaging.Parking;
using AmbassadorNet.Payouts.Domain;
using AmbassadorNet.Payouts.Persistence;
using AmbassadorNet.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Payouts.Consumers;

/// <summary>
/// Keeps every version of each campaign's terms (every campaign event carries the current terms, a
/// terms change also the previous ones), so a late conversion is paid by the terms in force when its
/// order was placed. A version already kept is kept as it is: versions never change. Each applied
/// event releases the conversions parked while the campaign was unknown here.
/// </summary>
public sealed class CampaignTermsHandler(PayoutsDbContext db, ParkingReleases releases, TimeProvider clock) :
    IMessageHandler<CampaignLaunched>, IMessageHandler<CampaignTermsChanged>, IMessageHandler<CampaignUpdated>,
    IMessageHandler<CampaignPaused>, IMessageHandler<CampaignResumed>, IMessageHandler<CampaignEnded>
{
    public static string PrerequisiteOf(Guid campaignId) => $"campaign:{campaignId}";

    public Task<HandleResult> HandleAsync(CampaignLaunched m, InboundMessage context, CancellationToken ct) => KeepAsync(m.CampaignId, ct, m.Campaign.Terms);

    public Task<HandleResult> HandleAsync(CampaignTermsChanged m, InboundMessage context, CancellationToken ct) => KeepAsync(m.CampaignId, ct, m.PreviousTerms, m.Campaign.Terms);

    public Task<HandleResult> HandleAsync(CampaignUpdated m, InboundMessage context, CancellationToken ct) => KeepAsync(m.CampaignId, ct, m.Campaign.Terms);

    public Task<HandleResult> HandleAsync(CampaignPaused m, InboundMessage context, CancellationToken ct) => KeepAsync(m.CampaignId, ct, m.Campaign.Terms);

    public Task<HandleResult> HandleAsync(CampaignResumed m, InboundMessage context, CancellationToken ct) => KeepAsync(m.CampaignId, ct, m.Campaign.Terms);

    public Task<HandleResult> HandleAsync(CampaignEnded m, InboundMessage context, CancellationToken ct) => KeepAsync(m.CampaignId, ct, m.Campaign.Terms);

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
