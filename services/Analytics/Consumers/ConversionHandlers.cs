using AmbassadorNet.Analytics.Rollups;
using AmbassadorNet.Contracts.Tracking;

namespace AmbassadorNet.Analytics.Consumers;

/// <summary>
/// Revenue and refunds from tracking. A conversion counts on the UTC day of its order (OrderedAt);
/// a refund on the UTC day it was refunded (RefundedAt), so past days never change when a refund
/// comes in later. Unattributed orders belong to no creator and are not counted.
/// </summary>
public sealed class ConversionHandlers(AnalyticsDbContext db, TimeProvider clock) :
    IMessageHandler<ConversionAttributed>, IMessageHandler<ConversionReversed>
{
    public async Task<HandleResult> HandleAsync(ConversionAttributed m, InboundMessage context, CancellationToken ct)
    {
        if (await RollupWriter.ClaimAsync(db, "conversion", m.ConversionId.ToString(), clock.GetUtcNow(), ct))
        {
            await RollupWriter.AddAsync(db, [new RollupDelta(m.CampaignId, m.CreatorId, Days.Of(m.OrderedAt), m.Amount.Currency,
                Conversions: 1, Revenue: m.Amount.Amount)], ct);
        }

        return HandleResult.Done;
    }

    public async Task<HandleResult> HandleAsync(ConversionReversed m, InboundMessage context, CancellationToken ct)
    {
        if (m.CampaignId is not { } campaignId || m.CreatorId is not { } creatorId)
        {
            return HandleResult.Done; // a refund of an unattributed order
        }

        if (await RollupWriter.ClaimAsync(db, "refund", $"{m.ConversionId}:{m.RefundId}", clock.GetUtcNow(), ct))
        {
            await RollupWriter.AddAsync(db, [new RollupDelta(campaignId, creatorId, Days.Of(m.RefundedAt), m.RefundAmount.Currency,
                Refunds: m.RefundAmount.Amount)], ct);
        }

        return HandleResult.Done;
    }
}
