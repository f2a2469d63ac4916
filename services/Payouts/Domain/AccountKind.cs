namespace AmbassadorNet.Payouts.Domain;

/// <summary>
/// The kinds of ledger account, one per brand, currency and (for creator accounts) creator. Entries
/// are signed, debits positive: expense accounts carry debit balances, what the brand owes a
/// creator carries credit balances (shown to people as positive amounts owed).
/// </summary>
public enum AccountKind
{
    /// <summary>Brand: commission earned by creators, net of reversals.</summary>
    CommissionExpense,

    /// <summary>Brand: approved deliverable fees.</summary>
    DeliverableFeeExpense,

    /// <summary>Brand: manual adjustments in either direction.</summary>
    AdjustmentExpense,

    /// <summary>Brand: money that left for creators (settled payout lines post into it); a credit balance.</summary>
    PayoutsPaid,

    /// <summary>Creator: commission still inside its holding period.</summary>
    CreatorPending,

    /// <summary>Creator: payable; may be negative after a clawback, which the next payout carries.</summary>
    CreatorAvailable,

    /// <summary>Creator: in a payout batch whose line is not settled yet.</summary>
    CreatorInPayout,
}

public static class AccountKinds
{
    public static bool IsCreatorAccount(this AccountKind kind) => kind >= AccountKind.CreatorPending;
}
