using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Contracts.Tracking;
using AmbassadorNet.Payouts.Ledger;

namespace AmbassadorNet.Payouts.Consumers;

/// <summary>
/// Reverses commission for a refund (see <see cref="ReversalRule"/>): out of pending while the
/// commission is held, else clawed back from available, which may go negative and is carried into
/// the next payout. A refund of a conversion not accrued here yet is parked on it; a refund of an
/// unattributed order owes nothing. Each refund id applies once per conversion.
/// </summary>
public sealed class ConversionReversedHandler(PayoutsDbContext db, Journal journal, TimeProvider clock) : IMessageHandler<ConversionReversed>
{
    public async Task<HandleResult> HandleAsync(ConversionReversed m, InboundMessage context, CancellationToken ct)
    {
        if (m.EnrollmentId is null)
        {
            return HandleResult.Done; // unattributed: no commission to reverse
        }

        // Locked: a release of the same accrual waits, so the money comes out of the account it is in.
        var accrual = await db.Accruals
            .FromSqlInterpolated($"SELECT * FROM commission_accruals WHERE conversion_id = {m.ConversionId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (accrual is null)
        {
            return HandleResult.Park(ConversionAttributedHandler.PrerequisiteOf(m.ConversionId), "the conversion's commission has not been booked yet");
        }

        if (await db.Reversals.AnyAsync(r => r.ConversionId == m.ConversionId && r.RefundId == m.RefundId, ct))
        {
            return HandleResult.Done; // this refund was applied by another copy
        }

        var currency = accrual.Currency;
        var due = ReversalRule.Reversal(
            Money.Of(accrual.Commission, currency), accrual.FlatCommission, Money.Of(accrual.OrderAmount, currency),
            Money.Of(m.CumulativeRefunded.Amount, currency), Money.Of(accrual.ReversedAmount, currency));
        var reversal = new CommissionReversal
        {
            Id = Ids.New(clock), ConversionId = m.ConversionId, RefundId = m.RefundId, CumulativeRefunded = m.CumulativeRefunded.Amount,
            Amount = due.Amount, ClawedBack = accrual.IsReleased, RecordedAt = clock.GetUtcNow(),
        };
        db.Reversals.Add(reversal);
        accrual.CumulativeRefunded = Math.Max(accrual.CumulativeRefunded, m.CumulativeRefunded.Amount);
        if (due.IsZero)
        {
            return HandleResult.Done;
        }

        var from = await journal.AccountAsync(currency, accrual.IsReleased ? AccountKind.CreatorAvailable : AccountKind.CreatorPending, accrual.CreatorId, ct);
        var expense = await journal.AccountAsync(currency, AccountKind.CommissionExpense, null, ct);
        var posted = journal.Move(due, from, expense, new Cause(
            CauseTypes.Reversal, m.ConversionId, m.RefundId, m.OccurredAt, CausedBy.Message(context.MessageId),
            $"Refund {m.RefundId} of order {m.OrderId}: {m.CumulativeRefunded.Amount} of {m.OrderAmount.Amount} refunded{(reversal.ClawedBack ? ", clawed back" : "")}"));
        reversal.TransactionId = posted.Id;
        accrual.ReversedAmount += due.Amount;
        db.AddEvent(new CommissionReversed(
            m.BrandId, m.OccurredAt, posted.Id, m.ConversionId, m.RefundId, accrual.EnrollmentId, accrual.CampaignId, accrual.CreatorId,
            new MoneyAmount(due.Amount, currency), new MoneyAmount(accrual.ReversedAmount, currency), reversal.ClawedBack, accrual.PostId), clock);
        return HandleResult.Done;
    }
}
