namespace AmbassadorNet.Payouts.Domain;

/// <summary>A provider settlement file imported for a batch (once per SHA-256) and what reconciling it found.</summary>
public sealed class SettlementImport : BrandOwnedEntity
{
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
