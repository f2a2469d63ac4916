namespace AmbassadorNet.Analytics.Api;

/// <summary>Ranks per-creator totals by a sort and cuts one page; rank 1 is the best of the whole list.</summary>
internal static class CreatorRanking
{
    public static (int Total, IReadOnlyList<CreatorRow> Items, int? NextOffset) Page(
        IEnumerable<CreatorTotals> creators, string? currency, CreatorSort sort, int offset, int limit)
    {
        var ranked = sort.Order(creators.Select(c => (Creator: c, Metrics: Metrics.From(c.Totals, currency))), r => r.Metrics, r => r.Creator.CreatorId)
            .ToList();
        var (page, next) = OffsetPage.Cut(ranked, offset, limit,
            (r, rank) => new CreatorRow(rank, r.Creator.CreatorId, r.Creator.DisplayName, r.Creator.Handle, r.Creator.Tier, r.Metrics));
        return (ranked.Count, page, next);
    }
}
