using AmbassadorNet.Contracts.Payouts;
using Microsoft.Extensions.Options;

namespace AmbassadorNet.Payouts.Ledger;

/// <summary>
/// Moves pending commission whose holding period is over to available, for the scope's brand. Each
/// batch locks its accruals with SKIP LOCKED, so two replicas (or the job and the endpoint) running
/// at once split the work and each release posts once; the unique cause key backs that up. A refund
/// of the same conversion waits on the same row lock, so it sees the accrual released or not.
/// </summary>
public sealed class Releaser(PayoutsDbContext db, Journal journal, TimeProvider clock, IOptions<PayoutsOptions> options)
{
    public async Task<ReleaseSummary> ReleaseDueAsync(CausedBy causedBy, CancellationToken ct)
    {
        var summary = new ReleaseSummary();
        while (true)
        {
            var released = await ReleaseBatchAsync(causedBy, summary, ct);
            if (released < options.Value.ReleaseBatchSize)
            {
                return summary;
            }
        }
    }

    private async Task<int> ReleaseBatchAsync(CausedBy causedBy, ReleaseSummary summary, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Accruals.FromSqlInterpolated($"""
            SELECT * FROM commission_accruals
            WHERE brand_id = {db.CurrentBrandId} AND released_at IS NULL AND releasable_at <= {now}
            ORDER BY releasable_at LIMIT {options.Value.ReleaseBatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        foreach (var accrual in due)
        {
            await ReleaseAsync(accrual, causedBy, now, summary, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return due.Count;
    }

    private async Task ReleaseAsync(CommissionAccrual accrual, CausedBy causedBy, DateTimeOffset now, ReleaseSummary summary, CancellationToken ct)
    {
        // Every reversal so far came out of pending, so what is left there is commission − reversed.
        var amount = Money.Of(accrual.Commission - accrual.ReversedAmount, accrual.Currency);
        accrual.ReleasedAt = now;
        accrual.ReleasedAmount = amount.Amount;
        summary.Count++;
        if (amount.Amount <= 0m)
        {
            return; // fully refunded before release (or a zero commission): nothing to move
        }

        var pending = await journal.AccountAsync(accrual.Currency, AccountKind.CreatorPending, accrual.CreatorId, ct);
        var available = await journal.AccountAsync(accrual.Currency, AccountKind.CreatorAvailable, accrual.CreatorId, ct);
        var posted = journal.Move(amount, pending, available, new Cause(
            CauseTypes.Release, accrual.ConversionId, "", now, causedBy, $"Commission of order {accrual.OrderId} released after its holding period"));
        accrual.ReleaseTransactionId = posted.Id;
        summary.Add(amount);
        db.AddEvent(new CommissionReleased(
            accrual.BrandId, now, posted.Id, accrual.ConversionId, accrual.EnrollmentId, accrual.CampaignId, accrual.CreatorId,
            new MoneyAmount(amount.Amount, accrual.Currency)), clock);
    }
}

/// <summary>What one release pass did: accruals released and the amounts moved per currency.</summary>
public sealed class ReleaseSummary
{
    public int Count { get; set; }

    public Dictionary<string, decimal> Amounts { get; } = new(StringComparer.Ordinal);

    public void Add(Money amount) => Amounts[amount.Currency.Code] = Amounts.GetValueOrDefault(amount.Currency.Code) + amount.Amount;
}
