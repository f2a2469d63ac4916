using System.Diagnostics;
using AmbassadorNet.Gateway.Routing;
using Npgsql;
using static AmbassadorNet.Benchmarks.Figures;

namespace AmbassadorNet.Benchmarks;

/// <summary>
/// T6: analytics' reads and its consumer. Reads: a campaign summary and the brand leaderboard over a
/// year of rollups for 500 creators (seeded straight into analytics' tables, as its consumers would
/// have written them), through the gateway, one client, summary and leaderboard alternating in rounds.
/// Consumer: under T1-style load (wrk at full speed on the redirect), the rate analytics counts
/// clicks at against the rate tracking stores them at, each over the time it was busy. The post
/// leaderboard (content reports) ranks the year's 10,000 posts of the same creators (20 each).
/// </summary>
public sealed class AnalyticsBenchmarks(BenchSystem system, BenchOptions options)
{
    private const int Creators = 500;
    private const int PostsPerCreator = 20;

    /// <summary>Days a post brings clicks, orders and metric snapshots after it is published (most content is read in its first month).</summary>
    private const int PostActiveDays = 30;
    private const string From = "2025-01-01", To = "2025-12-31";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<IReadOnlyList<Figure>> RunAsync()
    {
        var figures = new List<Figure>();
        figures.AddRange(await ConsumerAsync());
        figures.AddRange(await ReadsAsync());
        return figures;
    }

    /// <summary>The reads alone (<c>--only t6reads</c>): no wrk load, so they can be re-measured in a minute.</summary>
    public Task<IReadOnlyList<Figure>> ReadsOnlyAsync() => ReadsAsync();

    private async Task<IReadOnlyList<Figure>> ConsumerAsync()
    {
        var probe = new AnalyticsProbe(system.ConnectionString(GatewayServices.Analytics));
        var url = new Uri(system.Tracking, $"/r/{system.LinkCode}");
        var rounds = new List<(double Stored, double Counted, double Lag)>();
        for (var round = 1; round <= options.Runs; round++)
        {
            var clock = Stopwatch.GetTimestamp();
            var storedBefore = await StoredAsync();
            var countedBefore = await probe.ClicksAsync();
            using var stop = new CancellationTokenSource();
            var storedReadings = Readings.WatchAsync(StoredAsync, clock, PollInterval, stop.Token);
            var countedReadings = probe.WatchAsync(clock, PollInterval, stop.Token);
            await Wrk.RunAsync(url, options.Connections, options.Duration);
            var stored = await SettledStoredAsync() - storedBefore;
            if (!await probe.WaitForAsync(countedBefore + stored, TimeSpan.FromMinutes(3)))
            {
                Log("analytics did not count every stored click within 3 minutes");
            }

            await Task.Delay(PollInterval * 3); // a last reading at the final value on both sides
            await stop.CancelAsync();
            var storing = Readings.ActiveRate(await storedReadings);
            var counting = Readings.ActiveRate(await countedReadings);
            rounds.Add((storing.PerSecond, counting.PerSecond, counting.To - storing.To));
            Log($"round {round}: {stored} clicks stored at {storing.PerSecond:F0}/s, counted by analytics at {counting.PerSecond:F0}/s, " +
                $"analytics done {counting.To - storing.To:F2} s after tracking");
        }

        return
        [
            Median("T6.ingest", $"clicks stored/s by tracking under wrk ({options.Connections} connections) on /r/{{code}}", rounds.Select(r => r.Stored), "clicks/s", "", null),
            Median("T6.consume", "clicks counted/s by analytics over the same load", rounds.Select(r => r.Counted), "clicks/s", "", null),
            Median("T6.consumeRatio", "analytics' rate ÷ tracking's rate (per round, each over its own busy span)", rounds.Select(r => r.Counted / r.Stored), "×", "≥ 1",
                v => v >= 1),
            Median("T6.consumeLag", "tracking stored its last click → analytics counted it", rounds.Select(r => r.Lag), "s", "", null),
        ];
    }

