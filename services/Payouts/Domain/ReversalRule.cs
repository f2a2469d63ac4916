namespace AmbassadorNet.Payouts.Domain;

/// <summary>
/// How much of a conversion's commission a refund reverses, with no I/O:
/// round(commission × cumulative refunded ÷ order amount) − already reversed; a flat commission
/// reverses only on a full refund. Never negative: a refund that arrives after a later one (out of
/// order) finds its share already reversed and reverses nothing, and nothing is ever re-credited.
/// </summary>
public static class ReversalRule
{
    /// <param name="flat">The commission was a flat amount (a flat plan, or a tier with an amount).</param>
    public static Money Reversal(Money commission, bool flat, Money orderAmount, Money cumulativeRefunded, Money alreadyReversed)
    {
        var target = flat || orderAmount.IsZero
            ? (cumulativeRefunded >= orderAmount ? commission : Money.Zero(commission.Currency))
            : (commission * Math.Min(1m, cumulativeRefunded.Amount / orderAmount.Amount)).Round();
        var due = target - alreadyReversed;
        return due.IsNegative ? Money.Zero(commission.Currency) : due;
    }
}
