using AmbassadorNet.Security;
using System.Security.Claims;
using AmbassadorNet.Payouts.Approvals;
using AmbassadorNet.Payouts.Ledger;
using AmbassadorNet.Persistence.Pagination;
using static AmbassadorNet.Payouts.Api.BatchViews;
using AmbassadorNet.ServiceDefaults.Approvals;

namespace AmbassadorNet.Payouts.Api;

/// <summary>Batches: the list, the drill-down to the entries (and conversions) behind each line, approval and void.</summary>
internal static class BatchEndpoints
{
    // Newest first; batches of one run share their creation time, so the id breaks the tie.
    private static readonly KeysetOrder<PayoutBatch, DateTimeOffset> Newest = new("newest", b => b.CreatedAt, b => b.Id, descending: true);

    public static async Task<Ok<BatchList>> ListAsync(string? status, Guid? runId, string? cursor, string? limit, PayoutsDbContext db, CancellationToken ct)
    {
        var wanted = BatchStatus.Draft;
        var errors = new FieldErrors()
            .Check(status is null || SnakeCaseEnums.TryParse(status, out wanted), "status", $"One of: {SnakeCaseEnums.Allowed<BatchStatus>()}.");
        var size = QueryParameters.Limit(limit, errors);
        errors.ThrowIfAny();
        var query = db.Batches.AsNoTracking();
        query = status is null ? query : query.Where(b => b.Status == wanted);
        query = runId is null ? query : query.Where(b => b.RunId == runId);
        var page = await query.ToPageAsync(Newest, cursor, size, ct);
        return TypedResults.Ok(new BatchList(page.Items.Select(View).ToList(), page.NextCursor));
    }

    public static async Task<Ok<BatchDetail>> GetAsync(Guid id, PayoutsDbContext db, ApprovalDesk approvals, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException($"Payout batch {id} does not exist.");
        var lines = await db.PayoutLines.AsNoTracking().Where(l => l.BatchId == id).OrderBy(l => l.CreatorId).ToListAsync(ct);
        var entries = await (
            from set in db.LineEntrySets
            join l in db.PayoutLines on set.LineId equals l.Id
            from e in db.Entries.Where(e => set.EntryIds.Contains(e.Id))
            join t in db.Transactions on e.TransactionId equals t.Id
            where l.BatchId == id
            orderby t.PostedAt, e.Id
            select new { set.LineId, EntryId = e.Id, t.Id, t.PostedAt, t.CauseType, t.CauseId, t.CauseRef, e.Amount }).ToListAsync(ct);
        var conversionIds = entries.Where(e => e.CauseType is CauseTypes.Release or CauseTypes.Reversal).Select(e => e.CauseId).Distinct().ToList();
        var accruals = await db.Accruals.AsNoTracking().Where(a => conversionIds.Contains(a.ConversionId))
            .ToDictionaryAsync(a => a.ConversionId, a => (a.OrderId, a.CampaignId), ct);
        var byLine = entries.ToLookup(e => e.LineId, e =>
        {
            var commission = e.CauseType is CauseTypes.Release or CauseTypes.Reversal;
            var accrual = commission && accruals.TryGetValue(e.CauseId, out var a) ? a : default;
            return new SettledEntryView(
                e.EntryId, e.Id, e.PostedAt, e.CauseType, e.CauseId, e.CauseRef, -e.Amount,
                commission ? e.CauseId : null, accrual.OrderId, commission ? accrual.CampaignId : null,
                e.CauseType == CauseTypes.DeliverableFee ? e.CauseId : null, e.CauseType == CauseTypes.Adjustment ? e.CauseId : null);
        });
        return TypedResults.Ok(new BatchDetail(View(batch), lines.Select(l => new LineView(
            l.Id, l.CreatorId, l.Amount, l.Currency, l.PayeeReference, SnakeCaseEnums.Name(l.Status), l.TransactionId, l.SettledAt,
            l.SettleTransactionId, l.ProviderReference, l.FailureReason, byLine[l.Id].ToList())).ToList(),
            [.. (await approvals.ApprovalsOfAsync(ApprovalSubjects.PayoutBatch, id, ct)).Select(ApprovalView.Of)]));
    }

    /// <summary>The batch after this approval: approved with the last one the policy asks for, still a draft before (GET shows the approvals).</summary>
    public static async Task<Ok<BatchView>> ApproveAsync(Guid id, ClaimsPrincipal user, BatchLifecycle lifecycle, CancellationToken ct) =>
        TypedResults.Ok(View(await lifecycle.ApproveAsync(id, user.RequiredKeyId(), user.GetCaller(), ct)));

    public static async Task<Ok<BatchView>> VoidAsync(Guid id, ClaimsPrincipal user, BatchLifecycle lifecycle, CancellationToken ct) =>
        TypedResults.Ok(View(await lifecycle.VoidAsync(id, user.RequiredKeyId(), ct)));
}