    private async Task<IReadOnlyList<Figure>> ReadsAsync()
    {
        var (brandId, key) = await BenchBrand.CreateAsync(system, $"T6 brand {Guid.NewGuid():N}"[..20]);
        var campaignId = Guid.CreateVersion7();
        var seeding = Stopwatch.StartNew();
        await SeedYearAsync(brandId, campaignId);
        var seedSeconds = seeding.Elapsed.TotalSeconds;
        Log($"seeded {Creators} creators × 365 days = {Creators * 365:N0} creator-day rows (and 365 campaign-day rows), " +
            $"{Creators * PostsPerCreator:N0} posts × {PostActiveDays} days of post rollups and metric snapshots in {seedSeconds:F1} s");

        var summary = $"/api/analytics/campaigns/{campaignId}/summary?from={From}&to={To}";
        var leaderboard = $"/api/analytics/leaderboard?currency=USD&from={From}&to={To}&limit=50";
        var posts = $"/api/analytics/content/posts?currency=USD&from={From}&to={To}&limit=50";
        var clicks = (await system.CallAsync(key, HttpMethod.Get, summary)).GetProperty("metrics").GetProperty("clicks").GetInt64();
        var ranked = (await system.CallAsync(key, HttpMethod.Get, leaderboard)).GetProperty("total").GetInt32();
        var postsRanked = (await system.CallAsync(key, HttpMethod.Get, posts)).GetProperty("total").GetInt32();
        if (clicks != Creators * 365L * 20 || ranked != Creators || postsRanked != Creators * PostsPerCreator)
        {
            Log($"the views do not show the seed: summary clicks {clicks}, leaderboard total {ranked}, posts ranked {postsRanked}");
        }

        var rounds = new List<(Timing Summary, Timing Leaderboard, Timing Posts)>();
        for (var round = 1; round <= options.Runs; round++)
        {
            var times = (await TimeAsync(key, summary), await TimeAsync(key, leaderboard), await TimeAsync(key, posts));
            rounds.Add(times);
            Log($"round {round}: summary p50 {times.Item1.P50:F1} ms p99 {times.Item1.P99:F1} ms ({times.Item1.Calls} calls); " +
                $"leaderboard p50 {times.Item2.P50:F1} ms p99 {times.Item2.P99:F1} ms ({times.Item2.Calls} calls); " +
                $"post leaderboard p50 {times.Item3.P50:F1} ms p99 {times.Item3.P99:F1} ms ({times.Item3.Calls} calls)");
        }

        return
        [
            new Figure("T6.seed", "seeding 182,500 creator-day + 365 campaign-day rollup rows (SQL, not a measured figure)", seedSeconds, "s", "", null, [seedSeconds]),
            Median("T6.summaryP50", "campaign summary over a year, 500 creators, via gateway, p50", rounds.Select(r => r.Summary.P50), "ms", "", null),
            Median("T6.summaryP99", "campaign summary p99", rounds.Select(r => r.Summary.P99), "ms", "", null),
            Median("T6.leaderP50", "brand leaderboard over the same year (500 creators ranked), p50", rounds.Select(r => r.Leaderboard.P50), "ms", "", null),
            Median("T6.leaderP99", "brand leaderboard p99", rounds.Select(r => r.Leaderboard.P99), "ms", "", null),
            Median("T6.postsP50", "post leaderboard over the same year (10,000 posts ranked), p50", rounds.Select(r => r.Posts.P50), "ms", "", null),
            Median("T6.postsP99", "post leaderboard p99", rounds.Select(r => r.Posts.P99), "ms", "", null),
        ];
    }

    private sealed record Timing(double P50, double P99, int Calls);

    /// <summary>One client, call after call, for the round's duration (at least 20 calls).</summary>
    private async Task<Timing> TimeAsync(string key, string path)
    {
        var latencies = new List<double>();
        var until = Stopwatch.GetTimestamp() + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until || latencies.Count < 20)
        {
            var sent = Stopwatch.GetTimestamp();
            await system.CallAsync(key, HttpMethod.Get, path);
            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }

