namespace AmbassadorNet.Analytics.Api;

/// <summary>
/// The orders creators can be ranked by, best first. A creator whose figure is null (a ratio with a
/// zero denominator) ranks after every creator that has one; ties go by creator id so pages are stable.
/// </summary>
public sealed record CreatorSort(string Name, Func<Metrics, decimal?> Key)
{
    public static CreatorSort Default { get; } = new("revenue", m => m.Revenue);

    public static IReadOnlyList<CreatorSort> All { get; } =
    [
        Default,
        new("net_revenue", m => m.NetRevenue),
        new("roas", m => m.Roas),
        new("conversion_rate", m => m.ConversionRate),
        new("epc", m => m.EarningsPerClick),
        new("conversions", m => m.Conversions),
        new("clicks", m => m.UniqueClicks),
        new("commission", m => m.Commission),
    ];

    public static CreatorSort? Parse(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<T> Order<T>(IEnumerable<T> rows, Func<T, Metrics> metrics, Func<T, Guid> id) =>
        rows.OrderBy(r => Key(metrics(r)) is null ? 1 : 0)
            .ThenByDescending(r => Key(metrics(r)))
            .ThenBy(id);
}
