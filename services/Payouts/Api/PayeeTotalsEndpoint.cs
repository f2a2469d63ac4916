using System.Globalization;

namespace AmbassadorNet.Payouts.Api;

/// <summary>
/// What each creator earned from the brand in a calendar year (UTC, by posting time), per currency,
/// for tax reporting: commission accrued, reversed by refunds, deliverable fees and adjustments.
/// Releases move money between a creator's own accounts and so do not count.
/// </summary>
internal static class PayeeTotalsEndpoint
{
    public sealed record PayeeTotal(Guid CreatorId, string Currency, decimal Commission, decimal Reversed, decimal Fees, decimal Adjustments, decimal Total);

    public sealed record PayeeTotalsView(int Year, IReadOnlyList<PayeeTotal> Items);

    public static async Task<Ok<PayeeTotalsView>> TotalsAsync(string? year, PayoutsDbContext db, CancellationToken ct)
    {
        var valid = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2999;
        if (!valid)
        {
            throw new RequestValidationException("year", "A calendar year such as 2026 is required.");
        }

        var (start, end) = (new DateTimeOffset(y, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(y + 1, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var sums = await db.Lines()
            .Where(l => l.Account.CreatorId != null && l.Transaction.PostedAt >= start && l.Transaction.PostedAt < end)
            .GroupBy(l => new { CreatorId = l.Account.CreatorId!.Value, l.Account.Currency, l.Transaction.CauseType })
            .Select(g => new { g.Key.CreatorId, g.Key.Currency, g.Key.CauseType, Owed = -g.Sum(l => l.Entry.Amount) })
            .ToListAsync(ct);
        var items = sums.GroupBy(s => (s.CreatorId, s.Currency)).OrderBy(g => g.Key.CreatorId).ThenBy(g => g.Key.Currency).Select(g =>
        {
            decimal Of(string cause) => g.Where(s => s.CauseType == cause).Sum(s => s.Owed);
            var (commission, reversed, fees, adjustments) = (Of(CauseTypes.Accrual), -Of(CauseTypes.Reversal), Of(CauseTypes.DeliverableFee), Of(CauseTypes.Adjustment));
            return new PayeeTotal(g.Key.CreatorId, g.Key.Currency, commission, reversed, fees, adjustments, commission - reversed + fees + adjustments);
        }).ToList();
        return TypedResults.Ok(new PayeeTotalsView(y, items));
    }
}