        var sorted = latencies.Order().ToArray();
        return new Timing(Stats.Percentile(sorted, 0.50), Stats.Percentile(sorted, 0.99), sorted.Length);
    }

    /// <summary>
    /// A year of rollups shaped as analytics' consumers write them (Migrations/0001_analytics.sql):
    /// per creator and day 20 clicks (16 unique, 2 bots), one 50.00 order, 5.00 commission; the
    /// campaign-day rows are their sums, as the consumers' single statement keeps them; dimensions
    /// for the campaign and the creators (tiers spread over the five). And 20 posts per creator spread
    /// over the year, each with 30 days of post rollups (the same daily figures), their totals, and a
    /// metric snapshot a day (Migrations/0002, 0005, 0008).
    /// </summary>
    private async Task SeedYearAsync(Guid brandId, Guid campaignId)
    {
        await using var connection = new NpgsqlConnection(system.ConnectionString(GatewayServices.Analytics));
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand($"""
            CREATE TEMP TABLE bench_creators ON COMMIT DROP AS
                SELECT gen_random_uuid() AS id, n FROM generate_series(1, {Creators}) n;
            INSERT INTO campaign_dims (campaign_id, brand_id, name, currency, budget, status, version, updated_at)
            VALUES (@campaign, @brand, 'T6 year', 'USD', 100000000, 'active', 1, now());
            INSERT INTO creator_dims (creator_id, brand_id, display_name, handle, tier, engagement_rate, followers, status, version, updated_at)
            SELECT id, @brand, 'Creator ' || n, 'creator' || n, (ARRAY['emerging','nano','micro','macro','mega'])[1 + n % 5], 0.035, 1000 * n, 'approved', 1, now()
            FROM bench_creators;
            INSERT INTO daily_rollups (brand_id, campaign_id, creator_id, day, currency, clicks, unique_clicks, bot_clicks, conversions, revenue, refunds, commission, fees)
            SELECT @brand, @campaign, c.id, d::date, 'USD', 20, 16, 2, 1, 50, 0, 5, 0
            FROM bench_creators c, generate_series(date '{From}', date '{To}', interval '1 day') d;
            INSERT INTO campaign_daily_rollups (brand_id, campaign_id, day, currency, clicks, unique_clicks, bot_clicks, conversions, revenue, refunds, commission, fees)
            SELECT brand_id, campaign_id, day, currency, sum(clicks), sum(unique_clicks), sum(bot_clicks), sum(conversions), sum(revenue), sum(refunds), sum(commission), sum(fees)
            FROM daily_rollups WHERE brand_id = @brand GROUP BY brand_id, campaign_id, day, currency;
            CREATE TEMP TABLE bench_posts ON COMMIT DROP AS
                SELECT gen_random_uuid() AS id, c.id AS creator_id, c.n, p,
                       timestamptz '{From} 12:00+00' + (((c.n * {PostsPerCreator} + p) % (365 - {PostActiveDays})) * interval '1 day') AS published_at
                FROM bench_creators c, generate_series(1, {PostsPerCreator}) p;
            INSERT INTO post_dims (post_id, brand_id, campaign_id, enrollment_id, creator_id, platform, format, market, language, published_at,
                                   paid_partnership_label, creator_followers, version, updated_at)
            SELECT id, @brand, @campaign, gen_random_uuid(), creator_id, (ARRAY['instagram','tiktok','youtube'])[1 + p % 3],
                   (ARRAY['reel','story','short_video','long_video'])[1 + p % 4], (ARRAY['US','DE','FR','GB'])[1 + n % 4], 'en', published_at, true, 1000 * n, 1, now()
            FROM bench_posts;
            INSERT INTO post_daily_rollups (brand_id, post_id, day, currency, campaign_id, creator_id, clicks, unique_clicks, bot_clicks, conversions, revenue,
                                            refunds, commission, fees, gifts)
            SELECT @brand, b.id, (b.published_at + a * interval '1 day')::date, 'USD', @campaign, b.creator_id, 20, 16, 2, 1, 50, 0, 5, 0, 0
            FROM bench_posts b, generate_series(0, {PostActiveDays} - 1) a;
            INSERT INTO post_totals (brand_id, post_id, currency, campaign_id, creator_id, first_day, last_day, clicks, unique_clicks, bot_clicks,
                                     conversions, revenue, refunds, commission, fees, gifts)
            SELECT brand_id, post_id, currency, @campaign, min(creator_id::text)::uuid, min(day), max(day), sum(clicks), sum(unique_clicks), sum(bot_clicks),
                   sum(conversions), sum(revenue), sum(refunds), sum(commission), sum(fees), sum(gifts)
            FROM post_daily_rollups WHERE brand_id = @brand GROUP BY brand_id, post_id, currency;
            INSERT INTO post_metric_snapshots (post_id, day, brand_id, measured_at, views, reach, likes, comments, shares, saves)
            SELECT b.id, (b.published_at + a * interval '1 day')::date, @brand, b.published_at + a * interval '1 day',
                   1000 * (a + 1), 800 * (a + 1), 50 * (a + 1), 10 * (a + 1), 5 * (a + 1), 5 * (a + 1)
            FROM bench_posts b, generate_series(0, {PostActiveDays} - 1) a;
            ANALYZE daily_rollups; ANALYZE campaign_daily_rollups; ANALYZE campaign_dims; ANALYZE creator_dims; ANALYZE post_dims; ANALYZE post_daily_rollups;
            ANALYZE post_metric_snapshots; ANALYZE post_totals;
            """, connection);
        seed.Parameters.AddWithValue("brand", brandId);
        seed.Parameters.AddWithValue("campaign", campaignId);
        await using var transaction = await connection.BeginTransactionAsync();
        seed.Transaction = transaction;
        await seed.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Clicks tracking has stored (its counters, through the gateway's operator route).</summary>
    private async Task<long> StoredAsync() => (await system.RedirectStatsAsync()).GetProperty("stored").GetInt64();

    /// <summary>Waits until tracking's click buffer is empty (answered = stored + dropped); returns stored.</summary>
    private async Task<long> SettledStoredAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var stats = await system.RedirectStatsAsync();
            var stored = stats.GetProperty("stored").GetInt64();
            if (stats.GetProperty("answered").GetInt64() == stored + stats.GetProperty("dropped").GetInt64() || DateTime.UtcNow > deadline)
            {
                return stored;
            }

            await Task.Delay(100);
        }
    }

    private static void Log(string line) => Console.Error.WriteLine($"[t6] {line}");
}
