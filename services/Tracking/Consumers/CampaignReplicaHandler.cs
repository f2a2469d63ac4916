using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Messaging.Parking;

namespace AmbassadorNet.Tracking.Consumers;

/// <summary>
/// Keeps the campaign replica (destination, allowed domains, status, currency, attribution window, promo discount) from every
/// campaign event; an event not newer than the replica is ignored. Each applied event releases the
/// enrollments parked while the campaign was unknown here.
/// </summary>
public sealed class CampaignReplicaHandler(TrackingDbContext db, ParkingReleases releases, TimeProvider clock) : IMessageHandler<ICampaignStateChanged>
{
    public static string PrerequisiteOf(Guid campaignId) => $"campaign:{campaignId}";

    public Task<HandleResult> HandleAsync(ICampaignStateChanged m, InboundMessage context, CancellationToken ct) =>
        ApplyAsync(m.CampaignId, m.Version, m.Campaign, ct);

    private async Task<HandleResult> ApplyAsync(Guid campaignId, long version, CampaignState state, CancellationToken ct)
    {
        var replica = await db.Campaigns
            .FromSqlInterpolated($"SELECT * FROM campaign_replicas WHERE campaign_id = {campaignId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (replica is not null && replica.Version >= version)
        {
            return HandleResult.Done; // stale or duplicate
        }

        if (replica is null)
        {
            replica = new CampaignReplica { CampaignId = campaignId, BrandId = db.CurrentBrandId };
            db.Campaigns.Add(replica);
        }

        replica.Name = state.Name;
        replica.Status = state.Status;
        replica.DestinationUrl = state.Terms.DestinationUrl;
        replica.AllowedDomains = [.. state.Terms.AllowedDomains];
        replica.Currency = state.Terms.Currency;
        replica.AttributionWindowDays = state.Terms.AttributionWindowDays;
        replica.DiscountPercent = state.Terms.PromoDiscount?.Percent;
        replica.DiscountAmount = state.Terms.PromoDiscount?.Amount;
        replica.Version = version;
        replica.UpdatedAt = clock.GetUtcNow();
        releases.Release(PrerequisiteOf(campaignId));
        return HandleResult.Done;
    }
}
