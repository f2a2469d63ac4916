using AmbassadorNet.Contracts;
using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Payouts.Domain;
using AmbassadorNet.Payouts.Persistence;
using AmbassadorNet.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Payouts.Ledger;

/// <summary>
/// A payout run for a period end P, for the scope's brand: every available-balance entry posted at
/// or before P that no line settles yet, netted per creator and currency, becomes a line when the
/// total reaches the brand's minimum, the creator is not held and their payout profile is complete
/// in that currency with a verified tax form. One batch per currency; each line moves its amount
/// from available to in payout in its own transaction and links the entries it settles.
/// </summary>
public sealed class PayoutRunner(PayoutsDbContext db, Journal journal, TimeProvider clock)
{
    public sealed record RunOutcome(PayoutRun Run, IReadOnlyList<PayoutBatch> Batches, bool Created);

    private sealed record Candidate(Guid EntryId, Guid CreatorId, string Currency, decimal Amount);

    public async Task<RunOutcome> RunAsync(DateTimeOffset periodEnd, Guid keyId, CancellationToken ct)
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
        var run = new PayoutRun { Id = Ids.New(clock), PeriodEnd = periodEnd, CreatedAt = now, CreatedByKeyId = keyId };
        db.Runs.Add(run);
        var created = new List<PayoutBatch>();
        var candidates = await CandidatesAsync(periodEnd, ct);
        var creatorIds = candidates.Select(c => c.CreatorId).Distinct().ToList();
        var held = (await db.Holds.AsNoTracking().Where(h => h.LiftedAt == null && creatorIds.Contains(h.CreatorId)).Select(h => h.CreatorId).ToListAsync(ct)).ToHashSet();
        var profiles = await db.PayoutProfiles.AsNoTracking().Where(p => creatorIds.Contains(p.CreatorId)).ToDictionaryAsync(p => p.CreatorId, ct);
        foreach (var currencyGroup in candidates.GroupBy(c => c.Currency).OrderBy(g => g.Key))
        {
            var currency = currencyGroup.Key;
            var minimum = await MinimumAsync(currency, ct);
            await journal.PreloadAsync(currency, ct);
            var batch = new PayoutBatch
            {
                Id = Ids.New(clock), RunId = run.Id, Currency = currency, Status = BatchStatus.Draft, PeriodEnd = periodEnd,
                CreatedAt = now, CreatedByKeyId = keyId,
            };
            foreach (var creatorGroup in currencyGroup.GroupBy(c => c.CreatorId).OrderBy(g => g.Key))
            {
                var owed = -creatorGroup.Sum(c => c.Amount); // credits are negative: what the brand owes
                var profile = profiles.GetValueOrDefault(creatorGroup.Key);
                var reason = Exclusion(currency, owed, minimum, held.Contains(creatorGroup.Key), profile);
                if (reason is not null)
                {
                    run.Exclusions.Add(new RunExclusion(creatorGroup.Key, currency, owed, reason));
                    continue;
                }

                await AddLineAsync(batch, profile!, Money.Of(owed, currency), creatorGroup.Select(c => c.EntryId), keyId, now, ct);
            }

            if (batch.LineCount > 0)
            {
                db.Batches.Add(batch);
                created.Add(batch);
                db.AddEvent(new PayoutBatchCreated(
                    db.CurrentBrandId, now, batch.Id, run.Id, periodEnd, new MoneyAmount(batch.Total, currency), batch.LineCount, keyId), clock);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RunOutcome(run, created, Created: true);
    }

    /// <summary>Available entries up to the period end not yet settled by a line; the run's own debits of available are not money owed.</summary>
    private Task<List<Candidate>> CandidatesAsync(DateTimeOffset periodEnd, CancellationToken ct) =>
        (from e in db.Entries
         join a in db.Accounts on e.AccountId equals a.Id
         join t in db.Transactions on e.TransactionId equals t.Id
         where a.Kind == AccountKind.CreatorAvailable && t.PostedAt <= periodEnd && t.CauseType != CauseTypes.PayoutBatched
               && !db.LineEntries.Any(l => l.EntryId == e.Id)
         select new Candidate(e.Id, a.CreatorId!.Value, e.Currency, e.Amount)).ToListAsync(ct);

    /// <summary>The brand's minimum for the currency; without a setting, the currency's smallest unit (any positive balance).</summary>
    private async Task<decimal> MinimumAsync(string currency, CancellationToken ct)
    {
        var setting = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Currency == currency, ct);
        var smallestUnit = 1m / (decimal)Math.Pow(10, Currency.Parse(currency).MinorUnits);
        return Math.Max(setting?.MinimumPayout ?? 0m, smallestUnit);
    }

    /// <summary>Why a creator's balance in a currency is not paid, or null when it is; the first rule that fails names the reason.</summary>
    private static string? Exclusion(string currency, decimal owed, decimal minimum, bool held, CreatorPayoutProfile? profile)
    {
        if (owed <= 0m)
        {
            return ExclusionReasons.NothingOwed; // a clawback larger than the earnings is carried to a later run
        }

        if (owed < minimum)
        {
            return ExclusionReasons.BelowMinimum;
        }

        if (held)
        {
            return ExclusionReasons.OnHold;
        }

        return profile switch
        {
            null or { Erased: true } => ExclusionReasons.NoPayoutProfile,
            _ when profile.Currency != currency => ExclusionReasons.ProfileCurrencyMismatch,
            { IsComplete: false } => ExclusionReasons.ProfileIncomplete,
            _ when profile.PayeeReference.Length == 0 => ExclusionReasons.ProfileIncomplete,
            _ when profile.TaxFormStatus != CreatorPayoutProfile.VerifiedTaxForm => ExclusionReasons.TaxFormNotVerified,
            _ => null,
        };
    }

    private async Task AddLineAsync(PayoutBatch batch, CreatorPayoutProfile profile, Money amount, IEnumerable<Guid> entryIds, Guid keyId, DateTimeOffset now, CancellationToken ct)
    {
        var creatorId = profile.CreatorId;
        var line = new PayoutLine
        {
            Id = Ids.New(clock), BatchId = batch.Id, CreatorId = creatorId, Currency = batch.Currency, Amount = amount.Amount,
            PayeeReference = profile.PayeeReference, Status = LineStatus.InPayout,
        };
        var available = await journal.AccountAsync(batch.Currency, AccountKind.CreatorAvailable, creatorId, ct);
        var inPayout = await journal.AccountAsync(batch.Currency, AccountKind.CreatorInPayout, creatorId, ct);
        line.TransactionId = journal.Move(amount, available, inPayout, new Cause(
            CauseTypes.PayoutBatched, line.Id, "", now, CausedBy.Key(keyId), $"Payout batch {batch.Id} for the period ending {batch.PeriodEnd:O}")).Id;
        db.PayoutLines.Add(line);
        db.LineEntries.AddRange(entryIds.Select(id => new PayoutLineEntry { EntryId = id, LineId = line.Id }));
        batch.LineCount++;
        batch.Total += amount.Amount;
    }
}
