using System.Text.Json;

namespace Analytics.Tests;

/// <summary>The creators of a campaign, the leaderboard, the time series and the tier comparison of the known scenario.</summary>
public sealed class ViewTests(ScenarioFixture fixture) : IClassFixture<ScenarioFixture>
{
    private Scenario S => fixture.Scenario;

    private Task<JsonElement> ReadAsync(string path) => fixture.Service.ReadAsync(path, S.Brand);

    [Fact]
    public async Task The_creators_of_a_campaign_come_sorted_and_paged()
    {
        var byRevenue = await ReadAsync($"/api/analytics/campaigns/{S.Campaign}/creators");
        var items = byRevenue.GetProperty("items");
        Assert.Equal(2, byRevenue.GetProperty("total").GetInt32());
        Assert.Equal(S.Ana, items[0].GetProperty("creatorId").GetGuid());
        Assert.Equal("Ana", items[0].GetProperty("displayName").GetString());
        Assert.Equal("@ana", items[0].GetProperty("handle").GetString());
        Assert.Equal("micro", items[0].GetProperty("tier").GetString());
        Expect.Figures(items[0].GetProperty("metrics"), ("clicks", 15), ("uniqueClicks", 12), ("botClicks", 2), ("conversions", 2),
            ("revenue", 150m), ("refunds", 30m), ("netRevenue", 120m), ("commission", 12m), ("fees", 0m),
            ("conversionRate", 0.166667m), ("earningsPerClick", 1m), ("revenuePerClick", 12.5m), ("averageOrderValue", 75m),
            ("roas", 10m), ("costPerAcquisition", 6m));
        Expect.Figures(items[1].GetProperty("metrics"), ("clicks", 4), ("uniqueClicks", 4), ("conversions", 1), ("revenue", 80m),
            ("commission", 8m), ("fees", 20m), ("conversionRate", 0.25m), ("earningsPerClick", 2m), ("roas", 2.857143m), ("costPerAcquisition", 28m));

        var byEpc = await ReadAsync($"/api/analytics/campaigns/{S.Campaign}/creators?sort=epc&limit=1");
        Assert.Equal(S.Ben, byEpc.GetProperty("items")[0].GetProperty("creatorId").GetGuid());
        Assert.Equal(1, byEpc.GetProperty("items")[0].GetProperty("rank").GetInt32());
        Assert.Equal(1, byEpc.GetProperty("nextOffset").GetInt32());
        var second = await ReadAsync($"/api/analytics/campaigns/{S.Campaign}/creators?sort=epc&limit=1&offset=1");
        Assert.Equal(S.Ana, second.GetProperty("items")[0].GetProperty("creatorId").GetGuid());
        Assert.Equal(2, second.GetProperty("items")[0].GetProperty("rank").GetInt32());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextOffset").ValueKind);
    }

    [Fact]
    public async Task The_leaderboard_leaves_out_creators_below_the_minimum_clicks()
    {
        var byDefault = await ReadAsync("/api/analytics/leaderboard");
        Assert.Equal("USD", byDefault.GetProperty("currency").GetString());
        Assert.Equal(10, byDefault.GetProperty("minClicks").GetInt64());
        Assert.Equal([S.Ana], Ids(byDefault)); // Ben has 4 unique clicks

        Assert.Equal([S.Ana, S.Ben], Ids(await ReadAsync("/api/analytics/leaderboard?minClicks=0&sort=roas")));
        Assert.Equal([S.Ben, S.Ana], Ids(await ReadAsync("/api/analytics/leaderboard?minClicks=0&sort=conversion_rate")));
        Assert.Equal([S.Ben, S.Ana], Ids(await ReadAsync("/api/analytics/leaderboard?minClicks=0&sort=epc")));
        Assert.Empty(Ids(await ReadAsync("/api/analytics/leaderboard?minClicks=0&currency=EUR")));
        Assert.Equal([S.Ben, S.Ana], Ids(await ReadAsync("/api/analytics/leaderboard?minClicks=0&from=2026-03-10&to=2026-03-10&sort=conversion_rate")));
    }

    [Fact]
    public async Task The_time_series_has_one_point_per_day_with_empty_days_as_zeros()
    {
        var series = await ReadAsync($"/api/analytics/campaigns/{S.Campaign}/timeseries?from=2026-03-09&to=2026-03-12");
        var days = series.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12"], days.Select(d => d.GetProperty("day").GetString()));
        Expect.Figures(days[0].GetProperty("metrics"), ("clicks", 0), ("revenue", 0m), ("roas", null));
        Expect.Figures(days[1].GetProperty("metrics"), ("clicks", 14), ("uniqueClicks", 11), ("conversions", 2), ("revenue", 180m), ("commission", 18m));
        Expect.Figures(days[2].GetProperty("metrics"), ("clicks", 5), ("conversions", 1), ("revenue", 50m), ("refunds", 30m), ("commission", 2m), ("fees", 20m));
        Expect.Figures(days[3].GetProperty("metrics"), ("clicks", 0));

        var unbounded = await ReadAsync($"/api/analytics/campaigns/{S.Campaign}/timeseries");
        Assert.Equal(2, unbounded.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_tier_comparison_matches_hand_computed_figures()
    {
        var tiers = (await ReadAsync("/api/analytics/tiers")).GetProperty("items").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tier").GetString()!);

        Assert.Equal(["emerging", "nano", "micro", "macro", "mega"], tiers.Keys);
        var micro = tiers["micro"]; // Ana and Cleo
        Assert.Equal(2, micro.GetProperty("creators").GetInt64());
        Assert.Equal(0.06m, micro.GetProperty("averageEngagementRate").GetDecimal());
        Expect.Figures(micro.GetProperty("metrics"), ("uniqueClicks", 12), ("conversions", 2), ("revenue", 150m), ("roas", 10m));
        Assert.Equal(6m, micro.GetProperty("uniqueClicksPerCreator").GetDecimal());
        Assert.Equal(1m, micro.GetProperty("conversionsPerCreator").GetDecimal());
        Assert.Equal(75m, micro.GetProperty("revenuePerCreator").GetDecimal());
        Assert.Equal(60m, micro.GetProperty("netRevenuePerCreator").GetDecimal());

        var nano = tiers["nano"]; // Ben
        Assert.Equal(1, nano.GetProperty("creators").GetInt64());
        Assert.Equal(0.03m, nano.GetProperty("averageEngagementRate").GetDecimal());
        Expect.Figures(nano.GetProperty("metrics"), ("uniqueClicks", 4), ("revenue", 80m), ("roas", 2.857143m));

        var mega = tiers["mega"]; // Max: known, no engagement, no figures
        Assert.Equal(1, mega.GetProperty("creators").GetInt64());
        Assert.Equal(JsonValueKind.Null, mega.GetProperty("averageEngagementRate").ValueKind);
        Assert.Equal(0m, mega.GetProperty("revenuePerCreator").GetDecimal());

        Assert.Equal(0, tiers["macro"].GetProperty("creators").GetInt64());
        Assert.Equal(JsonValueKind.Null, tiers["macro"].GetProperty("revenuePerCreator").ValueKind);
    }

    private static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("creatorId").GetGuid()).ToList();
}
