using AmbassadorNet.Security;

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

/// <summary>The lines of one run in one currency, moved together through approval, export and settlement.</summary>
public sealed class PayoutBatch : BrandOwnedEntity
{
    public Guid RunId { get; set; }

    public string Currency { get; set; } = "";

    public BatchStatus Status { get; set; }

    public decimal Total { get; set; }

    public int LineCount { get; set; }

    public DateTimeOffset PeriodEnd { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid CreatedByKeyId { get; set; }

    public Guid? CreatedByMemberId { get; set; }

    /// <summary>Who answers for the run that made the batch (<see cref="AmbassadorNet.Security.InternalCaller.AnswerableParty"/>).</summary>
    public Guid? CreatedByParty { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public Guid? ApprovedByKeyId { get; set; }

    public Guid? ApprovedByMemberId { get; set; }

    /// <summary>How many members must approve it: the brand's approval policy when the run made it.</summary>
    public int ApprovalsRequired { get; set; } = 1;

    public DateTimeOffset? ExportedAt { get; set; }

    public Guid? ExportedByKeyId { get; set; }

    public DateTimeOffset? VoidedAt { get; set; }

    public Guid? VoidedByKeyId { get; set; }

    public DateTimeOffset? SettledAt { get; set; }

    public RecordedCaller Creator() => new(CreatedByKeyId, CreatedByMemberId, CreatedByParty);
}
