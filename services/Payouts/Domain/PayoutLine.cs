namespace AmbassadorNet.Payouts.Domain;

/// <summary>A line is in payout until the provider pays it or it fails, or its batch is voided; the three are final.</summary>
public enum LineStatus
{
    InPayout,
    Paid,
    Failed,
    Voided,
}

/// <summary>One creator's payment in a batch. Its id is the reference the provider echoes back in its settlement file.</summary>
public sealed class PayoutLine : BrandOwnedEntity
{
    public Guid BatchId { get; set; }

    public Guid CreatorId { get; set; }

    public string Currency { get; set; } = "";

    public decimal Amount { get; set; }

    /// <summary>Copied from the payout profile at the run; scrubbed to "" when the creator is erased.</summary>
    [AmbassadorNet.Persistence.Auditing.PersonalData]
    public string PayeeReference { get; set; } = "";

    public LineStatus Status { get; set; }

    /// <summary>The transaction that moved the amount from available to in payout.</summary>
    public Guid TransactionId { get; set; }

    public DateTimeOffset? SettledAt { get; set; }

    /// <summary>The transaction that paid it, or returned it to available (failed or voided).</summary>
    public Guid? SettleTransactionId { get; set; }

    public string? ProviderReference { get; set; }

    public string? FailureReason { get; set; }
}

/// <summary>
/// The available-balance entries a line settles, all on one account (its creator's available account in
/// its currency). One row per line, written once with the line and never changed: a voided line keeps
/// its entries, and the money it returns is a new entry for a later line. No two sets of an account
/// share an entry, so no entry is ever paid twice (Migrations/0010).
/// </summary>
public sealed class PayoutLineEntrySet : IBrandOwned
{
    public Guid LineId { get; set; }

    public Guid BrandId { get; set; }

    public Guid AccountId { get; set; }

    public Guid[] EntryIds { get; set; } = [];
}
