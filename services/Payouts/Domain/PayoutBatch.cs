using AmbassadorNet.Persistence.Tenancy;

namespace AmbassadorNet.Payouts.Domain;

/// <summary>Draft → Approved → Exported → Settled, or Voided from Draft or Approved (the money returns to available).</summary>
public enum BatchStatus
{
    Draft,
    Approved,
    Exported,
    Settled,
    Voided,
}

/// <summary>A line is in payout until the provider pays it or it fails, or its batch is voided; the three are final.</summary>
public enum LineStatus
{
    InPayout,
    Paid,
    Failed,
    Voided,
}

/// <summary>One payout run of a brand for a period end (unique): its batches and the creators it left out, with why.</summary>
public sealed class PayoutRun : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public DateTimeOffset PeriodEnd { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid CreatedByKeyId { get; set; }

    public List<RunExclusion> Exclusions { get; set; } = [];
}

/// <summary>A creator with a balance in a currency the run did not pay, and why (see <see cref="ExclusionReasons"/>).</summary>
public sealed record RunExclusion(Guid CreatorId, string Currency, decimal Balance, string Reason);

public static class ExclusionReasons
{
    public const string NothingOwed = "nothing_owed";
    public const string BelowMinimum = "below_minimum";
    public const string OnHold = "on_hold";
    public const string NoPayoutProfile = "no_payout_profile";
    public const string ProfileIncomplete = "profile_incomplete";
    public const string ProfileCurrencyMismatch = "profile_currency_mismatch";
    public const string TaxFormNotVerified = "tax_form_not_verified";
}

/// <summary>The lines of one run in one currency, moved together through approval, export and settlement.</summary>
public sealed class PayoutBatch : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public Guid RunId { get; set; }

    public string Currency { get; set; } = "";

    public BatchStatus Status { get; set; }

    public decimal Total { get; set; }

    public int LineCount { get; set; }

    public DateTimeOffset PeriodEnd { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid CreatedByKeyId { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public Guid? ApprovedByKeyId { get; set; }

    public DateTimeOffset? ExportedAt { get; set; }

    public Guid? ExportedByKeyId { get; set; }

    public DateTimeOffset? VoidedAt { get; set; }

    public Guid? VoidedByKeyId { get; set; }

    public DateTimeOffset? SettledAt { get; set; }
}

/// <summary>One creator's payment in a batch. Its id is the reference the provider echoes back in its settlement file.</summary>
public sealed class PayoutLine : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public Guid BatchId { get; set; }

    public Guid CreatorId { get; set; }

    public string Currency { get; set; } = "";

    public decimal Amount { get; set; }

    /// <summary>Copied from the payout profile at the run; scrubbed to "" when the creator is erased.</summary>
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

/// <summary>A provider settlement file imported for a batch (once per SHA-256) and what reconciling it found.</summary>
public sealed class SettlementImport : IBrandOwned
{
    public Guid Id { get; set; }

    public Guid BrandId { get; set; }

    public Guid BatchId { get; set; }

    public string FileSha256 { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }

    public Guid ImportedByKeyId { get; set; }

    public List<ReconciliationRow> Report { get; set; } = [];
}

/// <summary>
/// One outcome of a reconciliation (see <see cref="Outcomes"/>): a row of the file (<see cref="FileLine"/>
/// is its line number, the header being line 1), or a line of the batch the file did not mention.
/// </summary>
public sealed record ReconciliationRow(
    int? FileLine, string Reference, Guid? LineId, Guid? CreatorId, string Outcome,
    decimal? ExpectedAmount, decimal? ReportedAmount, string? Currency, string? ProviderReference, string? FailureReason);

public static class Outcomes
{
    public const string Paid = "paid";
    public const string Failed = "failed";
    public const string AmountMismatch = "amount_mismatch";
    public const string UnknownReference = "unknown_reference";
    public const string Missing = "missing";
    public const string AlreadySettled = "already_settled";
}
