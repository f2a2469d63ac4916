using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AmbassadorNet.Analytics;
using AmbassadorNet.Analytics.Domain.PaidAds;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Security;
using AmbassadorNet.TestKit.Waiting;
using static Analytics.Tests.Events;

namespace Analytics.Tests;

/// <summary>
/// Paid ads beside creators: the days a brand enters (JSON or CSV; the same day again replaces it),
/// and a campaign's creator content set beside its paid ads, every figure worked out by hand.
/// </summary>
public sealed class PaidAdsTests(AnalyticsService service) : IClassFixture<AnalyticsService>
{
    private static readonly DateOnly Day1 = new(2026, 6, 1);
    private static readonly DateOnly Day2 = new(2026, 6, 2);
    private static readonly DateOnly Day3 = new(2026, 6, 3);

    [Fact]
    public async Task Entering_a_day_again_replaces_it_and_the_same_figures_again_change_nothing()
    {
        var (brand, campaign) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        var first = await EnterOkAsync(brand, Day(campaign, "meta", Day1, 100m, 400, 4, 260m, 20_000), Day(campaign, "google", Day2, 80m, 120, 3, 150m));
        var corrected = await EnterOkAsync(brand, Day(campaign, "meta", Day1, 110.5m, 410, 5, 300m, null));
        var again = await EnterOkAsync(brand, Day(campaign, "meta", Day1, 110.5m, 410, 5, 300m, null));
        var list = await service.ReadAsync("/api/analytics/paid-ads", brand);

        Assert.Equal((2, 0), Counts(first));
        Assert.Equal((1, 0), Counts(corrected));
        Assert.Equal((0, 1), Counts(again));
        var meta = again.GetProperty("rows")[0];
        // The corrected figures, amounts with USD's 2 decimals; impressions left out this time, so none.
        Assert.Equal(("110.50", "300.00", 410L, 5L), (meta.GetProperty("spend").GetRawText(), meta.GetProperty("revenue").GetRawText(),
            meta.GetProperty("clicks").GetInt64(), meta.GetProperty("orders").GetInt64()));
        Assert.Equal(JsonValueKind.Null, meta.GetProperty("impressions").ValueKind);
        // Entered with the first request, changed by the second, untouched by the third.
        Assert.Equal(first.GetProperty("rows")[0].GetProperty("enteredAt").GetString(), meta.GetProperty("enteredAt").GetString());
        Assert.Equal(corrected.GetProperty("rows")[0].GetProperty("updatedAt").GetString(), meta.GetProperty("updatedAt").GetString());
        Assert.NotEqual(meta.GetProperty("enteredAt").GetString(), meta.GetProperty("updatedAt").GetString());
        // Two days stored, newest first.
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal([("google", "2026-06-02"), ("meta", "2026-06-01")], list.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("channel").GetString(), i.GetProperty("day").GetString())));
        Assert.Equal(meta.GetRawText(), list.GetProperty("items")[1].GetRawText());
    }

    [Fact]
    public async Task Every_bad_field_is_named_and_nothing_is_stored()
    {
        var (brand, campaign) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

        using var response = await EnterAsync(brand, Roles.Manager,
            Day(campaign, "meta", Day1, 10m, 1, 1, 10m), // good, but not stored with the others
            new { campaignId = Guid.Empty, channel = "Meta Ads", day = tomorrow, currency = "usd", spend = -1m, impressions = -5, clicks = (long?)null, orders = -1, revenue = 10m },
            Day(campaign, "google", Day1, 10.001m, 1, 1, 0.5m) with { Currency = "JPY" }, // JPY has no minor unit
            Day(campaign, "meta", Day1, 12m, 1, 1, 10m)); // the first row's day again
        using var empty = await EnterAsync(brand, Roles.Manager);
        var stored = await service.ReadAsync("/api/analytics/paid-ads", brand);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["rows[1].campaignId", "rows[1].channel", "rows[1].clicks", "rows[1].currency", "rows[1].day", "rows[1].impressions", "rows[1].orders", "rows[1].spend",
             "rows[2].revenue", "rows[2].spend", "rows[3].day"],
            await ErrorFieldsAsync(response));
        Assert.Equal(["rows"], await ErrorFieldsAsync(empty));
        Assert.Equal(0, stored.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_currency_other_than_the_campaigns_is_refused()
    {
        var (brand, known, unknown) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAsync(Campaign(brand, known, currency: "USD"));
        await Eventually.UntilAsync(async _ => (await service.GetAsync($"/api/analytics/campaigns/{known}/summary", brand)).IsSuccessStatusCode, "the campaign known");
        await EnterOkAsync(brand, Day(unknown, "meta", Day1, 10m, 1, 1, 10m) with { Currency = "EUR" });

        using var known1 = await EnterAsync(brand, Roles.Manager, Day(known, "meta", Day1, 10m, 1, 1, 10m) with { Currency = "EUR" });
        using var unknown1 = await EnterAsync(brand, Roles.Manager, Day(unknown, "google", Day1, 10m, 1, 1, 10m));
        using var mixed = await EnterAsync(brand, Roles.Manager, Day(Guid.CreateVersion7(), "meta", Day1, 1m, 1, 1, 1m),
            Day(Guid.CreateVersion7(), "meta", Day1, 1m, 1, 1, 1m) with { Currency = "EUR" });
        // The only EUR day of the campaign entered again in USD: nothing else of the campaign is in EUR, so this corrects it.
        var corrected = await EnterOkAsync(brand, Day(unknown, "meta", Day1, 10m, 1, 1, 10m));

        Assert.Equal(["rows[0].currency"], await ErrorFieldsAsync(known1));
        Assert.Contains("USD, the campaign's currency", await FirstErrorAsync(known1), StringComparison.Ordinal);
        Assert.Equal(["rows[0].currency"], await ErrorFieldsAsync(unknown1));
        Assert.Contains("EUR, the currency of the campaign's other paid-ad days", await FirstErrorAsync(unknown1), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode); // two campaigns, one currency each
        Assert.Equal("USD", corrected.GetProperty("rows")[0].GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    [InlineData(Roles.Manager, HttpStatusCode.OK)]
    [InlineData(Roles.Finance, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Analyst, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Partner, HttpStatusCode.Forbidden)]
    public async Task Paid_ads_are_entered_by_admins_and_managers_only(string role, HttpStatusCode expected)
    {
        var brand = Guid.CreateVersion7();

        using var put = await EnterAsync(brand, role, Day(Guid.CreateVersion7(), "meta", Day1, 1m, 1, 1, 1m));
        using var import = await ImportAsync(brand, "campaignId,channel,day,currency,spend,clicks,orders,revenue\n" +
            $"{Guid.CreateVersion7()},meta,2026-06-01,USD,1,1,1,1\n", "partial", role);

        Assert.Equal(expected, put.StatusCode);
        Assert.Equal(expected, import.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 2 : 0, (await service.ReadAsync("/api/analytics/paid-ads", brand)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_file_with_a_bad_row_is_refused_whole_by_default_and_its_good_rows_are_stored_in_partial_mode()
    {
        var (brand, campaign) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var csv = string.Join("\n",
            "campaignId,channel,day,currency,spend,impressions,clicks,orders,revenue",
            $"{campaign},meta,2026-06-01,USD,100.00,20000,400,4,260.00",
            $"{campaign},google,2026-06-01,USD,80,,120,3,150",
            $"{campaign},Meta,2026-06-02,USD,\"12,50\",lots,1,1,1",
            $"{campaign},google,2026-06-01,USD,81,,120,3,150") + "\n"; // line 3's day again

        using var refused = await ImportAsync(brand, csv, null);
        var nothing = await service.ReadAsync("/api/analytics/paid-ads", brand);
        using var partial = await ImportAsync(brand, csv, "partial");
        using var again = await ImportAsync(brand, csv, "partial");
        var stored = await service.ReadAsync("/api/analytics/paid-ads", brand);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(["file"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal([(2, "valid"), (3, "valid"), (4, "rejected"), (5, "rejected")], Statuses(problem));
        Assert.Equal(["channel", "impressions", "spend"], Errors(problem.GetProperty("rows")[2]));
        Assert.Equal(["day"], Errors(problem.GetProperty("rows")[3]));
        Assert.Contains("Line 3 already enters", problem.GetProperty("rows")[3].GetProperty("errors").GetProperty("day")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, nothing.GetProperty("total").GetInt32());

        var report = await partial.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal([(2, "recorded"), (3, "recorded"), (4, "rejected"), (5, "rejected")], Statuses(report));
        Assert.Equal((2, 0, 2), (report.GetProperty("recorded").GetInt32(), report.GetProperty("unchanged").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((0, 2), (repeated.GetProperty("recorded").GetInt32(), repeated.GetProperty("unchanged").GetInt32()));
        Assert.Equal(2, stored.GetProperty("total").GetInt32());
        var google = stored.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("channel").GetString() == "google");
        Assert.Equal(("80.00", JsonValueKind.Null), (google.GetProperty("spend").GetRawText(), google.GetProperty("impressions").ValueKind));
    }

    [Fact]
    public async Task Creator_content_stands_beside_paid_ads_in_total_and_per_channel_with_every_figure_worked_out_by_hand()
    {
        var w = await PublishWorldAsync();
        var range = $"from={Day1:yyyy-MM-dd}&to={Day2:yyyy-MM-dd}";

        var report = await service.SettledAsync($"/api/analytics/campaigns/{w.Campaign}/content-vs-paid?{range}", w.Brand);
        var byCampaign = await service.ReadAsync($"/api/analytics/content/by/campaign?campaignId={w.Campaign}&{range}", w.Brand);
        var rows = report.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(("Spring Box", "USD"), (report.GetProperty("name").GetString(), report.GetProperty("currency").GetString()));
        Assert.Equal([("creator_content", null), ("paid_ads_total", null), ("paid_ads_channel", "google"), ("paid_ads_channel", "meta"), ("paid_ads_channel", "tiktok_ads")],
            rows.Select(r => (r.GetProperty("source").GetString(), r.GetProperty("channel").GetString())));
        // Creators: P1 and P2 published in the range; views 4,000 + 1,000 = 5,000; 200 + 50 unique clicks; orders 100 + 50 + 30 = 180,
        // 50 refunded, net 130; cost = fee 40 + commission (10 + 5 + 3 − 5) + gift 20 = 73; cost per order 73 / 3 = 24.3333;
        // ROAS 130 / 73 = 1.780822; per thousand views 180 / 5,000 × 1,000 = 36.
        Expect.Figures(rows[0],
            ("posts", 2), ("views", 5000), ("impressions", null), ("clicks", 250), ("orders", 3), ("revenue", 180m), ("netRevenue", 130m),
            ("cost", 73m), ("costPerOrder", 24.3333m), ("costPerClick", null), ("roas", 1.780822m), ("revenuePerThousandViews", 36m),
            ("revenuePerThousandImpressions", null));
        // The same numbers as the content report by campaign.
        var content = byCampaign.GetProperty("items")[0].GetProperty("figures");
        Expect.Figures(rows[0], ("posts", content.GetProperty("posts").GetDecimal()), ("views", content.GetProperty("views").GetDecimal()),
            ("clicks", content.GetProperty("uniqueClicks").GetDecimal()), ("orders", content.GetProperty("conversions").GetDecimal()),
            ("revenue", content.GetProperty("revenue").GetDecimal()), ("netRevenue", content.GetProperty("netRevenue").GetDecimal()),
            ("cost", content.GetProperty("cost").GetDecimal()), ("costPerOrder", content.GetProperty("costPerOrder").GetDecimal()),
            ("roas", content.GetProperty("roas").GetDecimal()), ("revenuePerThousandViews", content.GetProperty("revenuePerThousandViews").GetDecimal()));
        // meta (Day3's 999 is outside the range): spend 100 + 50.50 = 150.50, impressions 20,000 + 10,000, clicks 400 + 150, orders 4 + 2,
        // revenue 260 + 99.90 = 359.90; cost per order 150.50 / 6 = 25.0833; per click 150.50 / 550 = 0.2736; ROAS 359.90 / 150.50 = 2.391362;
        // per thousand impressions 359.90 / 30,000 × 1,000 = 11.9967.
        Expect.Figures(rows[3],
            ("posts", null), ("views", null), ("impressions", 30_000), ("clicks", 550), ("orders", 6), ("revenue", 359.90m), ("netRevenue", null),
            ("cost", 150.50m), ("costPerOrder", 25.0833m), ("costPerClick", 0.2736m), ("roas", 2.391362m), ("revenuePerThousandImpressions", 11.9967m));
        // google: spend 80 + 40 = 120, impressions only on Day2 (5,000), clicks 180, orders 4, revenue 150 + 45 = 195; cost per order 30,
        // per click 120 / 180 = 0.6667, ROAS 195 / 120 = 1.625; per thousand impressions over Day2 only: 45 / 5,000 × 1,000 = 9.
        Expect.Figures(rows[2],
            ("impressions", 5_000), ("clicks", 180), ("orders", 4), ("revenue", 195m), ("cost", 120m), ("costPerOrder", 30m),
            ("costPerClick", 0.6667m), ("roas", 1.625m), ("revenuePerThousandImpressions", 9m));
        // tiktok_ads: no impressions reported and no order: spend 10, 20 clicks (0.5 each), ROAS 0 / 10 = 0.
        Expect.Figures(rows[4],
            ("impressions", null), ("clicks", 20), ("orders", 0), ("revenue", 0m), ("cost", 10m), ("costPerOrder", null), ("costPerClick", 0.5m),
            ("roas", 0m), ("revenuePerThousandImpressions", null));
        // In total: spend 150.50 + 120 + 10 = 280.50, impressions 35,000, clicks 750, orders 10, revenue 554.90; cost per order 28.05;
        // per click 280.50 / 750 = 0.374; ROAS 554.90 / 280.50 = 1.978253; per thousand impressions over the days that have them:
        // (359.90 + 45) / 35,000 × 1,000 = 11.5686.
        Expect.Figures(rows[1],
            ("impressions", 35_000), ("clicks", 750), ("orders", 10), ("revenue", 554.90m), ("cost", 280.50m), ("costPerOrder", 28.05m),
            ("costPerClick", 0.374m), ("roas", 1.978253m), ("revenuePerThousandImpressions", 11.5686m));
        Assert.Equal("280.50", rows[1].GetProperty("cost").GetRawText());
    }

    [Fact]
    public async Task The_csv_exports_equal_their_json()
    {
        var w = await PublishWorldAsync();
        var range = $"from={Day1:yyyy-MM-dd}&to={Day2:yyyy-MM-dd}";
        await service.SettledAsync($"/api/analytics/campaigns/{w.Campaign}/content-vs-paid?{range}", w.Brand);

        foreach (var (view, path) in new[]
                 {
                     ("content_vs_paid", $"campaigns/{w.Campaign}/content-vs-paid?{range}&campaignId={w.Campaign}"),
                     ("paid_ads", $"paid-ads?campaignId={w.Campaign}&channel=meta"),
                     ("paid_ads", $"paid-ads?{range}&offset=1&limit=2"),
                 })
        {
            var json = (await service.ReadAsync($"/api/analytics/{path}", w.Brand)).GetProperty("items").EnumerateArray().ToList();
            var query = path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..];
            using var response = await service.GetAsync($"/api/analytics/export.csv?view={view}&{query}", w.Brand);
            var csv = CsvText.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(json);
            Assert.Equal(json.Count + 1, csv.Count);
            for (var i = 0; i < json.Count; i++)
            {
                Assert.Equal(json[i].EnumerateObject().Select(p => p.Name), csv[0]);
                Assert.Equal(json[i].EnumerateObject().Select(p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => "",
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                }), csv[i + 1]);
            }
        }
    }

    [Fact]
    public async Task A_campaign_the_brand_knows_nothing_of_is_404_and_one_known_only_by_its_paid_ads_is_reported()
    {
        var (brand, campaign) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await EnterOkAsync(brand, Day(campaign, "meta", Day1, 10m, 5, 1, 30m) with { Currency = "EUR" });

        using var unknown = await service.GetAsync($"/api/analytics/campaigns/{Guid.CreateVersion7()}/content-vs-paid", brand);
        var onlyPaid = await service.ReadAsync($"/api/analytics/campaigns/{campaign}/content-vs-paid", brand);
        using var otherBrand = await service.GetAsync($"/api/analytics/campaigns/{campaign}/content-vs-paid", Guid.CreateVersion7());

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherBrand.StatusCode);
        Assert.Equal("EUR", onlyPaid.GetProperty("currency").GetString());
        // No posts: creator content is all zeros; paid ads: ROAS 30 / 10 = 3.
        Expect.Figures(onlyPaid.GetProperty("items")[0], ("posts", 0), ("cost", 0m), ("roas", null));
        Expect.Figures(onlyPaid.GetProperty("items")[1], ("cost", 10m), ("revenue", 30m), ("roas", 3m), ("costPerOrder", 10m));
    }

    [Fact]
    public void A_zero_denominator_gives_null_and_per_unit_figures_keep_four_decimals()
    {
        var nothing = PaidAdFigures.Of(PaidAdTotals.Zero, "USD");
        // JPY: 1,000 spent on 3 clicks and 3 orders = 333.3333 each; 1,001 back = ROAS 1.001; 1,001 / 7 impressions × 1,000 = 143,000.
        var yen = PaidAdFigures.Of(new PaidAdTotals(1000m, 7, 3, 3, 1001m, 1001m), "JPY");
        // Only half the revenue came on days with impressions: 50 / 0 impressions has no rate.
        var noImpressions = PaidAdFigures.Of(new PaidAdTotals(10m, 0, 1, 1, 100m, 50m), "USD");

        Assert.Equal((null, null, null, null, null), (nothing.CostPerOrder, nothing.CostPerClick, nothing.Roas, nothing.RevenuePerThousandImpressions, nothing.Impressions));
        Assert.Equal((333.3333m, 333.3333m, 1.001m, 143_000m), (yen.CostPerOrder, yen.CostPerClick, yen.Roas, yen.RevenuePerThousandImpressions));
        Assert.Equal((0L, null, 10m), (noImpressions.Impressions, noImpressions.RevenuePerThousandImpressions, noImpressions.Roas));
        Assert.Equal(new PaidAdTotals(10m, 7, 4, 4, 101m, 51m), new PaidAdTotals(10m, null, 1, 1, 100m, 50m) with { Spend = 0m } + new PaidAdTotals(10m, 7, 3, 3, 1m, 1m));
    }

    private sealed record World(Guid Brand, Guid Campaign);

    /// <summary>A USD campaign with two posts of Jane's and paid ads on meta, google and tiktok_ads.</summary>
    private async Task<World> PublishWorldAsync()
    {
        var w = new World(Guid.CreateVersion7(), Guid.CreateVersion7());
        var (jane, p1, p2) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var (o1, o2, o3) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await service.PublishAllAsync([
            Campaign(w.Brand, w.Campaign),
            Creator(w.Brand, jane, "micro", 0.05m),
            Recorded(w.Brand, p1, w.Campaign, jane, "instagram", "reel", "DE", Day1, 10_000),
            Recorded(w.Brand, p2, w.Campaign, jane, "tiktok", "short_video", "DE", Day2, 8_000),
            Snapshot(w, p1, Day1, new(4000, 3000, 100, 10, 5, 5)),
            Snapshot(w, p2, Day2, new(1000, 900, 20, 2, 1, 1)),
            Clicks(w.Brand, Repeat(200, _ => Click(w.Campaign, jane, At(Day1)) with { PostId = p1 }),
                Repeat(50, _ => Click(w.Campaign, jane, At(Day2)) with { PostId = p2 })),
            Attributed(w.Brand, o1, w.Campaign, jane, 100m, At(Day1)) with { PostId = p1 },
            Attributed(w.Brand, o2, w.Campaign, jane, 50m, At(Day1)) with { PostId = p1 },
            Attributed(w.Brand, o3, w.Campaign, jane, 30m, At(Day2)) with { PostId = p2 },
            Refunded(w.Brand, o2, "r-1", w.Campaign, jane, 50m, 50m, 50m, At(Day2)) with { PostId = p1 },
            Accrued(w.Brand, o1, w.Campaign, jane, 10m, At(Day1)) with { PostId = p1 },
            Accrued(w.Brand, o2, w.Campaign, jane, 5m, At(Day1)) with { PostId = p1 },
            Accrued(w.Brand, o3, w.Campaign, jane, 3m, At(Day2)) with { PostId = p2 },
            CommissionReversed(w.Brand, o2, "r-1", w.Campaign, jane, 5m, At(Day2)) with { PostId = p1 },
            Fee(w.Brand, w.Campaign, jane, 40m, At(Day1)) with { PostId = p1 },
            Gift(w.Brand, w.Campaign, jane, p2, 20m, Day2),
        ]);
        await EnterOkAsync(w.Brand,
            Day(w.Campaign, "meta", Day1, 100.00m, 400, 4, 260.00m, 20_000),
            Day(w.Campaign, "meta", Day2, 50.50m, 150, 2, 99.90m, 10_000),
            Day(w.Campaign, "meta", Day3, 999m, 1, 1, 1m, 1),
            Day(w.Campaign, "google", Day1, 80m, 120, 3, 150m),
            Day(w.Campaign, "google", Day2, 40m, 60, 1, 45m, 5_000),
            Day(w.Campaign, "tiktok_ads", Day1, 10m, 20, 0, 0m));
        return w;
    }

    private static PostMetricsRecorded Snapshot(World w, Guid post, DateOnly day, PostMetricCounts counts) =>
        new(w.Brand, At(day, 20), post, Guid.NewGuid(), w.Campaign, Guid.NewGuid(), day, At(day, 20), counts);

    private sealed record DayBody(
        Guid CampaignId, string Channel, DateOnly Day, string Currency, decimal Spend, long? Impressions, long Clicks, long Orders, decimal Revenue);

    private static DayBody Day(Guid campaign, string channel, DateOnly day, decimal spend, long clicks, long orders, decimal revenue, long? impressions = null) =>
        new(campaign, channel, day, "USD", spend, impressions, clicks, orders, revenue);

    private Task<HttpResponseMessage> EnterAsync(Guid brand, string role, params object[] rows) =>
        service.SendAsync(HttpMethod.Put, "/api/analytics/paid-ads", brand, new { rows }, role);

    private async Task<JsonElement> EnterOkAsync(Guid brand, params object[] rows)
    {
        using var response = await EnterAsync(brand, Roles.Manager, rows);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<HttpResponseMessage> ImportAsync(Guid brand, string csv, string? mode, string role = Roles.Manager)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/analytics/paid-ads/import" + (mode is null ? "" : $"?mode={mode}"))
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new("Bearer", service.Tokens.Mint(InternalToken.AudienceFor(AnalyticsApp.Name), brand, [role]));
        return service.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static (int Recorded, int Unchanged) Counts(JsonElement entered) => (entered.GetProperty("recorded").GetInt32(), entered.GetProperty("unchanged").GetInt32());

    private static List<(int, string?)> Statuses(JsonElement report) =>
        [.. report.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("status").GetString()))];

    private static List<string> Errors(JsonElement row) => [.. row.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)];
    }

    private static async Task<string> FirstErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("errors").EnumerateObject().First().Value[0].GetString()!;
}
