using System.Data.Common;
using Npgsql;

namespace AmbassadorNet.Analytics.Persistence;

/// <summary>
/// The read side: aggregates over the rollups only (never raw clicks), always for the caller's
/// brand: a campaign's summary and series read <c>campaign_daily_rollups</c> (a row per day),
/// per-creator views <c>daily_rollups</c>. A rollup's currency '' (clicks before the campaign was known) reads as the
/// campaign's currency.
/// </summary>
public sealed class RollupQueries(AnalyticsDbContext db)
{
    internal const string TotalsColumns = """
        coalesce(sum(r.clicks), 0)::bigint, coalesce(sum(r.unique_clicks), 0)::bigint, coalesce(sum(r.bot_clicks), 0)::bigint,
        coalesce(sum(r.conversions), 0)::bigint, coalesce(sum(r.revenue), 0), coalesce(sum(r.refunds), 0),
        coalesce(sum(r.commission), 0), coalesce(sum(r.fees), 0), coalesce(sum(r.gifts), 0)
        """;

    private const string EffectiveCurrency = "coalesce(nullif(r.currency, ''), c.currency)";

    /// <summary>Whether the campaign has any rollup row, and the currency of its money when one has it.</summary>
    public async Task<(bool Exists, string? Currency)> CampaignFiguresAsync(Guid campaignId, CancellationToken ct)
    {
        var rows = await QueryAsync(
            "SELECT r.currency FROM campaign_daily_rollups r WHERE r.brand_id = @brand AND r.campaign_id = @campaign ORDER BY r.currency DESC LIMIT 1",
            [new("campaign", campaignId)], r => r.GetString(0), ct);
        return rows.Count == 0 ? (false, null) : (true, rows[0] == "" ? null : rows[0]);
    }

    /// <summary>A campaign's totals in a range.</summary>
    public async Task<Totals> CampaignTotalsAsync(Guid campaignId, DateRange range, CancellationToken ct) =>
        (await QueryAsync($"""
            SELECT {TotalsColumns}
            FROM campaign_daily_rollups r
            WHERE r.brand_id = @brand AND r.campaign_id = @campaign AND r.day BETWEEN @from AND @to
            """, [new("campaign", campaignId), .. range.Parameters()], r => ReadTotals(r, 0), ct))[0];

    public Task<List<(DateOnly Day, Totals Totals)>> CampaignDaysAsync(Guid campaignId, DateRange range, CancellationToken ct) =>
        QueryAsync($"""
            SELECT r.day, {TotalsColumns}
            FROM campaign_daily_rollups r
            WHERE r.brand_id = @brand AND r.campaign_id = @campaign AND r.day BETWEEN @from AND @to
            GROUP BY r.day ORDER BY r.day
            """, [new("campaign", campaignId), .. range.Parameters()], r => (r.GetFieldValue<DateOnly>(0), ReadTotals(r, 1)), ct);

