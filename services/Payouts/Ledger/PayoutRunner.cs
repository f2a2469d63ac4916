using AmbassadorNet.Payouts.Approvals;
using AmbassadorNet.Security;
using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.ServiceDefaults.Lifetime;

namespace AmbassadorNet.Payouts.Ledger;

/// <summary>
/// A payout run for a period end P, for the scope's brand: every available-balance entry posted at
/// or before P that no line settles yet, netted per creator and currency, becomes a line when the
/// total reaches the brand's minimum, the creator is not held and their payout profile is complete
/// in that currency with a verified tax form. One batch per currency; one ledger transaction per
/// batch moves each line's amount from available to in payout, and each line links the entries it
/// settles. All of it is one database transaction of set-based statements (<see cref="PayoutRunSql"/>;
/// docs/decisions/0010-set-based-payout-run.md): it commits whole or leaves nothing.
/// </summary>
public sealed class PayoutRunner(PayoutsDbContext db, Journal journal, ApprovalPolicies policies, TimeProvider clock, CrashPoints crashPoints)
{
    /// <summary>Where a reliability test may kill the process: everything written, nothing committed.</summary>
    public const string CrashPointBeforeCommit = "payout-run-before-commit";

    public sealed record RunOutcome(PayoutRun Run, IReadOnlyList<PayoutBatch> Batches, bool Created);

    public async Task<RunOutcome> RunAsync(DateTimeOffset periodEnd, Guid keyId, InternalCaller runBy, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Runs of one brand take turns: two runs of one period make one set of batches, and runs of
        // two periods never both pick the same entry (the entry-link key would refuse the second).
        var brandKey = db.CurrentBrandId.ToString();
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({brandKey}, 11))", ct);
        if (await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.PeriodEnd == periodEnd, ct) is { } existing)
        {
            var batches = await db.Batches.AsNoTracking().Where(b => b.RunId == existing.Id).OrderBy(b => b.Currency).ToListAsync(ct);
            return new RunOutcome(existing, batches, Created: false);
        }

        var now = clock.GetUtcNow();
        var sql = new PayoutRunSql(db, db.CurrentBrandId, now);
        await sql.CollectAsync(periodEnd, ct);
        var minimums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var currency in await sql.CurrenciesAsync(ct))
        {
            minimums[currency] = await MinimumAsync(currency, ct);
        }

        await sql.JudgeAsync(minimums, ct);
        var run = new PayoutRun
        {
            Id = Ids.New(clock), PeriodEnd = periodEnd, CreatedAt = now, CreatedByKeyId = keyId, Exclusions = await sql.ExclusionsAsync(ct),
        };
        db.Runs.Add(run);
        var created = new List<PayoutBatch>();
        var approvalPolicy = (await policies.CurrentAsync(ct)).PayoutBatches;
        var targets = new List<PayoutRunSql.BatchTarget>();
        foreach (var payable in await sql.PayableAsync(ct))
        {
            var batch = new PayoutBatch
            {
                Id = Ids.New(clock), RunId = run.Id, Currency = payable.Currency, Status = BatchStatus.Draft, PeriodEnd = periodEnd,
                CreatedAt = now, CreatedByKeyId = keyId, CreatedByMemberId = runBy.MemberId, CreatedByParty = runBy.AnswerableParty,
                Total = payable.Total, LineCount = payable.Lines, ApprovalsRequired = approvalPolicy.RequiredFor(payable.Total, payable.Currency),
            };
            db.Batches.Add(batch);
            var move = journal.Open(new Cause(
                CauseTypes.PayoutBatched, batch.Id, "", now, CausedBy.Key(keyId), $"Payout batch {batch.Id} for the period ending {periodEnd:O}"));
            targets.Add(new PayoutRunSql.BatchTarget(payable.Currency, batch.Id, move.Id));
            created.Add(batch);
            db.AddEvent(new PayoutBatchCreated(
                db.CurrentBrandId, now, batch.Id, run.Id, periodEnd, new MoneyAmount(batch.Total, batch.Currency), batch.LineCount, keyId), clock);
        }

        // The run, batches, their transactions and events first: the lines reference them.
        await db.SaveChangesAsync(ct);
        if (targets.Count > 0)
        {
            await sql.PostLinesAsync(targets, ct);
        }

        crashPoints.Reach(CrashPointBeforeCommit);
        await transaction.CommitAsync(ct);
        return new RunOutcome(run, created, Created: true);
    }

    /// <summary>The brand's minimum for the currency; without a setting, the currency's smallest unit (any positive balance).</summary>
    private async Task<decimal> MinimumAsync(string currency, CancellationToken ct)
    {
        var setting = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Currency == currency, ct);
        var smallestUnit = 1m / (decimal)Math.Pow(10, Currency.Parse(currency).MinorUnits);
        return Math.Max(setting?.MinimumPayout ?? 0m, smallestUnit);
    }
}
