namespace AmbassadorNet.Payouts.Api;

/// <summary>
/// Debits and credits per account kind (creator accounts summed per kind) and currency, of entries
/// posted before <c>at</c> (default: all). Each currency's debits equal its credits: the database
/// refuses any transaction that does not balance, so <c>net</c> is zero by construction.
/// </summary>
internal static class TrialBalanceEndpoint
{
    public sealed record Line(string Account, int Accounts, decimal Debits, decimal Credits, decimal Balance);

    public sealed record CurrencyBalance(string Currency, IReadOnlyList<Line> Lines, decimal TotalDebits, decimal TotalCredits, decimal Net);

    public sealed record TrialBalanceView(DateTimeOffset? At, IReadOnlyList<CurrencyBalance> Currencies);

    public static async Task<Ok<TrialBalanceView>> TrialBalanceAsync(string? at, PayoutsDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var until = QueryParameters.Time(at, "at", errors);
        errors.ThrowIfAny();

        var rows = await db.Lines()
            .Where(l => until == null || l.Transaction.PostedAt < until)
            .GroupBy(l => new { l.Account.Currency, l.Account.Kind })
            .Select(g => new
            {
                g.Key.Currency, g.Key.Kind,
                Accounts = g.Select(l => l.Account.Id).Distinct().Count(),
                Debits = g.Sum(l => l.Entry.Amount > 0 ? l.Entry.Amount : 0m),
                Credits = g.Sum(l => l.Entry.Amount < 0 ? -l.Entry.Amount : 0m),
            })
            .ToListAsync(ct);
        var currencies = rows.GroupBy(r => r.Currency).OrderBy(g => g.Key).Select(g =>
        {
            var lines = g.OrderBy(r => r.Kind).Select(r => new Line(SnakeCaseEnums.Name(r.Kind), r.Accounts, r.Debits, r.Credits, r.Debits - r.Credits)).ToList();
            var (debits, credits) = (lines.Sum(l => l.Debits), lines.Sum(l => l.Credits));
            return new CurrencyBalance(g.Key, lines, debits, credits, debits - credits);
        }).ToList();
        return TypedResults.Ok(new TrialBalanceView(until, currencies));
    }
}
