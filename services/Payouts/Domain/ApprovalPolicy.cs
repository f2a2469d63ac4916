namespace AmbassadorNet.Payouts.Domain;

/// <summary>From <see cref="Amount"/> (exclusive, in <see cref="Currency"/>, absolute) upward, <see cref="Approvals"/> members must approve.</summary>
public sealed record ApprovalThreshold(string Currency, decimal Amount, int Approvals);

/// <summary>How many members must approve one kind of action: <see cref="Approvals"/>, or more above a threshold.</summary>
public sealed record ActionApprovals(int Approvals, IReadOnlyList<ApprovalThreshold> Above)
{
    /// <summary>The most any rule asks for this amount: the base, or a threshold of its currency that it exceeds.</summary>
    public int RequiredFor(decimal amount, string currency) =>
        Above.Where(t => t.Currency == currency && Math.Abs(amount) > t.Amount).Select(t => t.Approvals).Prepend(Approvals).Max();
}

/// <summary>
/// A brand's approval policy (issue #32). Four eyes are the least for the money that leaves through payouts:
/// an adjustment and a payout batch always need one member besides the requester. A change of a creator's
/// payee details (payee reference, method, currency, tax-form status) by the brand's staff needs
/// <see cref="PayeeDetails"/> approvals, none unless the brand asks (the creators service holds the change). A raise
/// of a creator's commission by an override needs <see cref="CommissionOverrides"/> approvals, none unless the
/// brand asks (the campaigns service holds it). Null in a document stored before the part existed: none.
/// </summary>
public sealed record ApprovalPolicy(
    ActionApprovals Adjustments, ActionApprovals PayoutBatches, ActionApprovals? PayeeDetails = null, ActionApprovals? CommissionOverrides = null)
{
    public const int MaxApprovals = 5;

    public static ApprovalPolicy Default { get; } = new(new ActionApprovals(1, []), new ActionApprovals(1, []), NotHeld, NotHeld);

    private static ActionApprovals NotHeld => new(0, []);
}
