using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Payouts.Ledger;

namespace AmbassadorNet.Payouts.Consumers;

/// <summary>
/// Books an approved deliverable's fee (carried by the event, as in force at approval) straight to
/// the creator's available balance: no holding period. Once per deliverable.
/// </summary>
public sealed class DeliverableApprovedHandler(Journal journal, PayoutsDbContext db, TimeProvider clock) : IMessageHandler<DeliverableApproved>
{
    public async Task<HandleResult> HandleAsync(DeliverableApproved m, InboundMessage context, CancellationToken ct)
    {
        if (m.Fee is not { Amount: > 0m } fee || await journal.HasPostedAsync(CauseTypes.DeliverableFee, m.DeliverableId, "", ct))
        {
            return HandleResult.Done; // no fee, or booked by another copy
        }

        var amount = Money.Of(fee.Amount, fee.Currency).Round();
        var deliverable = m.Deliverable;
        var expense = await journal.AccountAsync(fee.Currency, AccountKind.DeliverableFeeExpense, null, ct);
        var available = await journal.AccountAsync(fee.Currency, AccountKind.CreatorAvailable, deliverable.CreatorId, ct);
        var posted = journal.Move(amount, expense, available, new Cause(
            CauseTypes.DeliverableFee, m.DeliverableId, "", m.OccurredAt, CausedBy.Message(context.MessageId),
            $"Fee for the approved {deliverable.Type} of campaign {deliverable.CampaignId}"));
        db.AddEvent(new DeliverableFeeBooked(
            m.BrandId, m.OccurredAt, posted.Id, m.DeliverableId, deliverable.EnrollmentId, deliverable.CampaignId, deliverable.CreatorId,
            new MoneyAmount(amount.Amount, fee.Currency), deliverable.PostId), clock);
        return HandleResult.Done;
    }
}
