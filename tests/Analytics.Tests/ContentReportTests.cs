using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AmbassadorNet.Contracts;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Contracts.Tracking;
using static Analytics.Tests.Events;

namespace Analytics.Tests;

/// <summary>
/// The content reports over one hand-worked brand: Jane's instagram reel (P1) and story (P2) for
/// the German market, Ben's tiktok short video (P3) for France, all in one USD campaign. Every
/// expected figure is worked out in the comments from the facts published.
/// </summary>
public sealed class ContentReportTests(AnalyticsService service) : IClassFixture<AnalyticsService>
{
    private static readonly DateOnly Day1 = new(2026, 6, 1);
    private static readonly DateOnly Day2 = new(2026, 6, 2);

    [Fact]
    public async Task The_post_leaderboard_ranks_posts_by_revenue_with_every_figure_worked_out_by_hand()
    {
        var world = await PublishAsync();

        var page = await service.SettledAsync("/api/analytics/content/posts", world.Brand);
        var items = page.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(("USD", "revenue", 3), (page.GetProperty("currency").GetString(), page.GetProperty("sort").GetString(), page.GetProperty("total").GetInt32()));
        Assert.Equal([world.P1, world.P2, world.P3], items.Select(i => i.GetProperty("postId").GetGuid()));
        Assert.Equal([1, 2, 3], items.Select(i => i.GetProperty("rank").GetInt32()));
        Assert.Equal(("Jane", "@jane", "instagram", "reel", "DE", 2000L), (items[0].GetProperty("creatorName").GetString(), items[0].GetProperty("handle").GetString(),
            items[0].GetProperty("platform").GetString(), items[0].GetProperty("format").GetString(), items[0].GetProperty("market").GetString(), items[0].GetProperty("reach").GetInt64()));
        // P1: reach 2,000 as last measured; views 3,000 and interactions 120 + 20 + 10 + 10 = 160 (the Day2 snapshot; the earlier one measured that day lost);
        // engagement 160 / 3,000 = 0.0533333; orders 80 + 40 = 120, 40 refunded; cost = fee 50 + commission (12 − 4) + gift 25 = 83;
        // cost per order 83 / 2 = 41.5; ROAS (120 − 40) / 83 = 0.9638554; per thousand views 120 / 3,000 × 1,000 = 40.
        Expect.Figures(items[0].GetProperty("figures"),
            ("posts", 1), ("views", 3000), ("interactions", 160), ("engagementRate", 0.053333m), ("clicks", 100), ("uniqueClicks", 100),
            ("conversions", 2), ("revenue", 120m), ("refunds", 40m), ("netRevenue", 80m), ("fees", 50m), ("commission", 8m), ("gifts", 25m),
            ("cost", 83m), ("conversionRate", 0.02m), ("costPerOrder", 41.5m), ("roas", 0.963855m), ("revenuePerThousandViews", 40m));
        // P2, a story: no views reported, so engagement is 40 ÷ Jane's 10,000 instagram followers = 0.004 and revenue per
        // thousand views is unknown; one order of 60 on Day2; cost = commission 6; ROAS 60 / 6 = 10.
        Expect.Figures(items[1].GetProperty("figures"),
            ("posts", 1), ("views", null), ("interactions", 40), ("engagementRate", 0.004m), ("uniqueClicks", 10), ("conversions", 1),
            ("revenue", 60m), ("cost", 6m), ("costPerOrder", 6m), ("roas", 10m), ("revenuePerThousandViews", null));
        // P3: 20 clicks and no order; its gift of 10 is its cost: ROAS 0 / 10 = 0, cost per order unknown; no metrics reported.
        Expect.Figures(items[2].GetProperty("figures"),
            ("posts", 1), ("views", null), ("interactions", null), ("engagementRate", null), ("uniqueClicks", 20), ("conversions", 0),
            ("gifts", 10m), ("cost", 10m), ("costPerOrder", null), ("roas", 0m));
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("reach").ValueKind);
    }

    [Fact]
    public async Task Posts_grouped_by_creator_format_platform_market_and_campaign_sum_each_posts_figures_once()
    {
        var world = await PublishAsync();

        var creators = await service.SettledAsync("/api/analytics/content/by/creator", world.Brand);
        var formats = await service.ReadAsync("/api/analytics/content/by/format?sort=cost_per_order", world.Brand);
        var markets = await service.ReadAsync("/api/analytics/content/by/market", world.Brand);
        var platforms = await service.ReadAsync("/api/analytics/content/by/platform?sort=engagement_rate", world.Brand);
        var campaigns = await service.ReadAsync("/api/analytics/content/by/campaign", world.Brand);

        var jane = creators.GetProperty("items")[0];
        Assert.Equal((world.Jane.ToString(), "Jane"), (jane.GetProperty("key").GetString(), jane.GetProperty("name").GetString()));
        // Jane = P1 + P2: views 3,000 (P2 reported none), interactions 160 + 40 = 200, engagement = the mean of the posts'
        // rates (0.0533333 + 0.004) / 2 = 0.0286667; revenue 180, net 140; cost 83 + 6 = 89; cost per order 89 / 3 = 29.6667;
        // ROAS 140 / 89 = 1.5730337; per thousand views only over P1, whose views are known: 120 / 3,000 × 1,000 = 40.
        Expect.Figures(jane.GetProperty("figures"),
            ("posts", 2), ("views", 3000), ("interactions", 200), ("engagementRate", 0.028667m), ("uniqueClicks", 110), ("conversions", 3),
            ("revenue", 180m), ("refunds", 40m), ("netRevenue", 140m), ("fees", 50m), ("commission", 14m), ("gifts", 25m), ("cost", 89m),
            ("costPerOrder", 29.6667m), ("roas", 1.573034m), ("revenuePerThousandViews", 40m));
        Assert.Equal([world.Jane.ToString(), world.Ben.ToString()], Keys(creators));
        // Cheapest order first: story 6, reel 41.5, then the short video with no order.
        Assert.Equal(["story", "reel", "short_video"], Keys(formats));
        Assert.Equal(["DE", "FR"], Keys(markets));
        Assert.Equal(["instagram", "tiktok"], Keys(platforms));
        Expect.Figures(markets.GetProperty("items")[0].GetProperty("figures"), ("revenue", 180m), ("cost", 89m));
        // The campaign: every post once: revenue 180, cost 89 + 10 = 99, 130 unique clicks.
        Assert.Equal("Spring Box", campaigns.GetProperty("items")[0].GetProperty("name").GetString());
        Expect.Figures(campaigns.GetProperty("items")[0].GetProperty("figures"),
            ("posts", 3), ("uniqueClicks", 130), ("conversions", 3), ("revenue", 180m), ("cost", 99m), ("costPerOrder", 33m));
    }

    [Fact]
    public async Task A_range_counts_what_happened_in_it_and_views_as_the_growth_of_lifetime_counts()
    {
        var world = await PublishAsync();
        await service.SettledAsync("/api/analytics/content/posts", world.Brand);

        var day2 = await service.ReadAsync($"/api/analytics/content/posts?from={Day2:yyyy-MM-dd}&to={Day2:yyyy-MM-dd}", world.Brand);
        var jane = await service.ReadAsync($"/api/analytics/content/by/creator?creatorId={world.Jane}&from={Day2:yyyy-MM-dd}&to={Day2:yyyy-MM-dd}", world.Brand);
        var items = day2.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("postId").GetGuid());

        // P1 on Day2: views 3,000 − 1,000 = 2,000, interactions 160 − 70 = 90 (engagement 0.045); the refund of 40 and the
        // commission reversal of 4; published on Day1, so not among Day2's posts.
        Expect.Figures(items[world.P1].GetProperty("figures"),
            ("posts", 0), ("views", 2000), ("interactions", 90), ("engagementRate", 0.045m), ("conversions", 0), ("revenue", 0m),
            ("refunds", 40m), ("netRevenue", -40m), ("commission", -4m), ("fees", 0m), ("cost", -4m));
        // P2 on Day2: its order of 60; its only snapshot is Day1's, so its counts did not grow (0 interactions, views unknown).
        Expect.Figures(items[world.P2].GetProperty("figures"), ("posts", 0), ("views", null), ("interactions", 0), ("revenue", 60m));
        // P3 was published on Day2 and its gift shipped then.
        Expect.Figures(items[world.P3].GetProperty("figures"), ("posts", 1), ("gifts", 10m));
        Assert.Equal(1, jane.GetProperty("total").GetInt32());
        Expect.Figures(jane.GetProperty("items")[0].GetProperty("figures"), ("views", 2000), ("revenue", 60m), ("refunds", 40m));
    }

    [Fact]
    public async Task The_csv_of_a_content_report_equals_its_json()
    {
        var world = await PublishAsync();
        await service.SettledAsync("/api/analytics/content/posts", world.Brand);

        foreach (var (by, path) in new[] { ("post", "content/posts?sort=views"), ("format", "content/by/format?market=de") })
        {
            var json = (await service.ReadAsync($"/api/analytics/{path}", world.Brand)).GetProperty("items").EnumerateArray().ToList();
            var query = path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..];
            using var response = await service.GetAsync($"/api/analytics/export.csv?view=content&by={by}&{query}", world.Brand);
            var csv = CsvText.Parse(await response.Content.ReadAsStringAsync());

            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(json.Count + 1, csv.Count);
            Assert.Contains("revenuePerThousandViews", csv[0]);
            for (var i = 0; i < json.Count; i++)
            {
                Assert.Equal(json[i].GetProperty("rank").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), csv[i + 1][0]);
                Assert.Equal(json[i].GetProperty("figures").GetProperty("revenue").GetRawText(), csv[i + 1][csv[0].IndexOf("revenue")]);
            }
        }
    }

    [Fact]
    public async Task Bad_parameters_are_named_together_and_a_brand_in_two_currencies_must_choose()
    {
        var world = await PublishAsync();
        var euros = Guid.CreateVersion7();
        await service.PublishAllAsync([Campaign(world.Brand, euros, "Été", "EUR"), Recorded(world.Brand, Guid.CreateVersion7(), euros, world.Ben, "tiktok", "reel", "FR", Day1, null)]);
        await service.SettledAsync("/api/analytics/content/posts?currency=EUR", world.Brand);

        using var bad = await service.SendAsync(HttpMethod.Get, "/api/analytics/content/by/colour?sort=likes&market=Germany&creatorId=jane&from=2026-13-01", world.Brand);
        using var both = await service.SendAsync(HttpMethod.Get, "/api/analytics/content/posts", world.Brand);
        var euro = await service.ReadAsync("/api/analytics/content/posts?currency=EUR", world.Brand);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["creatorId", "dimension", "from", "market", "sort"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("EUR, USD", (await both.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("currency")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(("EUR", 1), (euro.GetProperty("currency").GetString(), euro.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task A_repeated_or_older_metrics_report_changes_no_figure()
    {
        var world = await PublishAsync();
        var before = await service.SettledAsync("/api/analytics/content/posts", world.Brand);

        // P1's winning Day2 snapshot again (a redelivery under a new message id), and an older one of that day.
        await service.PublishAllAsync([
            Snapshot(world, world.P1, Day2, 20, new(3000, 2000, 120, 20, 10, 10)),
            Snapshot(world, world.P1, Day2, 19, new(9000, 9000, 900, 90, 90, 90)),
        ]);
        var after = await service.SettledAsync("/api/analytics/content/posts", world.Brand);

        Assert.Equal(before.GetRawText(), after.GetRawText());
        Expect.Figures(after.GetProperty("items")[0].GetProperty("figures"), ("views", 3000), ("interactions", 160));
    }

    [Fact]
    public async Task A_bad_content_or_experiment_export_is_a_400_naming_the_field()
    {
        var brand = Guid.CreateVersion7();
        using var badBy = await service.SendAsync(HttpMethod.Get, "/api/analytics/export.csv?view=content&by=colour&market=Germany", brand);
        using var noExperiment = await service.SendAsync(HttpMethod.Get, "/api/analytics/export.csv?view=experiment", brand);
        using var badExperiment = await service.SendAsync(HttpMethod.Get, "/api/analytics/export.csv?view=experiment&experimentId=nope", brand);

        Assert.Equal(["by", "market"], await FieldsAsync(badBy));
        Assert.Equal(["experimentId"], await FieldsAsync(noExperiment));
        Assert.Equal(["experimentId"], await FieldsAsync(badExperiment));
    }

    private static async Task<List<string>> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        return [.. errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)];
    }

    private static List<string?> Keys(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString())];

    private sealed record World(Guid Brand, Guid Campaign, Guid Jane, Guid Ben, Guid P1, Guid P2, Guid P3);

    private async Task<World> PublishAsync()
    {
        var w = new World(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
            Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var (order1, order2, order3) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAllAsync([
            Campaign(w.Brand, w.Campaign),
            Creator(w.Brand, w.Jane, "micro", 0.05m),
            Creator(w.Brand, w.Ben, "nano", 0.04m, "Ben", handle: "@ben"),
            Recorded(w.Brand, w.P1, w.Campaign, w.Jane, "instagram", "reel", "DE", Day1, 10_000),
            Recorded(w.Brand, w.P2, w.Campaign, w.Jane, "instagram", "story", "DE", Day1, 10_000),
            Recorded(w.Brand, w.P3, w.Campaign, w.Ben, "tiktok", "short_video", "FR", Day2, 5_000),
            Snapshot(w, w.P1, Day1, 9, new(1000, 800, 50, 10, 5, 5)),
            Snapshot(w, w.P1, Day2, 8, new(2500, 1700, 100, 15, 5, 5)), // measured earlier that day: loses to the 20:00 one
            Snapshot(w, w.P1, Day2, 20, new(3000, 2000, 120, 20, 10, 10)),
            Snapshot(w, w.P2, Day1, 20, new(null, 900, 30, 10, null, null)),
            Clicks(w.Brand, Repeat(100, _ => Click(w.Campaign, w.Jane, At(Day1)) with { PostId = w.P1 }),
                Repeat(10, _ => Click(w.Campaign, w.Jane, At(Day1)) with { PostId = w.P2 }),
                Repeat(20, _ => Click(w.Campaign, w.Ben, At(Day2)) with { PostId = w.P3 })),
            Attributed(w.Brand, order1, w.Campaign, w.Jane, 80m, At(Day1)) with { PostId = w.P1 },
            Attributed(w.Brand, order2, w.Campaign, w.Jane, 40m, At(Day1)) with { PostId = w.P1 },
            Attributed(w.Brand, order3, w.Campaign, w.Jane, 60m, At(Day2)) with { PostId = w.P2 },
            Refunded(w.Brand, order2, "r-1", w.Campaign, w.Jane, 40m, 40m, 40m, At(Day2)) with { PostId = w.P1 },
            Accrued(w.Brand, order1, w.Campaign, w.Jane, 8m, At(Day1)) with { PostId = w.P1 },
            Accrued(w.Brand, order2, w.Campaign, w.Jane, 4m, At(Day1)) with { PostId = w.P1 },
            Accrued(w.Brand, order3, w.Campaign, w.Jane, 6m, At(Day2)) with { PostId = w.P2 },
            CommissionReversed(w.Brand, order2, "r-1", w.Campaign, w.Jane, 4m, At(Day2)) with { PostId = w.P1 },
            Fee(w.Brand, w.Campaign, w.Jane, 50m, At(Day1)) with { PostId = w.P1 },
            Gift(w.Brand, w.Campaign, w.Jane, w.P1, 25m, Day1),
            Gift(w.Brand, w.Campaign, w.Ben, w.P3, 10m, Day2),
        ]);
        return w;
    }

    private static PostMetricsRecorded Snapshot(World w, Guid post, DateOnly day, int hour, PostMetricCounts counts) =>
        new(w.Brand, At(day, hour), post, Guid.NewGuid(), w.Campaign, Guid.NewGuid(), day, At(day, hour), counts);
}
