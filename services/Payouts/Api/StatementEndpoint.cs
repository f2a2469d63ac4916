using AmbassadorNet.Payouts.Domain;
using AmbassadorNet.Payouts.Persistence;
using AmbassadorNet.ServiceDefaults.Errors;
using AmbassadorNet.SharedKernel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AmbassadorNet.Payouts.Api;

/// <summary>
/// A creator's statement in one currency, by the time entries were posted: the balances before
/// <c>from</c>, every entry in [from, to) with its cause, and the balances after. Amounts are what
/// the brand owes the creator: a credit to the creator is positive, a clawback negative.
/// </summary>
internal static class StatementEndpoint
{
    public sealed record Balances(decimal Pending, decimal Available, decimal InPayout, decimal Total);

    public sealed record StatementLine(
        Guid TransactionId, Guid EntryId, DateTimeOffset PostedAt, DateTimeOffset OccurredAt, string Account, decimal Amount,
        string CauseType, Guid CauseId, string CauseRef, string Description, Guid? CausedByKeyId, Guid? CausedByMessageId, string? CausedByJob);

    public sealed record StatementView(
        Guid CreatorId, string Currency, DateTimeOffset? From, DateTimeOffset? To, bool OnHold, string? HoldReason,
        Balances Opening, IReadOnlyList<StatementLine> Entries, Balances Closing);

    public static async Task<Ok<StatementView>> StatementAsync(
        Guid creatorId, string? currency, string? from, string? to, PayoutsDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = QueryParameters.CurrencyCode(currency, "currency", errors);
        var (start, end) = (QueryParameters.Time(from, "from", errors), QueryParameters.Time(to, "to", errors));
        errors.Check(start is null || end is null || start < end, "to", "to must be after from.");
        errors.ThrowIfAny();

        var currencies = await db.Accounts.Where(a => a.CreatorId == creatorId).Select(a => a.Currency).Distinct().ToListAsync(ct);
        if (currencies.Count == 0)
        {
            throw new NotFoundException($"Creator {creatorId} has nothing in this brand's ledger.");
        }

        if (code is null)
        {
            code = currencies.Count == 1 ? currencies[0] : throw new RequestValidationException("currency", $"The creator has balances in {string.Join(", ", currencies.Order())}; name one.");
        }

        var lines = db.Lines().Where(l => l.Account.CreatorId == creatorId && l.Account.Currency == code);
        var before = start is null ? [] : await Totals(lines.Where(l => l.Transaction.PostedAt < start), ct);
        var inRange = await lines
            .Where(l => (start == null || l.Transaction.PostedAt >= start) && (end == null || l.Transaction.PostedAt < end))
            // Debits before credits within a transaction, as a journal is written.
            .OrderBy(l => l.Transaction.PostedAt).ThenBy(l => l.Transaction.Id).ThenByDescending(l => l.Entry.Amount)
            .ToListAsync(ct);
        var opening = View(before);
        var closing = View(before.Concat(inRange.Select(l => (l.Account.Kind, l.Entry.Amount))).GroupBy(x => x.Kind).Select(g => (g.Key, g.Sum(x => x.Item2))).ToList());
        var hold = await HoldEndpoints.ActiveAsync(db, creatorId, ct);
        return TypedResults.Ok(new StatementView(creatorId, code, start, end, hold is not null, hold?.Reason, opening, inRange.Select(Line).ToList(), closing));
    }

    private static async Task<List<(AccountKind Kind, decimal Amount)>> Totals(IQueryable<LedgerLine> lines, CancellationToken ct) =>
        (await lines.GroupBy(l => l.Account.Kind).Select(g => new { g.Key, Sum = g.Sum(l => l.Entry.Amount) }).ToListAsync(ct))
        .Select(x => (x.Key, x.Sum)).ToList();

    // Creator accounts carry credit balances; owed to the creator = −(sum of entries).
    private static Balances View(IReadOnlyCollection<(AccountKind Kind, decimal Amount)> sums)
    {
        decimal Owed(AccountKind kind) => -sums.Where(s => s.Kind == kind).Sum(s => s.Amount);
        var (pending, available, inPayout) = (Owed(AccountKind.CreatorPending), Owed(AccountKind.CreatorAvailable), Owed(AccountKind.CreatorInPayout));
        return new Balances(pending, available, inPayout, pending + available + inPayout);
    }

    private static StatementLine Line(LedgerLine l) => new(
        l.Transaction.Id, l.Entry.Id, l.Transaction.PostedAt, l.Transaction.OccurredAt, SnakeCaseEnums.Name(l.Account.Kind), -l.Entry.Amount,
        l.Transaction.CauseType, l.Transaction.CauseId, l.Transaction.CauseRef, l.Transaction.Description,
        l.Transaction.CausedByKeyId, l.Transaction.CausedByMessageId, l.Transaction.CausedByJob);
}
