using System.Globalization;

namespace AmbassadorNet.Payouts.Api;

/// <summary>
/// What each creator earned from the brand in a calendar year (UTC, by posting time), per currency,
/// for tax reporting: commission accrued, reversed by refunds, deliverable fees and adjustments,
/// and apart from them the value of gifts delivered that year (goods, not cash: some tax regimes
/// count them as income, so they are shown, but <c>Total</c> is the cash only). Releases move money
/// between a creator's own accounts and so do not count.
/// </summary>
internal static class PayeeTotalsEndpoint
{
    public sealed record PayeeTotal(Guid CreatorId, string Currency, decimal Commission, decimal Reversed, decimal Fees, decimal Adjustments, decimal Total, decimal Gifts);

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
        var (firstDay, lastDay) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var gifts = (await db.GiftReceipts.AsNoTracking().Where(g => g.DeliveredOn >= firstDay && g.DeliveredOn <= lastDay)
            .GroupBy(g => new { g.CreatorId, g.Currency }).Select(g => new { g.Key.CreatorId, g.Key.Currency, Value = g.Sum(x => x.Value) })
            .ToListAsync(ct)).ToDictionary(g => (g.CreatorId, g.Currency), g => g.Value);
        var payees = sums.Select(s => (s.CreatorId, s.Currency)).Concat(gifts.Keys).Distinct().OrderBy(p => p.CreatorId).ThenBy(p => p.Currency, StringComparer.Ordinal);
        var items = payees.Select(payee =>
        {
            decimal Of(string cause) => sums.Where(s => s.CreatorId == payee.CreatorId && s.Currency == payee.Currency && s.CauseType == cause).Sum(s => s.Owed);
            var (commission, reversed, fees, adjustments) = (Of(CauseTypes.Accrual), -Of(CauseTypes.Reversal), Of(CauseTypes.DeliverableFee), Of(CauseTypes.Adjustment));
            return new PayeeTotal(payee.CreatorId, payee.Currency, commission, reversed, fees, adjustments, commission - reversed + fees + adjustments,
                gifts.GetValueOrDefault(payee));
        }).ToList();
        return TypedResults.Ok(new PayeeTotalsView(y, items));
    }
}
