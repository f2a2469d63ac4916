namespace AmbassadorNet.Analytics.Domain;

/// <summary>Summed counters of some rollup rows, all in one currency.</summary>
public sealed record Totals(
    long Clicks, long UniqueClicks, long BotClicks, long Conversions, decimal Revenue, decimal Refunds, decimal Commission, decimal Fees, decimal Gifts = 0m)
{
    public static Totals Zero { get; } = new(0, 0, 0, 0, 0m, 0m, 0m, 0m);

    public decimal NetRevenue => Revenue - Refunds;

    /// <summary>What the creators cost the brand: commission net of reversals, deliverable fees, and the value of gifts shipped.</summary>
    public decimal Cost => Commission + Fees + Gifts;

    public static Totals operator +(Totals a, Totals b) => new(
        a.Clicks + b.Clicks, a.UniqueClicks + b.UniqueClicks, a.BotClicks + b.BotClicks, a.Conversions + b.Conversions,
        a.Revenue + b.Revenue, a.Refunds + b.Refunds, a.Commission + b.Commission, a.Fees + b.Fees, a.Gifts + b.Gifts);
}
