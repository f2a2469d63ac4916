namespace AmbassadorNet.Analytics.Domain;

/// <summary>Summed counters of some rollup rows, all in one currency.</summary>
public sealed record Totals(
    long Clicks, long UniqueClicks, long BotClicks, long Conversions, decimal Revenue, decimal Refunds, decimal Commission, decimal Fees)
{
    public static Totals Zero { get; } = new(0, 0, 0, 0, 0m, 0m, 0m, 0m);

    public decimal NetRevenue => Revenue - Refunds;

    /// <summary>What the brand paid creators: commission net of reversals, plus deliverable fees.</summary>
    public decimal Cost => Commission + Fees;

    public static Totals operator +(Totals a, Totals b) => new(
        a.Clicks + b.Clicks, a.UniqueClicks + b.UniqueClicks, a.BotClicks + b.BotClicks, a.Conversions + b.Conversions,
        a.Revenue + b.Revenue, a.Refunds + b.Refunds, a.Commission + b.Commission, a.Fees + b.Fees);
}
