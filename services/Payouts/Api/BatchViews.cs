using AmbassadorNet.ServiceDefaults.Approvals;
namespace AmbassadorNet.Payouts.Api;

/// <summary>How runs, batches and lines look to API callers.</summary>
internal static class BatchViews
{
    public sealed record RunView(Guid RunId, DateTimeOffset PeriodEnd, bool Created, DateTimeOffset CreatedAt, Guid CreatedByKeyId, IReadOnlyList<BatchView> Batches, IReadOnlyList<RunExclusion> Excluded);

    public sealed record BatchView(
        Guid Id, Guid RunId, string Currency, string Status, decimal Total, int LineCount, DateTimeOffset PeriodEnd,
        DateTimeOffset CreatedAt, Guid CreatedByKeyId, Guid? CreatedByMemberId, DateTimeOffset? ApprovedAt, Guid? ApprovedByKeyId, Guid? ApprovedByMemberId,
        DateTimeOffset? ExportedAt, DateTimeOffset? VoidedAt, Guid? VoidedByKeyId, DateTimeOffset? SettledAt, int ApprovalsRequired);

    /// <summary>A page of batches, newest first; <c>NextCursor</c> is null on the last page.</summary>
    public sealed record BatchList(IReadOnlyList<BatchView> Items, string? NextCursor);

    /// <summary>A batch, its lines, and the members' approvals it has so far (<see cref="BatchView.ApprovalsRequired"/> make it approved).</summary>
    public sealed record BatchDetail(BatchView Batch, IReadOnlyList<LineView> Lines, IReadOnlyList<ApprovalView> Approvals);

    public sealed record LineView(
        Guid Id, Guid CreatorId, decimal Amount, string Currency, string PayeeReference, string Status, Guid TransactionId,
        DateTimeOffset? SettledAt, Guid? SettleTransactionId, string? ProviderReference, string? FailureReason, IReadOnlyList<SettledEntryView> Entries);

    /// <summary>
    /// An available-balance entry a line settles, as owed (credits positive), with its cause; for
    /// commission the conversion and order behind it, for a fee the deliverable.
    /// </summary>
    public sealed record SettledEntryView(
        Guid EntryId, Guid TransactionId, DateTimeOffset PostedAt, string CauseType, Guid CauseId, string CauseRef, decimal Amount,
        Guid? ConversionId, string? OrderId, Guid? CampaignId, Guid? DeliverableId, Guid? AdjustmentId);

    public static BatchView View(PayoutBatch b) => new(
        b.Id, b.RunId, b.Currency, SnakeCaseEnums.Name(b.Status), b.Total, b.LineCount, b.PeriodEnd, b.CreatedAt, b.CreatedByKeyId, b.CreatedByMemberId,
        b.ApprovedAt, b.ApprovedByKeyId, b.ApprovedByMemberId, b.ExportedAt, b.VoidedAt, b.VoidedByKeyId, b.SettledAt, b.ApprovalsRequired);
}
