using AmbassadorNet.Contracts.Campaigns;

namespace AmbassadorNet.Payouts.Consumers;

/// <summary>Keeps each delivered gift once (its id is the key), for the payee totals; no money moves.</summary>
public sealed class GiftDeliveredHandler(PayoutsDbContext db, TimeProvider clock) : IMessageHandler<GiftDelivered>
{
    public async Task<HandleResult> HandleAsync(GiftDelivered m, InboundMessage context, CancellationToken ct)
    {
        var gift = m.Gift;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO gift_receipts (gift_id, brand_id, creator_id, campaign_id, value, currency, delivered_on, recorded_at)
            VALUES ({m.GiftId}, {db.CurrentBrandId}, {gift.CreatorId}, {gift.CampaignId}, {gift.TotalValue.Amount}, {gift.TotalValue.Currency},
                    {gift.DeliveredOn!.Value}, {clock.GetUtcNow()})
            ON CONFLICT (gift_id) DO NOTHING
            """, ct);
        return HandleResult.Done;
    }
}
