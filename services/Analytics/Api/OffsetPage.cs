namespace AmbassadorNet.Analytics.Api;

/// <summary>One page of a ranking computed per request; rank 1 is the best of the whole list.</summary>
internal static class OffsetPage
{
    public static (IReadOnlyList<TRow> Items, int? NextOffset) Cut<T, TRow>(IReadOnlyList<T> ranked, int offset, int limit, Func<T, int, TRow> row)
    {
        var items = ranked.Skip(offset).Take(limit).Select((r, i) => row(r, offset + i + 1)).ToList();
        return (items, offset + items.Count < ranked.Count ? offset + items.Count : null);
    }
}
