using Npgsql;
using NpgsqlTypes;

namespace AmbassadorNet.Analytics.Rollups;

/// <summary>
/// Set-based writes of the read model, inside the inbox pipeline's transaction (so the inbox row,
/// the natural key of the fact and the counters commit together or not at all).
/// </summary>
internal static class RollupWriter
{
    /// <summary>
    /// Records the natural keys of facts and returns those not recorded before: a fact already counted
    /// (a duplicate delivery, or the same fact re-published under a new message id) is left out. A
    /// concurrent transaction claiming the same key waits on its lock and then finds it taken; keys
    /// are claimed in order, so two such transactions cannot deadlock.
    /// </summary>
    public static async Task<HashSet<(string Kind, string Key)>> ClaimAllAsync(
        AnalyticsDbContext db, IEnumerable<(string Kind, string Key)> facts, DateTimeOffset now, CancellationToken ct)
    {
        var keys = facts.Distinct().OrderBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        var claimed = await db.Database.SqlQueryRaw<ClaimedFact>("""
            INSERT INTO applied_facts (brand_id, kind, fact_key, applied_at)
            SELECT @brand, fact.kind, fact.fact_key, @now FROM unnest(@kinds, @keys) WITH ORDINALITY AS fact (kind, fact_key, position)
            ORDER BY fact.position
            ON CONFLICT DO NOTHING
            RETURNING kind AS "Kind", fact_key AS "Key"
            """,
            new NpgsqlParameter("brand", db.CurrentBrandId),
            new NpgsqlParameter("now", now),
            Array("kinds", NpgsqlDbType.Varchar, keys.Select(k => k.Kind)),
            Array("keys", NpgsqlDbType.Varchar, keys.Select(k => k.Key))).ToListAsync(ct);
        return [.. claimed.Select(c => (c.Kind, c.Key))];
    }

