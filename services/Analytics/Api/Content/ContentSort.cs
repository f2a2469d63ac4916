using AmbassadorNet.Analytics.Domain.Content;

namespace AmbassadorNet.Analytics.Api.Content;

/// <summary>
/// The orders content rows can be ranked by, best first: highest first, except cost per order
/// (cheapest first). A row whose figure is null ranks after every row that has one; ties go by the
/// row's key so pages are stable.
/// </summary>
public sealed record ContentSort(string Name, Func<ContentFigures, decimal?> Key, bool LowestFirst = false)
{
    public static ContentSort Default { get; } = new("revenue", f => f.Revenue);

    public static IReadOnlyList<ContentSort> All { get; } =
    [
        Default,
        new("net_revenue", f => f.NetRevenue),
        new("roas", f => f.Roas),
        new("conversions", f => f.Conversions),
        new("conversion_rate", f => f.ConversionRate),
        new("clicks", f => f.UniqueClicks),
        new("views", f => f.Views),
        new("engagement_rate", f => f.EngagementRate),
        new("revenue_per_thousand_views", f => f.RevenuePerThousandViews),
        new("cost_per_order", f => f.CostPerOrder, LowestFirst: true),
        new("posts", f => f.Posts),
    ];

    public static ContentSort? Parse(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public List<T> Order<T>(IEnumerable<T> rows, Func<T, ContentFigures> figures, Func<T, string> key)
    {
        var known = rows.OrderBy(r => Key(figures(r)) is null ? 1 : 0);
        var ranked = LowestFirst ? known.ThenBy(r => Key(figures(r))) : known.ThenByDescending(r => Key(figures(r)));
        return [.. ranked.ThenBy(key, StringComparer.Ordinal)];
    }
}
