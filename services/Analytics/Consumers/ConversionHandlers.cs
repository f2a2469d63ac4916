using AmbassadorNet.Analytics.Rollups;
using AmbassadorNet.Contracts.Tracking;

namespace AmbassadorNet.Analytics.Consumers;

/// <summary>
/// Revenue and refunds from tracking. A conversion counts on the UTC day of its order (OrderedAt);
/// a refund on the UTC day it was refunded (RefundedAt), so past days never change when a refund
/// comes in later. Unattributed orders belong to no creator and are not counted. An order through a
/// post's link or code counts for the post as well as for its creator and campaign.
/// </summary>
public sealed class ConversionHandlers(RollupBuffer rollups) :
    IMessageHandler<ConversionAttributed>, IMessageHandler<ConversionReversed>
{
    public Task<HandleResult> HandleAsync(ConversionAttributed m, InboundMessage context, CancellationToken ct)
    {
        rollups.Count("conversion", m.ConversionId.ToString(), [new RollupDelta(m.CampaignId, m.CreatorId, Days.Of(m.OrderedAt), m.Amount.Currency,
            Conversions: 1, Revenue: m.Amount.Amount, PostId: m.PostId)]);
        return Task.FromResult(HandleResult.Done);
    }

    public Task<HandleResult> HandleAsync(ConversionReversed m, InboundMessage context, CancellationToken ct)
    {
        if (m.CampaignId is { } campaignId && m.CreatorId is { } creatorId) // else a refund of an unattributed order
        {
            rollups.Count("refund", $"{m.ConversionId}:{m.RefundId}", [new RollupDelta(campaignId, creatorId, Days.Of(m.RefundedAt), m.RefundAmount.Currency,
                Refunds: m.RefundAmount.Amount, PostId: m.PostId)]);
        }

        return Task.FromResult(HandleResult.Done);
    }
}
