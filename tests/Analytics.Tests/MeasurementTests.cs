using System.Diagnostics;
using AmbassadorNet.TestKit.Waiting;
using static Analytics.Tests.Events;

namespace Analytics.Tests;

/// <summary>
/// The figures quoted in docs/services/analytics.md: a summary over a year of daily rollups for 500
/// creators, and how fast click batches are consumed. Bounds are generous (a shared 2-core machine);
/// the printed figures are what matters.
/// </summary>
[Collection(nameof(MeasurementTests))]
public sealed class MeasurementTests(AnalyticsService service) : IClassFixture<AnalyticsService>
{
    [Fact]
    public async Task A_summary_over_a_year_for_500_creators_reads_rollups_in_milliseconds()
    {
        var (brand, campaign) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Campaign(brand, campaign));
        // 500 creators × 365 days = 182,500 rollup rows, each day 20 clicks (16 unique), 1 conversion of 50.00, 5.00 commission.
        await service.ExecuteAsync("""
            INSERT INTO daily_rollups (brand_id, campaign_id, creator_id, day, currency, clicks, unique_clicks, bot_clicks, conversions, revenue, refunds, commission, fees)
            SELECT @brand, @campaign, ('00000000-0000-7000-8000-' || lpad(to_hex(c), 12, '0'))::uuid, d::date, 'USD', 20, 16, 2, 1, 50, 0, 5, 0
            FROM generate_series(1, 500) c, generate_series(date '2025-01-01', date '2025-12-31', interval '1 day') d;
            -- The per-campaign rollup the consumers keep beside it, as they would have written it.
            INSERT INTO campaign_daily_rollups (brand_id, campaign_id, day, currency, clicks, unique_clicks, bot_clicks, conversions, revenue, refunds, commission, fees)
            SELECT brand_id, campaign_id, day, currency, sum(clicks), sum(unique_clicks), sum(bot_clicks), sum(conversions), sum(revenue), sum(refunds), sum(commission), sum(fees)
            FROM daily_rollups WHERE brand_id = @brand GROUP BY brand_id, campaign_id, day, currency;
            ANALYZE daily_rollups; ANALYZE campaign_daily_rollups;
            """, ("brand", brand), ("campaign", campaign));
        var path = $"/api/analytics/campaigns/{campaign}/summary?from=2025-01-01&to=2025-12-31";
        await service.SettledAsync(path, brand);

        var timings = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            var summary = await service.ReadAsync(path, brand);
            timings.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(182_500L * 20, summary.GetProperty("metrics").GetProperty("clicks").GetInt64());
            Assert.Equal(182_500m * 50, summary.GetProperty("metrics").GetProperty("revenue").GetDecimal());
        }

        timings.Sort();
        var median = timings[timings.Count / 2];
        var leaderboard = Stopwatch.StartNew();
        var board = await service.ReadAsync("/api/analytics/leaderboard?from=2025-01-01&to=2025-12-31&limit=10", brand);
        var leaderboardMs = leaderboard.Elapsed.TotalMilliseconds;
        Assert.Equal(500, board.GetProperty("total").GetInt32());
        TestContext.Current.TestOutputHelper?.WriteLine($"leaderboard over the same 182,500 creator-day rows: {leaderboardMs:F1} ms");
        TestContext.Current.TestOutputHelper?.WriteLine($"summary over a year (365 campaign-day rows; 182,500 creator-day rows): median {median:F1} ms, min {timings[0]:F1} ms, max {timings[^1]:F1} ms (HTTP included)");
        Assert.True(median < 2_000, $"median {median:F1} ms");
    }

    [Fact]
    public async Task Click_batches_are_consumed_at_thousands_of_clicks_per_second()
    {
        const int batches = 100, perBatch = 500;
        var (brand, campaign) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var creators = Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()).ToArray();
        var day = new DateOnly(2026, 5, 1);
        var events = Enumerable.Range(0, batches).Select(b => Clicks(brand,
            Repeat(perBatch, i => Click(campaign, creators[(b + i) % creators.Length], At(day, i % 24), bot: i % 10 == 0)))).ToList();
        await service.PublishAsync(Campaign(brand, campaign));

        var watch = Stopwatch.StartNew();
        await service.PublishAllAsync(events);
        var published = watch.Elapsed;
        await Eventually.UntilAsync(_ => service.ScalarAsync<decimal>(
                "SELECT coalesce(sum(clicks), 0)::numeric FROM daily_rollups WHERE brand_id = @b", ("b", brand)),
            total => total == batches * perBatch, "every click counted", TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(20));
        var elapsed = watch.Elapsed;

        var rate = batches * perBatch / elapsed.TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{batches} ClicksCounted of {perBatch} clicks (counted per creator and day): published in {published.TotalMilliseconds:F0} ms, all counted after {elapsed.TotalMilliseconds:F0} ms = {rate:F0} clicks/s");
        var summary = await service.SettledAsync($"/api/analytics/campaigns/{campaign}/summary", brand);
        Assert.Equal(batches * perBatch, summary.GetProperty("metrics").GetProperty("clicks").GetInt64());
        Assert.Equal(batches * perBatch * 9 / 10, summary.GetProperty("metrics").GetProperty("uniqueClicks").GetInt64());
        Assert.True(rate > 1_000, $"{rate:F0} clicks/s");
    }
}

/// <summary>Measurements run alone, after the parallel classes, so this suite's other tests do not skew them.</summary>
[CollectionDefinition(nameof(MeasurementTests), DisableParallelization = true)]
public sealed class MeasurementCollection;
