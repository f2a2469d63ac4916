using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Analytics.Domain.PaidAds;

/// <summary>
/// Paid-ad days summed (a channel's, or a campaign's over every channel) in one currency. Impressions
/// are null when no day of the sum reported them; <see cref="RevenueWithImpressions"/> is the revenue
/// of the days that did, so revenue per thousand impressions compares like with like.
/// </summary>
public sealed record PaidAdTotals(decimal Spend, long? Impressions, long Clicks, long Orders, decimal Revenue, decimal RevenueWithImpressions)
{
    public static PaidAdTotals Zero { get; } = new(0m, null, 0, 0, 0m, 0m);

    public static PaidAdTotals operator +(PaidAdTotals a, PaidAdTotals b) => new(
        a.Spend + b.Spend,
        a.Impressions is null && b.Impressions is null ? null : (a.Impressions ?? 0) + (b.Impressions ?? 0),
        a.Clicks + b.Clicks, a.Orders + b.Orders, a.Revenue + b.Revenue, a.RevenueWithImpressions + b.RevenueWithImpressions);
}

/// <summary>
/// What paid ads cost and brought, by the brand's own numbers: cost per order = spend ÷ orders,
/// cost per click = spend ÷ clicks, revenue per thousand impressions = revenue ÷ impressions × 1,000
/// over the days that reported impressions (money per unit, 4 decimals); ROAS = revenue ÷ spend
/// (a rate, 6 decimals). Revenue is what the brand entered: refunds are not known here, unlike the
/// creators' ROAS, which is net of them. Money to the currency's minor unit; a zero denominator is null.
/// </summary>
public sealed record PaidAdFigures(
    decimal Spend, long? Impressions, long Clicks, long Orders, decimal Revenue,
    decimal? CostPerOrder, decimal? CostPerClick, decimal? Roas, decimal? RevenuePerThousandImpressions)
{
    public static PaidAdFigures Of(PaidAdTotals t, string? currency)
    {
        var minor = Currency.TryParse(currency, out var c) ? c.MinorUnits : 2;
        return new PaidAdFigures(
            Metrics.Round(t.Spend, minor), t.Impressions, t.Clicks, t.Orders, Metrics.Round(t.Revenue, minor),
            Metrics.Ratio(t.Spend, t.Orders, Metrics.PerUnitDecimals),
            Metrics.Ratio(t.Spend, t.Clicks, Metrics.PerUnitDecimals),
            Metrics.Ratio(t.Revenue, t.Spend, Metrics.RateDecimals),
            Metrics.Ratio(t.RevenueWithImpressions * 1000m, t.Impressions ?? 0, Metrics.PerUnitDecimals));
    }
}
