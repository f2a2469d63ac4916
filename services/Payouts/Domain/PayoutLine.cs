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

/// <summary>An available-balance entry settled by a line; the entry is the key, so no entry is ever paid twice.</summary>
public sealed class PayoutLineEntry : IBrandOwned
{
    public Guid EntryId { get; set; }

    public Guid BrandId { get; set; }

    public Guid LineId { get; set; }
}
