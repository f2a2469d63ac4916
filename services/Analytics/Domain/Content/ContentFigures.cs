namespace AmbassadorNet.Analytics.Domain.Content;

/// <summary>
/// What a set of posts (one post, a format, a platform, a market, a creator's or a campaign's posts)
/// brought and cost over a range, in one currency. <see cref="Posts"/> counts the posts published in
/// the range; every other figure counts what happened in it, also for posts published before it.
/// Views and interactions (likes + comments + shares + saves) are what the posts' lifetime counts
/// grew by, null when no post reported them. Engagement rate is the average of the posts' own rates
/// (<see cref="PostEngagement"/>), so a viral post does not stand for its format. Cost = deliverable
/// fees + commission + gifts; cost per order = cost ÷ orders; ROAS = net revenue ÷ cost; revenue
/// per thousand views = revenue ÷ views × 1,000 over the posts whose views are known. Rounding as
/// every view's (<see cref="Metrics"/>); a ratio with a zero denominator is null.
/// </summary>
public sealed record ContentFigures(
    long Posts, long? Views, long? Interactions, decimal? EngagementRate,
    long Clicks, long UniqueClicks, long Conversions, decimal Revenue, decimal Refunds, decimal NetRevenue,
    decimal Fees, decimal Commission, decimal Gifts, decimal Cost,
    decimal? ConversionRate, decimal? CostPerOrder, decimal? Roas, decimal? RevenuePerThousandViews)
{
    public static ContentFigures Of(IReadOnlyCollection<PostContent> posts, string? currency)
    {
        var m = Metrics.From(posts.Aggregate(Totals.Zero, (sum, p) => sum + p.Totals), currency);
        var rates = posts.Select(PostEngagement.RateOf).OfType<decimal>().ToList();
        var viewed = posts.Where(p => p.Counts?.Views is > 0).ToList();
        return new ContentFigures(
            posts.Count(p => p.PublishedInRange),
            SumOrNull(posts, p => p.Counts?.Views),
            SumOrNull(posts, p => p.Counts?.Interactions),
            rates.Count == 0 ? null : Metrics.Round(rates.Average(), Metrics.RateDecimals),
            m.Clicks, m.UniqueClicks, m.Conversions, m.Revenue, m.Refunds, m.NetRevenue, m.Fees, m.Commission, m.Gifts,
            m.Fees + m.Commission + m.Gifts,
            m.ConversionRate, m.CostPerAcquisition, m.Roas,
            Metrics.Ratio(viewed.Sum(p => p.Totals.Revenue) * 1000m, viewed.Sum(p => p.Counts!.Views!.Value), Metrics.PerUnitDecimals));
    }

    private static long? SumOrNull(IEnumerable<PostContent> posts, Func<PostContent, long?> count) =>
        posts.Select(count).Aggregate((long?)null, (sum, c) => c is { } value ? (sum ?? 0) + value : sum);
}

/// <summary>
/// A post's engagement rate over a range, by the posts issue's formula: interactions ÷ views when
/// the platform reported views (more than 0), else ÷ the creator's followers on the platform when the
/// post was recorded; null when neither divisor is known or nothing was reported.
/// </summary>
public static class PostEngagement
{
    public static decimal? RateOf(PostContent post) => post.Counts?.Interactions switch
    {
        null => null,
        var interactions when post.Counts.Views is > 0 => (decimal)interactions / post.Counts.Views.Value,
        var interactions when post.CreatorFollowers is > 0 => (decimal)interactions / post.CreatorFollowers.Value,
        _ => null,
    };
}
