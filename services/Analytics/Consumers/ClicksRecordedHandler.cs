using AmbassadorNet.Analytics.Rollups;
using AmbassadorNet.Contracts.Tracking;

namespace AmbassadorNet.Analytics.Consumers;

/// <summary>
/// Counts a batch of clicks of the retired per-click event: aggregated in memory per (campaign,
/// creator, post, UTC day), then one upsert. Tracking publishes <see cref="ClicksCounted"/> instead;
/// this handler (and its queue) stays for the events in flight at the upgrade and for those
/// re-published from before it. A click is in exactly one batch, so the batch id is the natural key
/// of both types: a batch re-published under a new message id is recognised and counted once.
/// </summary>
public sealed class ClicksRecordedHandler(RollupBuffer rollups) : IMessageHandler<ClicksRecorded>
{
    /// <summary>The natural key's kind for a click batch, whichever event type counted it.</summary>
    public const string BatchFact = "click_batch";

    public Task<HandleResult> HandleAsync(ClicksRecorded message, InboundMessage context, CancellationToken ct)
    {
        if (message.Clicks.Count > 0)
        {
            rollups.Count(BatchFact, message.BatchId.ToString(), Aggregate(message.Clicks));
        }

        return Task.FromResult(HandleResult.Done);
    }

    /// <summary>Unique = neither bot nor duplicate; bot clicks are counted apart (and are never unique).</summary>
    public static IReadOnlyList<RollupDelta> Aggregate(IEnumerable<RecordedClick> clicks) =>
        clicks.GroupBy(c => (c.CampaignId, c.CreatorId, c.PostId, Day: Days.Of(c.ClickedAt)))
            .Select(g => new RollupDelta(g.Key.CampaignId, g.Key.CreatorId, g.Key.Day, "",
                Clicks: g.Count(), UniqueClicks: g.Count(c => !c.IsBot && !c.IsDuplicate), BotClicks: g.Count(c => c.IsBot), PostId: g.Key.PostId))
            .ToList();
}
