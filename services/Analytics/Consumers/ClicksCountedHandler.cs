using AmbassadorNet.Analytics.Rollups;
using AmbassadorNet.Contracts.Tracking;

namespace AmbassadorNet.Analytics.Consumers;

/// <summary>
/// Counts a batch of clicks from tracking's counts per link and UTC day: one rollup delta per count,
/// summed per (campaign, creator, post, day) by the upsert. A click is counted in exactly one batch,
/// so the batch id is the natural key: a batch re-published under a new message id is counted once.
/// </summary>
public sealed class ClicksCountedHandler(RollupBuffer rollups) : IMessageHandler<ClicksCounted>
{
    public Task<HandleResult> HandleAsync(ClicksCounted message, InboundMessage context, CancellationToken ct)
    {
        if (message.Counts.Count > 0)
        {
            rollups.Count(ClicksRecordedHandler.BatchFact, message.BatchId.ToString(), Deltas(message.Counts));
        }

        return Task.FromResult(HandleResult.Done);
    }

    public static IReadOnlyList<RollupDelta> Deltas(IEnumerable<ClickCount> counts) =>
        [.. counts.Select(c => new RollupDelta(c.CampaignId, c.CreatorId, c.Day, "",
            Clicks: c.Clicks, UniqueClicks: c.UniqueClicks, BotClicks: c.BotClicks, PostId: c.PostId))];
}
