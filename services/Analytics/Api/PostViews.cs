namespace AmbassadorNet.Analytics.Api;

/// <summary>
/// What a post's own link and promo code brought over a range of UTC days. A post belongs to one
/// campaign, so its money is in that campaign's currency; clicks that arrived before the campaign
/// was known here are read in it too.
/// </summary>
public sealed class PostViews(AnalyticsDbContext db, RollupQueries queries)
{
    public async Task<PostSummary> SummaryAsync(Guid id, DateRange range, CancellationToken ct)
    {
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.PostId == id, ct);
        var rows = await queries.PostTotalsAsync(id, range, ct);
        if (post is null && rows.Count == 0 && !await db.PostRollups.AnyAsync(r => r.PostId == id, ct))
        {
            throw new NotFoundException($"No post {id} is known in this brand.");
        }

        var currency = rows.Select(r => r.Currency).FirstOrDefault(c => c != "");
        var totals = rows.Aggregate(Totals.Zero, (sum, row) => sum + row.Totals);
        return new PostSummary(
            id, post?.CampaignId, post?.CreatorId, post?.Platform, post?.Format, post?.Market, post?.Language, post?.PublishedAt,
            currency, range.From, range.To, PostFigures.From(totals, currency));
    }
}

/// <summary>A post over a range of UTC days; the post's fields are null until PostRecorded has arrived here.</summary>
public sealed record PostSummary(
    Guid PostId, Guid? CampaignId, Guid? CreatorId, string? Platform, string? Format, string? Market, string? Language, DateTimeOffset? PublishedAt,
    string? Currency, DateOnly? From, DateOnly? To, PostFigures Figures);

/// <summary>
/// Clicks, orders and money through the post's own link and promo code (net revenue = revenue −
/// refunds), and what the post cost: the commission on its orders (net of reversals) and the value
/// of gifts shipped for it. Deliverable fees are not counted per post yet.
/// </summary>
public sealed record PostFigures(
    long Clicks, long UniqueClicks, long BotClicks, long Conversions, decimal Revenue, decimal Refunds, decimal NetRevenue,
    decimal Commission, decimal Gifts, decimal Cost, decimal? ConversionRate, decimal? AverageOrderValue, decimal? Roas, decimal? CostPerAcquisition)
{
    public static PostFigures From(Totals t, string? currency)
    {
        var m = Metrics.From(t, currency);
        return new(
            m.Clicks, m.UniqueClicks, m.BotClicks, m.Conversions, m.Revenue, m.Refunds, m.NetRevenue, m.Commission, m.Gifts, m.Commission + m.Fees + m.Gifts,
            m.ConversionRate, m.AverageOrderValue, m.Roas, m.CostPerAcquisition);
    }
}
