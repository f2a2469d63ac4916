using System.Data.Common;
using Npgsql;

namespace AmbassadorNet.Analytics.Persistence;

/// <summary>
/// The posts of the content reports: every recorded post of the brand in one currency (its
/// campaign's) that the filter keeps and that was published in the range or has anything in it
/// (clicks, orders, refunds, cost, a metrics snapshot). One statement answers every grouping; the
/// groups are summed from these rows, so an order counts once in every view it belongs to.
/// </summary>
public sealed class ContentQueries(AnalyticsDbContext db)
{
    // Counts over a range: the latest snapshot on or before its last day minus the latest before its
    // first day (a count missing there counts as 0, as campaigns derives increments). Reach is the
    // latest snapshot's: unique accounts do not subtract. The filter's conditions are written only for
    // the fields it has (no "@x IS NULL OR …", which blinds the planner's estimates), and both CTEs are
    // materialized: a prepared statement's generic plan once estimated the posts at one row and
    // recomputed the money per post (10,000 × 300,000 rows, minutes; docs/benchmarks.md, T6). A post
    // whose whole life lies in the range is read from its one post_totals row; only posts straddling
    // an end of the range have their days summed.
    private static string Sql(ContentFilter filter) => $"""
        WITH p AS MATERIALIZED (
            SELECT d.post_id, d.campaign_id, c.name AS campaign_name, d.creator_id, k.display_name, k.handle,
                   d.platform, d.format, d.market, d.published_at, d.creator_followers
            FROM post_dims d
            JOIN campaign_dims c ON c.campaign_id = d.campaign_id AND c.currency = @currency
            LEFT JOIN creator_dims k ON k.creator_id = d.creator_id
            WHERE d.brand_id = @brand{filter.Conditions()}
        ), money AS MATERIALIZED (
            SELECT r.post_id, {RollupQueries.TotalsColumns}
            FROM (
                SELECT t.post_id, {Counters("t")}
                FROM post_totals t
                WHERE t.brand_id = @brand AND t.post_id IN (SELECT post_id FROM p) AND t.first_day >= @from AND t.last_day <= @to
                UNION ALL
                SELECT d.post_id, {Counters("d")}
                FROM post_totals t
                JOIN post_daily_rollups d ON d.brand_id = t.brand_id AND d.post_id = t.post_id AND d.currency = t.currency AND d.day BETWEEN @from AND @to
                WHERE t.brand_id = @brand AND t.post_id IN (SELECT post_id FROM p) AND (t.first_day < @from OR t.last_day > @to)
                  AND t.last_day >= @from AND t.first_day <= @to
            ) r
            GROUP BY r.post_id
        )
        SELECT p.post_id, p.campaign_id, p.campaign_name, p.creator_id, p.display_name, p.handle, p.platform, p.format, p.market,
               p.published_at, p.creator_followers, (p.published_at AT TIME ZONE 'UTC')::date BETWEEN @from AND @to AS published_in_range,
               m.last_day, m.views, m.likes, m.comments, m.shares, m.saves, m.reach,
               money.*
        FROM p
        LEFT JOIN money ON money.post_id = p.post_id
        LEFT JOIN LATERAL (
            SELECT last.day AS last_day, last.views - coalesce(before.views, 0) AS views, last.likes - coalesce(before.likes, 0) AS likes,
                   last.comments - coalesce(before.comments, 0) AS comments, last.shares - coalesce(before.shares, 0) AS shares,
                   last.saves - coalesce(before.saves, 0) AS saves, last.reach
            FROM (SELECT * FROM post_metric_snapshots s WHERE s.post_id = p.post_id AND s.day <= @to ORDER BY s.day DESC LIMIT 1) last
            LEFT JOIN LATERAL (
                SELECT * FROM post_metric_snapshots s WHERE s.post_id = p.post_id AND s.day < @from ORDER BY s.day DESC LIMIT 1
            ) before ON true
        ) m ON true
        WHERE (p.published_at AT TIME ZONE 'UTC')::date BETWEEN @from AND @to OR money.post_id IS NOT NULL OR m.last_day >= @from
        """;