    /// <summary>Per creator: one campaign's creators, or (campaign null) the brand's creators in one currency.</summary>
    public Task<List<CreatorTotals>> CreatorTotalsAsync(Guid? campaignId, string? currency, DateRange range, CancellationToken ct) =>
        // Summed per (creator, campaign, currency) first, so the dimensions are joined to a few rows, not to every day.
        QueryAsync($"""
            WITH r AS (
                SELECT r.creator_id, r.campaign_id, r.currency,
                       sum(r.clicks) AS clicks, sum(r.unique_clicks) AS unique_clicks, sum(r.bot_clicks) AS bot_clicks,
                       sum(r.conversions) AS conversions, sum(r.revenue) AS revenue, sum(r.refunds) AS refunds,
                       sum(r.commission) AS commission, sum(r.fees) AS fees, sum(r.gifts) AS gifts
                FROM daily_rollups r
                WHERE r.brand_id = @brand AND r.day BETWEEN @from AND @to AND (@campaign::uuid IS NULL OR r.campaign_id = @campaign)
                GROUP BY r.creator_id, r.campaign_id, r.currency
            )
            SELECT r.creator_id, d.display_name, d.handle, d.tier, {TotalsColumns}
            FROM r
            LEFT JOIN campaign_dims c ON c.campaign_id = r.campaign_id
            LEFT JOIN creator_dims d ON d.creator_id = r.creator_id
            WHERE @currency::text IS NULL OR {EffectiveCurrency} = @currency
            GROUP BY r.creator_id, d.display_name, d.handle, d.tier
            """,
            [new("campaign", (object?)campaignId ?? DBNull.Value), new("currency", (object?)currency ?? DBNull.Value), .. range.Parameters()],
            r => new CreatorTotals(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), ReadTotals(r, 4)), ct);

    /// <summary>Totals per creator tier (the creator's current tier) in one currency.</summary>
    public Task<List<(string Tier, Totals Totals)>> TierTotalsAsync(string currency, DateRange range, CancellationToken ct) =>
        QueryAsync($"""
            SELECT d.tier, {TotalsColumns}
            FROM daily_rollups r
            JOIN creator_dims d ON d.creator_id = r.creator_id
            LEFT JOIN campaign_dims c ON c.campaign_id = r.campaign_id
            WHERE r.brand_id = @brand AND r.day BETWEEN @from AND @to AND {EffectiveCurrency} = @currency
            GROUP BY d.tier
            """, [new("currency", currency), .. range.Parameters()], r => (r.GetString(0), ReadTotals(r, 1)), ct);

    /// <summary>Creators known in the brand per tier, and their average engagement rate (of those that have one).</summary>
    public Task<List<(string Tier, long Creators, decimal? AverageEngagement)>> TierCreatorsAsync(CancellationToken ct) =>
        QueryAsync("SELECT d.tier, count(*), avg(d.engagement_rate) FROM creator_dims d WHERE d.brand_id = @brand GROUP BY d.tier", [],
            r => (r.GetString(0), r.GetInt64(1), r.IsDBNull(2) ? (decimal?)null : r.GetDecimal(2)), ct);

    /// <summary>The currencies the brand has figures in within the range.</summary>
    public Task<List<string>> CurrenciesAsync(DateRange range, CancellationToken ct) =>
        QueryAsync($"""
            SELECT DISTINCT {EffectiveCurrency}
            FROM daily_rollups r LEFT JOIN campaign_dims c ON c.campaign_id = r.campaign_id
            WHERE r.brand_id = @brand AND r.day BETWEEN @from AND @to AND {EffectiveCurrency} IS NOT NULL
            ORDER BY 1
            """, [.. range.Parameters()], r => r.GetString(0), ct);

    /// <summary>A post's totals in a range per currency (clicks counted before the campaign was known read as its currency).</summary>
    public Task<List<(string Currency, Totals Totals)>> PostTotalsAsync(Guid postId, DateRange range, CancellationToken ct) =>
        QueryAsync($"""
            SELECT coalesce({EffectiveCurrency}, ''), {TotalsColumns}
            FROM post_daily_rollups r LEFT JOIN campaign_dims c ON c.campaign_id = r.campaign_id
            WHERE r.brand_id = @brand AND r.post_id = @post AND r.day BETWEEN @from AND @to
            GROUP BY 1 ORDER BY 1
            """, [new("post", postId), .. range.Parameters()], r => (r.GetString(0), ReadTotals(r, 1)), ct);

    internal static Totals ReadTotals(DbDataReader r, int at) => new(
        r.GetInt64(at), r.GetInt64(at + 1), r.GetInt64(at + 2), r.GetInt64(at + 3),
        r.GetDecimal(at + 4), r.GetDecimal(at + 5), r.GetDecimal(at + 6), r.GetDecimal(at + 7), r.GetDecimal(at + 8));

    private Task<List<T>> QueryAsync<T>(string sql, NpgsqlParameter[] parameters, Func<DbDataReader, T> read, CancellationToken ct) =>
        db.QueryBrandAsync(sql, parameters, read, ct);
}

public sealed record CreatorTotals(Guid CreatorId, string? DisplayName, string? Handle, string? Tier, Totals Totals);

/// <summary>Inclusive UTC days; unbounded ends are the widest dates PostgreSQL and .NET share.</summary>
public sealed record DateRange(DateOnly? From, DateOnly? To)
{
    public DateOnly Start => From ?? new DateOnly(1900, 1, 1);

    public DateOnly End => To ?? new DateOnly(9999, 12, 31);

    public NpgsqlParameter[] Parameters() => [new("from", Start), new("to", End)];
}
