using System.Globalization;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>
/// The post journey's content reports, paid ads and an experiment, through the gateway with each
/// team's key. The reel's figures are the post journey's (worked out there): 2 orders, revenue 180.00,
/// refunds 20.00, cost 46.00.
/// </summary>
public sealed partial class BrandJourneyTests
{
    private static async Task ContentReportsAsync(Brand brand, Guid campaignId, Guid reelId, Guid enrollmentId)
    {
        // By format: the reel is the campaign's only post. Cost per order 46 / 2 = 23; ROAS (180 − 20) / 46 = 3.478261.
        var formats = await brand.SettledAsync($"/api/analytics/content/by/format?campaignId={campaignId}",
            f => Items(f).Any(r => Figure(r, "cost") == 46.00m && Figure(r, "refunds") == 20.00m));
        var reel = Items(formats).Single();
        Assert.Equal("reel", reel.GetProperty("key").GetString());
        Assert.Equal((1m, 2m, 180.00m, 46.00m, 23.0000m, 3.478261m),
            (Figure(reel, "posts"), Figure(reel, "conversions"), Figure(reel, "revenue"), Figure(reel, "cost"), Figure(reel, "costPerOrder"), Figure(reel, "roas")));
        var posts = await brand.Analyst.SendAsync(HttpMethod.Get, $"/api/analytics/content/posts?campaignId={campaignId}");
        Assert.Equal([reelId], Items(posts).Select(p => p.GetProperty("postId").GetGuid()));

        // Paid ads the manager enters: spend 100.00 for 4 orders and 300.00 of revenue, 20,000 impressions:
        // cost per order 25, ROAS 3, revenue per thousand impressions 300 / 20,000 × 1,000 = 15.
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await brand.Manager.SendAsync(HttpMethod.Put, "/api/analytics/paid-ads", new
        {
            rows = new[] { new { campaignId, channel = "meta", day = today, currency = "USD", spend = 100.00m, impressions = 20_000, clicks = 400, orders = 4, revenue = 300.00m } },
        });
        var compared = await brand.Analyst.SendAsync(HttpMethod.Get, $"/api/analytics/campaigns/{campaignId}/content-vs-paid");
        var rows = Items(compared).ToDictionary(r => r.GetProperty("source").GetString() + "/" + r.GetProperty("channel").GetString());
        Assert.Equal((180.00m, 46.00m), (rows["creator_content/"].GetProperty("revenue").GetDecimal(), rows["creator_content/"].GetProperty("cost").GetDecimal()));
        Assert.Equal((25.0000m, 3.000000m, 15.0000m), (rows["paid_ads_channel/meta"].GetProperty("costPerOrder").GetDecimal(),
            rows["paid_ads_channel/meta"].GetProperty("roas").GetDecimal(), rows["paid_ads_channel/meta"].GetProperty("revenuePerThousandImpressions").GetDecimal()));

        // An experiment: declared by the manager, a story recorded into it, ended; analytics reports it (too little data to judge).
        var experiment = await brand.Manager.SendAsync(HttpMethod.Post, "/api/experiments", new
        {
            campaignId, name = "Reels or stories?", control = "story", variants = new[] { new { key = "story", name = "Stories" }, new { key = "reel", name = "Reels" } },
        });
        var experimentId = experiment.GetProperty("id").GetGuid();
        await brand.Manager.SendAsync(HttpMethod.Post, "/api/posts", new
        {
            enrollmentId, platform = "instagram", format = "story", url = "https://www.instagram.com/stories/danareels/3300000000000000001/",
            publishedAt = DateTimeOffset.UtcNow.AddHours(-1), language = "en", market = "US", experimentId, variant = "story",
        });
        await brand.Manager.SendAsync(HttpMethod.Post, $"/api/experiments/{experimentId}/end");
        var report = await brand.SettledAsync($"/api/analytics/experiments/{experimentId}/report",
            r => r.GetProperty("status").GetString() == "ended" && r.GetProperty("variants")[0].GetProperty("posts").GetInt32() == 1);
        Assert.Equal(["control", "not_enough_data"], report.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("comparison").GetString()));
        Assert.StartsWith("Not enough data", report.GetProperty("conclusion").GetString(), StringComparison.Ordinal);
    }
}