    /// <summary>
    /// Adds every delta in one statement, to the per-creator rollup, the per-campaign one and, for
    /// deltas a post brought, the per-post one and the post's totals. Rows
    /// are written in key order so two batches touching the same rows lock them in the same order and
    /// cannot deadlock. A click delta (currency '') takes the campaign's currency when the campaign is
    /// already known.
    /// </summary>
    public static Task AddAsync(AnalyticsDbContext db, IReadOnlyCollection<RollupDelta> deltas, CancellationToken ct)
    {
        const string sql = """
            WITH v AS (
                SELECT v.campaign_id, v.creator_id, v.post_id, v.day, COALESCE(NULLIF(v.currency, ''), c.currency, '') AS currency,
                       sum(v.clicks) AS clicks, sum(v.unique_clicks) AS unique_clicks, sum(v.bot_clicks) AS bot_clicks,
                       sum(v.conversions) AS conversions, sum(v.revenue) AS revenue, sum(v.refunds) AS refunds,
                       sum(v.commission) AS commission, sum(v.fees) AS fees, sum(v.gifts) AS gifts
                FROM unnest(@campaigns, @creators, @posts, @days, @currencies, @clicks, @unique, @bots, @conversions, @revenue, @refunds, @commission, @fees, @gifts)
                     AS v(campaign_id, creator_id, post_id, day, currency, clicks, unique_clicks, bot_clicks, conversions, revenue, refunds, commission, fees, gifts)
                LEFT JOIN campaign_dims c ON c.campaign_id = v.campaign_id AND c.brand_id = @brand
                GROUP BY 1, 2, 3, 4, 5
            ), per_post AS (
                INSERT INTO post_daily_rollups AS r (brand_id, post_id, day, currency, campaign_id, creator_id, clicks, unique_clicks, bot_clicks,
                                                     conversions, revenue, refunds, commission, fees, gifts)
                SELECT @brand, post_id, day, currency, campaign_id, creator_id, clicks, unique_clicks, bot_clicks, conversions, revenue, refunds,
                       commission, fees, gifts
                FROM v WHERE post_id IS NOT NULL ORDER BY post_id, day, currency
                ON CONFLICT (brand_id, post_id, day, currency) DO UPDATE SET
                    clicks = r.clicks + EXCLUDED.clicks, unique_clicks = r.unique_clicks + EXCLUDED.unique_clicks,
                    bot_clicks = r.bot_clicks + EXCLUDED.bot_clicks, conversions = r.conversions + EXCLUDED.conversions,
                    revenue = r.revenue + EXCLUDED.revenue, refunds = r.refunds + EXCLUDED.refunds,
                    commission = r.commission + EXCLUDED.commission, fees = r.fees + EXCLUDED.fees, gifts = r.gifts + EXCLUDED.gifts
            ), per_post_total AS (
                INSERT INTO post_totals AS t (brand_id, post_id, currency, campaign_id, creator_id, first_day, last_day, clicks, unique_clicks,
                                              bot_clicks, conversions, revenue, refunds, commission, fees, gifts)
                SELECT @brand, post_id, currency, min(campaign_id::text)::uuid, min(creator_id::text)::uuid, min(day), max(day), sum(clicks),
                       sum(unique_clicks), sum(bot_clicks), sum(conversions), sum(revenue), sum(refunds), sum(commission), sum(fees), sum(gifts)
                FROM v WHERE post_id IS NOT NULL GROUP BY post_id, currency ORDER BY post_id, currency
                ON CONFLICT (brand_id, post_id, currency) DO UPDATE SET
                    first_day = least(t.first_day, EXCLUDED.first_day), last_day = greatest(t.last_day, EXCLUDED.last_day),
                    clicks = t.clicks + EXCLUDED.clicks, unique_clicks = t.unique_clicks + EXCLUDED.unique_clicks,
                    bot_clicks = t.bot_clicks + EXCLUDED.bot_clicks, conversions = t.conversions + EXCLUDED.conversions,
                    revenue = t.revenue + EXCLUDED.revenue, refunds = t.refunds + EXCLUDED.refunds,
                    commission = t.commission + EXCLUDED.commission, fees = t.fees + EXCLUDED.fees, gifts = t.gifts + EXCLUDED.gifts
            ), per_creator AS (
                INSERT INTO daily_rollups AS r (brand_id, campaign_id, creator_id, day, currency, clicks, unique_clicks, bot_clicks,
                                                conversions, revenue, refunds, commission, fees, gifts)
                SELECT @brand, campaign_id, creator_id, day, currency, sum(clicks), sum(unique_clicks), sum(bot_clicks), sum(conversions),
                       sum(revenue), sum(refunds), sum(commission), sum(fees), sum(gifts)
                FROM v GROUP BY campaign_id, creator_id, day, currency ORDER BY campaign_id, creator_id, day, currency
                ON CONFLICT (brand_id, campaign_id, creator_id, day, currency) DO UPDATE SET
                    clicks = r.clicks + EXCLUDED.clicks, unique_clicks = r.unique_clicks + EXCLUDED.unique_clicks,
                    bot_clicks = r.bot_clicks + EXCLUDED.bot_clicks, conversions = r.conversions + EXCLUDED.conversions,
                    revenue = r.revenue + EXCLUDED.revenue, refunds = r.refunds + EXCLUDED.refunds,
                    commission = r.commission + EXCLUDED.commission, fees = r.fees + EXCLUDED.fees, gifts = r.gifts + EXCLUDED.gifts
            )
            INSERT INTO campaign_daily_rollups AS r (brand_id, campaign_id, day, currency, clicks, unique_clicks, bot_clicks,
                                                     conversions, revenue, refunds, commission, fees, gifts)
            SELECT @brand, campaign_id, day, currency, sum(clicks), sum(unique_clicks), sum(bot_clicks), sum(conversions),
                   sum(revenue), sum(refunds), sum(commission), sum(fees), sum(gifts)
            FROM v GROUP BY campaign_id, day, currency ORDER BY campaign_id, day, currency
            ON CONFLICT (brand_id, campaign_id, day, currency) DO UPDATE SET
                clicks = r.clicks + EXCLUDED.clicks, unique_clicks = r.unique_clicks + EXCLUDED.unique_clicks,
                bot_clicks = r.bot_clicks + EXCLUDED.bot_clicks, conversions = r.conversions + EXCLUDED.conversions,
                revenue = r.revenue + EXCLUDED.revenue, refunds = r.refunds + EXCLUDED.refunds,
                commission = r.commission + EXCLUDED.commission, fees = r.fees + EXCLUDED.fees, gifts = r.gifts + EXCLUDED.gifts
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [
            new NpgsqlParameter("brand", db.CurrentBrandId),
            Array("campaigns", NpgsqlDbType.Uuid, deltas.Select(d => d.CampaignId)),
            Array("creators", NpgsqlDbType.Uuid, deltas.Select(d => d.CreatorId)),
            Array("posts", NpgsqlDbType.Uuid, deltas.Select(d => d.PostId)),
            Array("days", NpgsqlDbType.Date, deltas.Select(d => d.Day)),
            Array("currencies", NpgsqlDbType.Varchar, deltas.Select(d => d.Currency)),
            Array("clicks", NpgsqlDbType.Bigint, deltas.Select(d => d.Clicks)),
            Array("unique", NpgsqlDbType.Bigint, deltas.Select(d => d.UniqueClicks)),
            Array("bots", NpgsqlDbType.Bigint, deltas.Select(d => d.BotClicks)),
            Array("conversions", NpgsqlDbType.Bigint, deltas.Select(d => d.Conversions)),
            Array("revenue", NpgsqlDbType.Numeric, deltas.Select(d => d.Revenue)),
            Array("refunds", NpgsqlDbType.Numeric, deltas.Select(d => d.Refunds)),
            Array("commission", NpgsqlDbType.Numeric, deltas.Select(d => d.Commission)),
            Array("fees", NpgsqlDbType.Numeric, deltas.Select(d => d.Fees)),
            Array("gifts", NpgsqlDbType.Numeric, deltas.Select(d => d.Gifts)),
        ], ct);
    }

    /// <summary>Adds to a campaign's all-time spend, the figure its budget is compared with.</summary>
    public static Task AddSpendAsync(AnalyticsDbContext db, Guid campaignId, string currency, decimal commission, decimal fees, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO campaign_spend AS s (brand_id, campaign_id, currency, commission, fees)
            VALUES ({db.CurrentBrandId}, {campaignId}, {currency}, {commission}, {fees})
            ON CONFLICT (campaign_id, currency) DO UPDATE SET commission = s.commission + EXCLUDED.commission, fees = s.fees + EXCLUDED.fees
            """, ct);

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

    private sealed record ClaimedFact(string Kind, string Key);
}
