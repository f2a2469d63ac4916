using AmbassadorNet.TestKit.Waiting;

namespace Analytics.Tests;

/// <summary>Exact totals of a known scenario, whatever the order, duplication or re-publication of its events.</summary>
public sealed class TotalsTests(AnalyticsService service) : IClassFixture<AnalyticsService>
{
    [Fact]
    public async Task A_known_scenario_adds_up_to_the_hand_computed_totals()
    {
        var scenario = new Scenario();
        await service.PublishAllAsync(scenario.Everything);

        var summary = await service.SettledAsync(scenario.Summary, scenario.Brand);

        Expect.ScenarioTotals(summary);
        Assert.Equal("Spring Box", summary.GetProperty("name").GetString());
        Assert.Equal(1000m, summary.GetProperty("budget").GetDecimal());
        Assert.Equal(40m, summary.GetProperty("budgetConsumed").GetDecimal());
        Assert.Equal(960m, summary.GetProperty("budgetRemaining").GetDecimal());
        Assert.Equal(4m, summary.GetProperty("budgetConsumedPercent").GetDecimal());
    }

    [Fact]
    public async Task A_date_range_counts_conversions_on_the_order_day_and_refunds_on_the_refund_day()
    {
        var scenario = new Scenario();
        await service.PublishAllAsync(scenario.Everything);
        await service.SettledAsync(scenario.Summary, scenario.Brand);

        var day1 = await service.ReadAsync($"{scenario.Summary}?from=2026-03-10&to=2026-03-10", scenario.Brand);
        var day2 = await service.ReadAsync($"{scenario.Summary}?from=2026-03-11&to=2026-03-11", scenario.Brand);

        Expect.Figures(day1.GetProperty("metrics"), ("clicks", 14), ("uniqueClicks", 11), ("botClicks", 2), ("conversions", 2),
            ("revenue", 180m), ("refunds", 0m), ("commission", 18m), ("fees", 0m), ("roas", 10m));
        Expect.Figures(day2.GetProperty("metrics"), ("clicks", 5), ("uniqueClicks", 5), ("botClicks", 0), ("conversions", 1),
            ("revenue", 50m), ("refunds", 30m), ("netRevenue", 20m), ("commission", 2m), ("fees", 20m), ("roas", 0.909091m));
        Assert.Equal("2026-03-10", day1.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Duplicates_and_out_of_order_deliveries_change_nothing()
    {
        var scenario = new Scenario();
        // Facts first (before their campaign and creators are known), reversed, each delivered twice
        // under one message id and once more under another; the dimensions last.
        foreach (var fact in scenario.Facts.Reverse())
        {
            var id = Guid.NewGuid();
            await Task.WhenAll(service.PublishAsync(fact, id), service.PublishAsync(fact, id), service.PublishAsync(fact));
        }

        var withoutDimensions = await service.SettledAsync(scenario.Summary, scenario.Brand);
        Assert.Equal(19, withoutDimensions.GetProperty("metrics").GetProperty("clicks").GetInt64());
        Assert.Equal(230m, withoutDimensions.GetProperty("metrics").GetProperty("revenue").GetDecimal());

        await service.PublishAllAsync(scenario.Dimensions.Concat(scenario.Dimensions));
        var summary = await service.SettledAsync(scenario.Summary, scenario.Brand);

        Expect.ScenarioTotals(summary);
        Assert.Equal("Spring Box", summary.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_rebuild_from_re_published_events_ends_with_the_same_totals()
    {
        var scenario = new Scenario();
        await service.PublishAllAsync(scenario.Everything);
        var before = (await service.SettledAsync(scenario.Summary, scenario.Brand)).GetRawText();

        // The sources re-publish their kept events (possibly under new message ids): nothing changes.
        await service.PublishAllAsync(scenario.Everything);
        Assert.Equal(before, (await service.SettledAsync(scenario.Summary, scenario.Brand)).GetRawText());

        // A real rebuild: the read model and its inbox cleared, then the same events once more.
        await service.ExecuteAsync("""
            DELETE FROM daily_rollups WHERE brand_id = @b; DELETE FROM campaign_daily_rollups WHERE brand_id = @b;
            DELETE FROM applied_facts WHERE brand_id = @b;
            DELETE FROM campaign_spend WHERE brand_id = @b; DELETE FROM inbox_messages;
            """, ("b", scenario.Brand));
        Assert.Equal(0L, (await service.ReadAsync(scenario.Summary, scenario.Brand)).GetProperty("metrics").GetProperty("clicks").GetInt64());
        await service.PublishAllAsync(scenario.Everything);

        Assert.Equal(before, (await service.SettledAsync(scenario.Summary, scenario.Brand)).GetRawText());
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_the_stream_loses_and_doubles_nothing()
    {
        var scenario = new Scenario();
        var extra = Enumerable.Range(0, 40).Select(_ => Events.Clicks(scenario.Brand,
            Events.Repeat(250, i => Events.Click(scenario.Campaign, i % 2 == 0 ? scenario.Ana : scenario.Ben, Events.At(Scenario.Day1), bot: i % 5 == 0)))).ToList();
        await service.PublishAllAsync([.. scenario.Everything, .. extra]);

        var countedBefore = await Eventually.UntilAsync(_ => service.ScalarAsync<decimal>(
            "SELECT coalesce(sum(clicks), 0)::numeric FROM daily_rollups WHERE brand_id = @b", ("b", scenario.Brand)), n => n > 0, "the first clicks counted",
            interval: TimeSpan.FromMilliseconds(10));
        await service.RestartAsync(); // whatever was not yet consumed waits in the durable queues
        TestContext.Current.TestOutputHelper?.WriteLine($"clicks counted when the restart began: {countedBefore} of {19 + 10_000}");
        await service.PublishAllAsync(scenario.Facts); // and the sources re-publish, for good measure

        var summary = await service.SettledAsync(scenario.Summary, scenario.Brand);
        Expect.Figures(summary.GetProperty("metrics"), ("clicks", 19 + 10_000), ("uniqueClicks", 16 + 8_000), ("botClicks", 2 + 2_000),
            ("conversions", 3), ("revenue", 230m), ("refunds", 30m), ("commission", 20m), ("fees", 20m));
    }

    [Fact]
    public async Task A_batch_of_the_retired_per_click_event_re_published_from_before_the_upgrade_counts_once()
    {
        var scenario = new Scenario();
        var retired = Events.RetiredClicks(scenario.Brand,
            Events.Repeat(5, i => Events.Click(scenario.Campaign, scenario.Ana, Events.At(Scenario.Day1), bot: i == 0, duplicate: i == 1)));
        await service.PublishAllAsync([.. scenario.Everything, retired]);
        await service.PublishAsync(retired, Guid.NewGuid()); // the same batch under a new message id

        var summary = await service.SettledAsync(scenario.Summary, scenario.Brand);

        Expect.Figures(summary.GetProperty("metrics"), ("clicks", 19 + 5), ("uniqueClicks", 16 + 3), ("botClicks", 2 + 1));
    }

    [Fact]
    public async Task A_ratio_with_nothing_to_divide_by_is_null()
    {
        var scenario = new Scenario();
        await service.PublishAllAsync(scenario.Dimensions);
        await service.PublishAsync(Events.Clicks(scenario.Brand, Events.Repeat(3, _ => Events.Click(scenario.Campaign, scenario.Ana, Events.At(Scenario.Day1), bot: true))));

        var summary = await service.SettledAsync(scenario.Summary, scenario.Brand);

        Expect.Figures(summary.GetProperty("metrics"), ("clicks", 3), ("uniqueClicks", 0), ("botClicks", 3),
            ("conversionRate", null), ("earningsPerClick", null), ("revenuePerClick", null), ("averageOrderValue", null),
            ("roas", null), ("costPerAcquisition", null));
    }
}
