using AmbassadorNet.Security;
using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Payouts.Api;
using AmbassadorNet.Payouts.Approvals;
using AmbassadorNet.ServiceDefaults.Approvals;

namespace AmbassadorNet.Payouts.Ledger;

/// <summary>
/// Draft → Approved → Exported → Settled, or Voided from Draft or Approved. Every transition locks
/// the batch row, so two requests at once take turns and the second sees the first's state (409).
/// </summary>
public sealed class BatchLifecycle(PayoutsDbContext db, Journal journal, ApprovalDesk approvals, TimeProvider clock)
{
    /// <summary>The batch, locked for the caller's transaction; 404 when the brand has no such batch.</summary>
    public async Task<PayoutBatch> LockAsync(Guid batchId, CancellationToken ct) =>
        await db.Batches.FromSqlInterpolated($"SELECT * FROM payout_batches WHERE id = {batchId} FOR UPDATE").SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException($"Payout batch {batchId} does not exist.");

    /// <summary>
    /// Four eyes, as for adjustments: members other than the party that ran the batch, with keys it did not
    /// issue (<see cref="ApprovalRules"/>), as many as the approval policy asked when the run made the batch.
    /// </summary>
    public async Task<PayoutBatch> ApproveAsync(Guid batchId, Guid keyId, InternalCaller approver, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = await LockAsync(batchId, ct);
        Require(batch, "approved", BatchStatus.Draft);
        if (!await approvals.ApproveAsync(ApprovalSubjects.PayoutBatch, batchId, batch.Creator(), batch.CreatedAt, batch.ApprovalsRequired, approver, ct))
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return batch;
        }

        (batch.Status, batch.ApprovedAt, batch.ApprovedByKeyId, batch.ApprovedByMemberId) = (BatchStatus.Approved, clock.GetUtcNow(), keyId, approver.MemberId);
        db.AddEvent(new PayoutBatchApproved(batch.BrandId, batch.ApprovedAt.Value, batch.Id, Total(batch), keyId, approver.MemberId), clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return batch;
    }

    /// <summary>Before export only: once the provider may have the file, money can only come back through settlement.</summary>
    public async Task<PayoutBatch> VoidAsync(Guid batchId, Guid keyId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = await LockAsync(batchId, ct);
        Require(batch, "voided", BatchStatus.Draft, BatchStatus.Approved);
        var now = clock.GetUtcNow();
        foreach (var line in await db.PayoutLines.Where(l => l.BatchId == batch.Id && l.Status == LineStatus.InPayout).ToListAsync(ct))
        {
            line.SettleTransactionId = (await ReturnAsync(line, "voided", CausedBy.Key(keyId), now, $"Payout batch {batch.Id} voided", ct)).Id;
            (line.Status, line.SettledAt) = (LineStatus.Voided, now);
        }

        (batch.Status, batch.VoidedAt, batch.VoidedByKeyId) = (BatchStatus.Voided, now, keyId);
        db.AddEvent(new PayoutBatchVoided(batch.BrandId, now, batch.Id, Total(batch), keyId), clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return batch;
    }

    /// <summary>Only an approved batch exports; the first export marks it Exported, later downloads return the same file.</summary>
    public async Task<(PayoutBatch Batch, List<PayoutLine> Lines)> ExportAsync(Guid batchId, Guid? keyId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = await LockAsync(batchId, ct);
        Require(batch, "exported", BatchStatus.Approved, BatchStatus.Exported, BatchStatus.Settled);
        if (batch.Status == BatchStatus.Approved)
        {
            (batch.Status, batch.ExportedAt, batch.ExportedByKeyId) = (BatchStatus.Exported, clock.GetUtcNow(), keyId);
            await db.SaveChangesAsync(ct);
        }

        var lines = await db.PayoutLines.AsNoTracking().Where(l => l.BatchId == batch.Id).OrderBy(l => l.Id).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return (batch, lines);
    }

    /// <summary>In payout back to available: a failed line or a voided batch. The returned credit is new available money for a later run.</summary>
    public async Task<JournalTransaction> ReturnAsync(PayoutLine line, string why, CausedBy by, DateTimeOffset now, string description, CancellationToken ct)
    {
        var inPayout = await journal.AccountAsync(line.Currency, AccountKind.CreatorInPayout, line.CreatorId, ct);
        var available = await journal.AccountAsync(line.Currency, AccountKind.CreatorAvailable, line.CreatorId, ct);
        return journal.Move(Money.Of(line.Amount, line.Currency), inPayout, available, new Cause(CauseTypes.PayoutReturned, line.Id, why, now, by, description));
    }

    public static void Require(PayoutBatch batch, string action, params BatchStatus[] allowed)
    {
        if (!allowed.Contains(batch.Status))
        {
            throw new ConflictException(
                $"Payout batch {batch.Id} is {SnakeCaseEnums.Name(batch.Status)}; only a batch that is {string.Join(" or ", allowed.Select(s => SnakeCaseEnums.Name(s)))} can be {action}.");
        }
    }

    private static MoneyAmount Total(PayoutBatch batch) => new(batch.Total, batch.Currency);
}
