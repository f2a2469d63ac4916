using AmbassadorNet.Analytics.Rollups;
using AmbassadorNet.Contracts.Campaigns;

namespace AmbassadorNet.Analytics.Consumers;

/// <summary>
/// A shipped gift's value counts in its campaign's (and creator's, and post's) cost on the UTC day
/// it was shipped, once per gift. It is not budget spend: a campaign's budget is what it pays
/// creators in cash (commission and fees).
/// </summary>
public sealed class GiftShippedHandler(RollupBuffer rollups) : IMessageHandler<GiftShipped>
{
    public Task<HandleResult> HandleAsync(GiftShipped m, InboundMessage context, CancellationToken ct)
    {
        var gift = m.Gift;
        rollups.Count("gift", m.GiftId.ToString(), [new RollupDelta(gift.CampaignId, gift.CreatorId, gift.ShippedOn!.Value, gift.TotalValue.Currency,
            Gifts: gift.TotalValue.Amount, PostId: gift.PostId)]);
        return Task.FromResult(HandleResult.Done);
    }
}
