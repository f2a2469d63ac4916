namespace AmbassadorNet.Payouts.Domain;

/// <summary>
/// One balanced posting. It names its cause (type, id and a reference such as a refund id: unique
/// together, so a cause posts at most once) and who caused it: an API key, a message, or a job.
/// The database refuses to update or delete it.
/// </summary>
public sealed class JournalTransaction : BrandOwnedEntity
{
    /// <summary>When the fact happened (the event's time, or the request's).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>When the ledger recorded it: statements and exports select by this, so a closed period never changes.</summary>
    public DateTimeOffset PostedAt { get; set; }

    public string CauseType { get; set; } = "";

    public Guid CauseId { get; set; }

    public string CauseRef { get; set; } = "";

    public Guid? CausedByKeyId { get; set; }

    public Guid? CausedByMessageId { get; set; }

    public string? CausedByJob { get; set; }

    public string Description { get; set; } = "";
}

/// <summary>A signed amount on one account: debits positive, credits negative. Never zero, never changed.</summary>
public sealed class JournalEntry : BrandOwnedEntity
{
    public Guid TransactionId { get; set; }

    public Guid AccountId { get; set; }

    public string Currency { get; set; } = "";

    public decimal Amount { get; set; }
}

/// <summary>The causes a transaction can have; with the cause id and reference they are unique.</summary>
public static class CauseTypes
{
    public const string Accrual = "commission_accrued";
    public const string Release = "commission_released";
    public const string Reversal = "commission_reversed";
    public const string DeliverableFee = "deliverable_fee";
    public const string Adjustment = "adjustment";

    /// <summary>A payout line's amount moved from available to in payout (cause id: the line).</summary>
    public const string PayoutBatched = "payout_batched";

    /// <summary>The provider paid a line: in payout to payouts paid.</summary>
    public const string PayoutPaid = "payout_paid";

    /// <summary>A line failed (ref "failed") or its batch was voided (ref "voided"): in payout back to available.</summary>
    public const string PayoutReturned = "payout_returned";
}

/// <summary>Who caused a transaction: exactly one of an API key, a message or a scheduled job.</summary>
public sealed record CausedBy(Guid? KeyId, Guid? MessageId, string? Job)
{
    public static CausedBy Key(Guid keyId) => new(keyId, null, null);

    public static CausedBy Message(Guid messageId) => new(null, messageId, null);

    public static CausedBy ScheduledJob(string name) => new(null, null, name);
}
