namespace AmbassadorNet.Analytics.Api;

/// <summary>The brand-wide views: the leaderboard and the comparison of tiers, each in one currency.</summary>
public sealed class BrandViews(RollupQueries queries)
{
    public static IReadOnlyList<string> Tiers { get; } = ["emerging", "nano", "micro", "macro", "mega"];

    /// <summary>Creators across every campaign, ranked; those with fewer unique clicks than <paramref name="minClicks"/> are left out.</summary>
    public async Task<LeaderboardPage> LeaderboardAsync(
        string? currency, DateRange range, CreatorSort sort, long minClicks, int offset, int limit, CancellationToken ct)
    {
        var chosen = await CurrencyAsync(currency, range, ct);
        var creators = chosen is null ? [] : await queries.CreatorTotalsAsync(null, chosen, range, ct);
        var (total, items, next) = CreatorRanking.Page(creators.Where(c => c.Totals.UniqueClicks >= minClicks), chosen, sort, offset, limit);
        return new LeaderboardPage(chosen, range.From, range.To, sort.Name, minClicks, total, items, next);
    }

    /// <summary>Every tier in order, also tiers with no creators (all figures zero, per-creator figures null).</summary>
    public async Task<TierComparison> TiersAsync(string? currency, DateRange range, CancellationToken ct)
    {
        var chosen = await CurrencyAsync(currency, range, ct);
        var creators = (await queries.TierCreatorsAsync(ct)).ToDictionary(t => t.Tier);
        var totals = chosen is null ? [] : (await queries.TierTotalsAsync(chosen, range, ct)).ToDictionary(t => t.Tier, t => t.Totals);
        var rows = Tiers.Select(tier =>
        {
            var count = creators.TryGetValue(tier, out var c) ? c.Creators : 0;
            var t = totals.GetValueOrDefault(tier, Totals.Zero);
            var metrics = Metrics.From(t, chosen);
            return new TierRow(tier, count, c.AverageEngagement is { } e ? Metrics.Round(e, Metrics.RateDecimals) : null, metrics,
                Metrics.Ratio(t.UniqueClicks, count, 2), Metrics.Ratio(t.Conversions, count, 2),
                Metrics.Ratio(t.Revenue, count, Metrics.PerUnitDecimals), Metrics.Ratio(t.NetRevenue, count, Metrics.PerUnitDecimals));
        }).ToList();
        return new TierComparison(chosen, range.From, range.To, rows);
    }

    /// <summary>The currency asked for, or the only one the brand has figures in; with several, the caller must choose.</summary>
    private async Task<string?> CurrencyAsync(string? requested, DateRange range, CancellationToken ct) =>
        requested ?? CurrencyChoice.OnlyOne(await queries.CurrenciesAsync(range, ct));
}
