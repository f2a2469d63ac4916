namespace AmbassadorNet.Contracts.Payouts;

// Facts of payout runs, batches and their settlement. Amounts are positive.

/// <summary>A payout run created a batch (one per currency) in Draft, its lines' money moved from available to in payout.</summary>
public sealed record PayoutBatchCreated(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid BatchId,
    Guid RunId,
    DateTimeOffset PeriodEnd,
    MoneyAmount Total,
    int LineCount,
    Guid CreatedByKeyId) : IIntegrationEvent;

/// <summary>A batch was approved (by a key other than the one that ran it) and may be exported to the provider.</summary>
public sealed record PayoutBatchApproved(
    Guid BrandId, DateTimeOffset OccurredAt, Guid BatchId, MoneyAmount Total, Guid ApprovedByKeyId, Guid? ApprovedByMemberId = null) : IIntegrationEvent;

/// <summary>A batch was voided before export; every line's money went back to the creators' available balances.</summary>
public sealed record PayoutBatchVoided(Guid BrandId, DateTimeOffset OccurredAt, Guid BatchId, MoneyAmount Total, Guid VoidedByKeyId) : IIntegrationEvent;

/// <summary>The provider paid a line: it left in payout for payouts paid.</summary>
public sealed record PayoutLinePaid(
    Guid BrandId, DateTimeOffset OccurredAt, Guid BatchId, Guid LineId, Guid CreatorId, MoneyAmount Amount, string ProviderReference, Guid TransactionId) : IIntegrationEvent;

/// <summary>The provider could not pay a line: its money went back to the creator's available balance.</summary>
public sealed record PayoutLineFailed(
    Guid BrandId, DateTimeOffset OccurredAt, Guid BatchId, Guid LineId, Guid CreatorId, MoneyAmount Amount, string? FailureReason, Guid TransactionId) : IIntegrationEvent;

/// <summary>A settlement file of the provider was reconciled against a batch; <paramref name="Status"/> is the batch's status after it ("exported" while lines remain open, or "settled").</summary>
public sealed record PayoutBatchReconciled(
    Guid BrandId,
    DateTimeOffset OccurredAt,
    Guid BatchId,
    Guid ImportId,
    string Status,
    int Paid,
    int Failed,
    int AmountMismatches,
    int UnknownReferences,
    int Missing) : IIntegrationEvent;

/// <summary>One threshold of an approval policy: above <see cref="Amount"/> (absolute) in <see cref="Currency"/>, <see cref="Approvals"/> members.</summary>
public sealed record ApprovalThresholdState(string Currency, decimal Amount, int Approvals);

/// <summary>How many members must approve one kind of action, and more above the thresholds.</summary>
public sealed record ActionApprovalsState(int Approvals, IReadOnlyList<ApprovalThresholdState> Above);

/// <summary>
/// A brand's approval policy changed (issue #32): how many members approve adjustments and payout batches, and
/// from which amounts more, how many approve a change of a creator's payee details by the brand's staff, and how
/// many approve a raised commission override. The last two are optional and trailing: a message published before
/// they existed still reads, as "not held".
/// </summary>
public sealed record ApprovalPolicyChanged(
    Guid BrandId, DateTimeOffset OccurredAt, ActionApprovalsState Adjustments, ActionApprovalsState PayoutBatches, Guid? ChangedByKeyId, Guid? ChangedByMemberId,
    ActionApprovalsState? PayeeDetails = null, ActionApprovalsState? CommissionOverrides = null)
    : IIntegrationEvent;
