using AmbassadorNet.Analytics.Rollups;
using AmbassadorNet.Contracts.Payouts;

namespace AmbassadorNet.Analytics.Consumers;

/// <summary>
/// Commission and fees from the payouts ledger, so money figures tie to it: commission = accrued −
/// reversed. Accrued commission counts on the order's UTC day (with its conversion); a reversal on
/// the day the ledger booked it; a fee on the day it was booked. Each counts for the post the event
/// names too (the order's post; the post the deliverable was submitted as). Each ledger transaction id counts once.
/// Every change of spend is followed by a budget check, once per transaction (<see cref="RollupBuffer"/>).
/// </summary>
public sealed class LedgerHandlers(RollupBuffer rollups) :
    IMessageHandler<CommissionAccrued>, IMessageHandler<CommissionReversed>, IMessageHandler<DeliverableFeeBooked>
{
    public Task<HandleResult> HandleAsync(CommissionAccrued m, InboundMessage context, CancellationToken ct) =>
        ApplyAsync("commission", m.TransactionId, new RollupDelta(m.CampaignId, m.CreatorId, Days.Of(m.OrderedAt), m.Commission.Currency,
            Commission: m.Commission.Amount, PostId: m.PostId), ct);

    public Task<HandleResult> HandleAsync(CommissionReversed m, InboundMessage context, CancellationToken ct) =>
        ApplyAsync("reversal", m.TransactionId, new RollupDelta(m.CampaignId, m.CreatorId, Days.Of(m.OccurredAt), m.Amount.Currency,
            Commission: -m.Amount.Amount, PostId: m.PostId), ct);

    public Task<HandleResult> HandleAsync(DeliverableFeeBooked m, InboundMessage context, CancellationToken ct) =>
        ApplyAsync("fee", m.TransactionId, new RollupDelta(m.CampaignId, m.CreatorId, Days.Of(m.OccurredAt), m.Fee.Currency,
            Fees: m.Fee.Amount, PostId: m.PostId), ct);

    private Task<HandleResult> ApplyAsync(string kind, Guid transactionId, RollupDelta delta, CancellationToken ct)
    {
        rollups.Count(kind, transactionId.ToString(), [delta], spend: true);
        return Task.FromResult(HandleResult.Done);
    }
}