    private static string Counters(string alias) => string.Join(", ",
        new[] { "clicks", "unique_clicks", "bot_clicks", "conversions", "revenue", "refunds", "commission", "fees", "gifts" }.Select(c => $"{alias}.{c}"));

    public Task<List<PostContent>> PostsAsync(ContentFilter filter, string currency, DateRange range, CancellationToken ct) =>
        db.QueryBrandAsync(Sql(filter), [.. filter.Parameters(), new("currency", currency), .. range.Parameters()], Read, ct);

    /// <summary>The currencies of the campaigns the brand's recorded posts belong to.</summary>
    public Task<List<string>> CurrenciesAsync(CancellationToken ct) =>
        db.QueryBrandAsync("""
            SELECT DISTINCT c.currency FROM post_dims d JOIN campaign_dims c ON c.campaign_id = d.campaign_id
            WHERE d.brand_id = @brand AND c.currency <> '' ORDER BY 1
            """, [], r => r.GetString(0), ct);

    private static PostContent Read(DbDataReader r)
    {
        long? Count(int at) => r.IsDBNull(at) ? null : r.GetInt64(at);
        string? Text(int at) => r.IsDBNull(at) ? null : r.GetString(at);
        var counts = r.IsDBNull(12) ? null : new PostCounts(Count(13), Count(14), Count(15), Count(16), Count(17));
        var totals = r.IsDBNull(19) ? Totals.Zero : RollupQueries.ReadTotals(r, 20);
        return new PostContent(
            r.GetGuid(0), r.GetGuid(1), Text(2), r.GetGuid(3), Text(4), Text(5), r.GetString(6), r.GetString(7), r.GetString(8),
            r.GetFieldValue<DateTimeOffset>(9), Count(10), r.GetBoolean(11), counts, Count(18), totals);
    }
}

/// <summary>Which posts a content report covers; null keeps every value.</summary>
public sealed record ContentFilter(Guid? CampaignId, Guid? CreatorId, string? Platform, string? Format, string? Market)
{
    public static ContentFilter None { get; } = new(null, null, null, null, null);

    /// <summary>The conditions on <c>post_dims d</c> for the fields given, each "AND …".</summary>
    public string Conditions() => string.Concat(Given().Select(f => $" AND d.{f.Column} = @{f.Name}"));

    public NpgsqlParameter[] Parameters() => [.. Given().Select(f => new NpgsqlParameter(f.Name, f.Value))];

    private IEnumerable<(string Name, string Column, object Value)> Given()
    {
        (string, string, object?)[] fields =
            [("campaign", "campaign_id", CampaignId), ("creator", "creator_id", CreatorId), ("platform", "platform", Platform), ("format", "format", Format), ("market", "market", Market)];
        return fields.Where(f => f.Item3 is not null).Select(f => (f.Item1, f.Item2, f.Item3!));
    }
}

/// <summary>What a post's counts grew by over a range (null: the platform did not report it). Reach is not among them: it does not subtract.</summary>
public sealed record PostCounts(long? Views, long? Likes, long? Comments, long? Shares, long? Saves)
{
    /// <summary>Likes + comments + shares + saves, of those reported; null when none is.</summary>
    public long? Interactions => Likes is null && Comments is null && Shares is null && Saves is null
        ? null
        : (Likes ?? 0) + (Comments ?? 0) + (Shares ?? 0) + (Saves ?? 0);
}

/// <summary>A post of a content report: who, where and what, whether published in the range, its counts and money over it.</summary>
public sealed record PostContent(
    Guid PostId, Guid CampaignId, string? CampaignName, Guid CreatorId, string? CreatorName, string? Handle,
    string Platform, string Format, string Market, DateTimeOffset PublishedAt, long? CreatorFollowers, bool PublishedInRange,
    PostCounts? Counts, long? Reach, Totals Totals);
