using System.Security.Cryptography;
using AmbassadorNet.Contracts.Payouts;

namespace AmbassadorNet.Payouts.Ledger;

/// <summary>
/// Reconciles a provider's settlement file against an exported batch. Paid lines move in payout →
/// payouts paid; failed lines go back to available; a line whose amount or currency differs is not
/// paid and stays in payout for a corrected file; a row for no line of the batch and a line the file
/// does not mention are reported. The batch is Settled once every line is final. The same file
/// (by SHA-256) imported again returns its first report and changes nothing.
/// </summary>
public sealed class Settlement(PayoutsDbContext db, Journal journal, BatchLifecycle lifecycle, TimeProvider clock)
{
    public async Task<SettlementImport> ImportAsync(Guid batchId, byte[] file, Guid keyId, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(file));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = await lifecycle.LockAsync(batchId, ct);
        if (await db.SettlementImports.AsNoTracking().SingleOrDefaultAsync(i => i.BatchId == batchId && i.FileSha256 == hash, ct) is { } earlier)
        {
            return earlier;
        }

        BatchLifecycle.Require(batch, "settled", BatchStatus.Exported);
        var rows = SettlementFile.Parse(System.Text.Encoding.UTF8.GetString(file));
        var now = clock.GetUtcNow();
        var import = new SettlementImport { Id = Ids.New(clock), BatchId = batchId, FileSha256 = hash, ImportedAt = now, ImportedByKeyId = keyId };
        var lines = await db.PayoutLines.Where(l => l.BatchId == batchId).ToDictionaryAsync(l => l.Id, ct);
        await journal.PreloadAsync(batch.Currency, ct);
        foreach (var row in rows)
        {
            import.Report.Add(lines.TryGetValue(row.LineId, out var line)
                ? await ApplyAsync(batch, line, row, keyId, now, ct)
                : new ReconciliationRow(row.FileLine, row.LineId.ToString(), null, null, Outcomes.UnknownReference, null, row.Amount, row.Currency, row.ProviderReference, row.FailureReason));
        }

        var mentioned = rows.Select(r => r.LineId).ToHashSet();
        foreach (var line in lines.Values.Where(l => l.Status == LineStatus.InPayout && !mentioned.Contains(l.Id)).OrderBy(l => l.Id))
        {
            import.Report.Add(new ReconciliationRow(null, line.Id.ToString(), line.Id, line.CreatorId, Outcomes.Missing, line.Amount, null, line.Currency, null, null));
        }

        if (lines.Values.All(l => l.Status != LineStatus.InPayout))
        {
            (batch.Status, batch.SettledAt) = (BatchStatus.Settled, now);
        }

        db.SettlementImports.Add(import);
        int Count(string outcome) => import.Report.Count(r => r.Outcome == outcome);
        db.AddEvent(new PayoutBatchReconciled(
            batch.BrandId, now, batch.Id, import.Id, SnakeCaseEnums.Name(batch.Status), Count(Outcomes.Paid), Count(Outcomes.Failed),
            Count(Outcomes.AmountMismatch), Count(Outcomes.UnknownReference), Count(Outcomes.Missing)), clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return import;
    }

    private async Task<ReconciliationRow> ApplyAsync(PayoutBatch batch, PayoutLine line, SettlementRow row, Guid keyId, DateTimeOffset now, CancellationToken ct)
    {
        ReconciliationRow Outcome(string outcome) =>
            new(row.FileLine, row.LineId.ToString(), line.Id, line.CreatorId, outcome, line.Amount, row.Amount, row.Currency, row.ProviderReference, row.FailureReason);

        if (line.Status != LineStatus.InPayout)
        {
            return Outcome(Outcomes.AlreadySettled); // final already (an earlier file): nothing moves twice
        }

        if (row.Amount != line.Amount || row.Currency != line.Currency)
        {
            return Outcome(Outcomes.AmountMismatch); // not paid: it stays in payout until a file reports it right
        }

        var by = CausedBy.Key(keyId);
        if (row.Status == "paid")
        {
            var inPayout = await journal.AccountAsync(line.Currency, AccountKind.CreatorInPayout, line.CreatorId, ct);
            var paid = await journal.AccountAsync(line.Currency, AccountKind.PayoutsPaid, null, ct);
            var posted = journal.Move(Money.Of(line.Amount, line.Currency), inPayout, paid, new Cause(
                CauseTypes.PayoutPaid, line.Id, "", now, by, $"Paid by the provider as {row.ProviderReference} (batch {batch.Id})"));
            (line.Status, line.SettledAt, line.SettleTransactionId, line.ProviderReference) = (LineStatus.Paid, now, posted.Id, row.ProviderReference);
            db.AddEvent(new PayoutLinePaid(batch.BrandId, now, batch.Id, line.Id, line.CreatorId, new MoneyAmount(line.Amount, line.Currency), row.ProviderReference!, posted.Id), clock);
            return Outcome(Outcomes.Paid);
        }

        var returned = await lifecycle.ReturnAsync(line, "failed", by, now, $"The provider could not pay it: {row.FailureReason ?? "no reason given"} (batch {batch.Id})", ct);
        (line.Status, line.SettledAt, line.SettleTransactionId, line.ProviderReference, line.FailureReason) =
            (LineStatus.Failed, now, returned.Id, row.ProviderReference, row.FailureReason);
        db.AddEvent(new PayoutLineFailed(batch.BrandId, now, batch.Id, line.Id, line.CreatorId, new MoneyAmount(line.Amount, line.Currency), row.FailureReason, returned.Id), clock);
        return Outcome(Outcomes.Failed);
    }
}
