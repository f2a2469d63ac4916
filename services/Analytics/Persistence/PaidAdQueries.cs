using AmbassadorNet.Analytics.Domain.PaidAds;
using Npgsql;
using NpgsqlTypes;

namespace AmbassadorNet.Analytics.Persistence;

/// <summary>The paid-ad days of the caller's brand: entered in one statement, summed per channel for the report.</summary>
public sealed class PaidAdQueries(AnalyticsDbContext db)
{
    /// <summary>
    /// Stores the entries, each replacing the day it names, in one statement, and returns the keys of
    /// the days it inserted or changed: a day entered again with the same figures is not touched
    /// (its updated_at stays). Rows are written in key order, so two requests cannot deadlock.
    /// </summary>
    public async Task<HashSet<PaidAdKey>> EnterAsync(IReadOnlyList<PaidAdEntry> entries, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO paid_ad_days AS p (brand_id, campaign_id, channel, day, currency, spend, impressions, clicks, orders, revenue, entered_at, updated_at)
            SELECT @brand, v.campaign_id, v.channel, v.day, v.currency, v.spend, v.impressions, v.clicks, v.orders, v.revenue, @now, @now
            FROM unnest(@campaigns, @channels, @days, @currencies, @spend, @impressions, @clicks, @orders, @revenue)
                 AS v(campaign_id, channel, day, currency, spend, impressions, clicks, orders, revenue)
            ORDER BY v.campaign_id, v.channel, v.day
            ON CONFLICT (brand_id, campaign_id, channel, day) DO UPDATE SET
                currency = EXCLUDED.currency, spend = EXCLUDED.spend, impressions = EXCLUDED.impressions, clicks = EXCLUDED.clicks,
                orders = EXCLUDED.orders, revenue = EXCLUDED.revenue, updated_at = EXCLUDED.updated_at
            WHERE (p.currency, p.spend, p.impressions, p.clicks, p.orders, p.revenue)
                  IS DISTINCT FROM (EXCLUDED.currency, EXCLUDED.spend, EXCLUDED.impressions, EXCLUDED.clicks, EXCLUDED.orders, EXCLUDED.revenue)
            RETURNING p.campaign_id, p.channel, p.day
            """;
        var changed = await db.QueryBrandAsync(sql, [
            new("now", now),
            Array("campaigns", NpgsqlDbType.Uuid, entries.Select(e => e.CampaignId)),
            Array("channels", NpgsqlDbType.Varchar, entries.Select(e => e.Channel)),
            Array("days", NpgsqlDbType.Date, entries.Select(e => e.Day)),
            Array("currencies", NpgsqlDbType.Varchar, entries.Select(e => e.Currency)),
            Array("spend", NpgsqlDbType.Numeric, entries.Select(e => e.Spend)),
            Array("impressions", NpgsqlDbType.Bigint, entries.Select(e => e.Impressions)),
            Array("clicks", NpgsqlDbType.Bigint, entries.Select(e => e.Clicks)),
            Array("orders", NpgsqlDbType.Bigint, entries.Select(e => e.Orders)),
            Array("revenue", NpgsqlDbType.Numeric, entries.Select(e => e.Revenue)),
        ], r => new PaidAdKey(r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateOnly>(2)), ct);
        return [.. changed];
    }

    /// <summary>The days stored under these keys (a request's few: the campaigns' days on those dates are read, then matched).</summary>
    public async Task<List<PaidAdDay>> DaysAsync(IReadOnlyCollection<PaidAdKey> keys, CancellationToken ct)
    {
        var campaigns = keys.Select(k => k.CampaignId).Distinct().ToList();
        var days = keys.Select(k => k.Day).Distinct().ToList();
        var found = await db.PaidAdDays.AsNoTracking().Where(d => campaigns.Contains(d.CampaignId) && days.Contains(d.Day)).ToListAsync(ct);
        return [.. found.Where(d => keys.Contains(new PaidAdKey(d.CampaignId, d.Channel, d.Day)))];
    }

    /// <summary>
    /// The currencies of the campaigns' days other than <paramref name="replaced"/> (the days a request
    /// is about to replace): what a new day of the campaign must be in when the campaign is not known here.
    /// </summary>
    public Task<List<(Guid CampaignId, string Currency)>> OtherDaysCurrenciesAsync(
        IReadOnlyCollection<Guid> campaigns, IReadOnlyCollection<PaidAdKey> replaced, CancellationToken ct) =>
        db.QueryBrandAsync("""
            SELECT DISTINCT p.campaign_id, p.currency FROM paid_ad_days p
            WHERE p.brand_id = @brand AND p.campaign_id = ANY(@campaigns)
              AND NOT EXISTS (SELECT 1 FROM unnest(@keyCampaigns, @keyChannels, @keyDays) AS k(campaign_id, channel, day)
                              WHERE k.campaign_id = p.campaign_id AND k.channel = p.channel AND k.day = p.day)
            ORDER BY 1, 2
            """, [
                Array("campaigns", NpgsqlDbType.Uuid, campaigns),
                Array("keyCampaigns", NpgsqlDbType.Uuid, replaced.Select(k => k.CampaignId)),
                Array("keyChannels", NpgsqlDbType.Varchar, replaced.Select(k => k.Channel)),
                Array("keyDays", NpgsqlDbType.Date, replaced.Select(k => k.Day)),
            ], r => (r.GetGuid(0), r.GetString(1)), ct);

    /// <summary>The currencies a campaign's paid-ad days are in, whatever the day (none: the brand entered none).</summary>
    public Task<List<string>> CurrenciesAsync(Guid campaignId, CancellationToken ct) =>
        db.QueryBrandAsync("SELECT DISTINCT p.currency FROM paid_ad_days p WHERE p.brand_id = @brand AND p.campaign_id = @campaign ORDER BY 1",
            [new("campaign", campaignId)], r => r.GetString(0), ct);

    /// <summary>A campaign's paid-ad days in one currency over a range, summed per channel (by name).</summary>
    public Task<List<(string Channel, PaidAdTotals Totals)>> ChannelTotalsAsync(Guid campaignId, string currency, DateRange range, CancellationToken ct) =>
        db.QueryBrandAsync("""
            SELECT p.channel, sum(p.spend), sum(p.impressions)::bigint, sum(p.clicks)::bigint, sum(p.orders)::bigint, sum(p.revenue),
                   coalesce(sum(p.revenue) FILTER (WHERE p.impressions IS NOT NULL), 0)
            FROM paid_ad_days p
            WHERE p.brand_id = @brand AND p.campaign_id = @campaign AND p.currency = @currency AND p.day BETWEEN @from AND @to
            GROUP BY p.channel ORDER BY p.channel
            """, [new("campaign", campaignId), new("currency", currency), .. range.Parameters()],
            r => (r.GetString(0), new PaidAdTotals(r.GetDecimal(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetDecimal(5), r.GetDecimal(6))), ct);

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}
