using AmbassadorNet.SharedKernel;

namespace AmbassadorNet.Analytics.Domain;

/// <summary>
/// The figures every view shows, derived from <see cref="Totals"/> in one currency. A ratio whose
/// denominator is zero is null (never 0, never NaN). Money figures are rounded half away from zero
/// to the currency's minor unit; money per click or per order to 4 decimals (a cent per click would
/// hide most of the signal); rates (conversion rate, ROAS) to 6 decimals.
/// </summary>
public sealed record Metrics(
    long Clicks,
    long UniqueClicks,
    long BotClicks,
    long Conversions,
    decimal Revenue,
    decimal Refunds,
    decimal NetRevenue,
    decimal Commission,
    decimal Fees,
    decimal Gifts,
    decimal? ConversionRate,
    decimal? EarningsPerClick,
    decimal? RevenuePerClick,
    decimal? AverageOrderValue,
    decimal? Roas,
    decimal? CostPerAcquisition)
{
    public const int RateDecimals = 6;
    public const int PerUnitDecimals = 4;

    /// <param name="currency">ISO code the money is in; null or unknown rounds to 2 decimals.</param>
    public static Metrics From(Totals t, string? currency)
    {
        var minor = Currency.TryParse(currency, out var c) ? c.MinorUnits : 2;
        return new Metrics(
            t.Clicks, t.UniqueClicks, t.BotClicks, t.Conversions,
            Round(t.Revenue, minor), Round(t.Refunds, minor), Round(t.NetRevenue, minor), Round(t.Commission, minor), Round(t.Fees, minor), Round(t.Gifts, minor),
            Ratio(t.Conversions, t.UniqueClicks, RateDecimals),
            Ratio(t.Commission, t.UniqueClicks, PerUnitDecimals),
            Ratio(t.Revenue, t.UniqueClicks, PerUnitDecimals),
            Ratio(t.Revenue, t.Conversions, PerUnitDecimals),
            Ratio(t.NetRevenue, t.Cost, RateDecimals),
            Ratio(t.Cost, t.Conversions, PerUnitDecimals));
    }

    public static decimal? Ratio(decimal numerator, decimal denominator, int decimals) =>
        denominator == 0m ? null : Round(numerator / denominator, decimals);

    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
