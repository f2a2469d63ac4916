using System.Data;
using System.Security.Claims;
using AmbassadorNet.Security;

namespace AmbassadorNet.Payouts.Api;

/// <summary>
/// A creator's statement in one currency, by the time entries were posted: the balances before
/// <c>from</c>, the entries in [from, to) one page at a time with its cause, and the balances after.
/// Amounts are what the brand owes the creator: a credit to the creator is positive, a clawback
/// negative. Each page is correct on its own: it carries the balances brought forward (before its
/// first entry) and carried forward (after its last), so brought forward + its entries = carried
/// forward, the first page brings forward the opening and the last carries forward the closing.
/// </summary>
internal static class StatementEndpoint
{
    public sealed record Balances(decimal Pending, decimal Available, decimal InPayout, decimal Total);

    public sealed record StatementLine(
        Guid TransactionId, Guid EntryId, DateTimeOffset PostedAt, DateTimeOffset OccurredAt, string Account, decimal Amount,
        string CauseType, Guid CauseId, string CauseRef, string Description, Guid? CausedByKeyId, Guid? CausedByMessageId, string? CausedByJob);

    /// <summary>Opening and Closing are the whole statement's ([from, to)); BroughtForward and CarriedForward this page's.</summary>
    public sealed record StatementView(
        Guid CreatorId, string Currency, DateTimeOffset? From, DateTimeOffset? To, bool OnHold, string? HoldReason,
        Balances Opening, IReadOnlyList<StatementLine> Entries, Balances Closing,
        Balances BroughtForward, Balances CarriedForward, string? NextCursor);

    public static async Task<Ok<StatementView>> StatementAsync(
        Guid creatorId, string? currency, string? from, string? to, string? cursor, string? limit, PayoutsDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = QueryParameters.CurrencyCode(currency, "currency", errors);
        var (start, end) = (QueryParameters.Time(from, "from", errors), QueryParameters.Time(to, "to", errors));
        errors.Check(start is null || end is null || start < end, "to", "to must be after from.");
        var size = QueryParameters.Limit(limit, errors);
        var after = StatementCursor.Read(cursor, errors);
        errors.ThrowIfAny();

        // One snapshot for the page and its balances, so an entry committed between the queries
        // cannot make brought forward + entries differ from carried forward.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
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
        var inRange = lines.Where(l => (start == null || l.Transaction.PostedAt >= start) && (end == null || l.Transaction.PostedAt < end));
        var opening = start is null ? [] : await SumsAsync(lines.Where(l => l.Transaction.PostedAt < start), ct);
        var closing = await SumsAsync(end is null ? lines : lines.Where(l => l.Transaction.PostedAt < end), ct);
        // Summed in SQL: the entries of the range up to the cursor are never read into memory.
        var broughtForward = after is null ? opening : [.. opening, .. await SumsAsync(inRange.Where(after.NotLater()), ct)];
        var rows = await StatementCursor.Order(after is null ? inRange : inRange.Where(after.Later())).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? StatementCursor.After(page[^1]).Encode() : null;
        var carriedForward = broughtForward.Concat(page.Select(l => (l.Account.Kind, l.Entry.Amount))).ToList();
        var hold = await HoldEndpoints.ActiveAsync(db, creatorId, ct);
        await snapshot.CommitAsync(ct);
        return TypedResults.Ok(new StatementView(
            creatorId, code, start, end, hold is not null, hold?.Reason, View(opening), page.Select(Line).ToList(), View(closing),
            View(broughtForward), View(carriedForward), next));
    }

    /// <summary>The statement of the creator a creator credential is bound to; the creator comes from the token, never the request.</summary>
    public static Task<Ok<StatementView>> MineAsync(
        ClaimsPrincipal user, string? currency, string? from, string? to, string? cursor, string? limit, PayoutsDbContext db, CancellationToken ct) =>
        StatementAsync(user.GetRequiredCreatorId(), currency, from, to, cursor, limit, db, ct);

    private static async Task<List<(AccountKind Kind, decimal Amount)>> SumsAsync(IQueryable<LedgerLine> lines, CancellationToken ct) =>
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
