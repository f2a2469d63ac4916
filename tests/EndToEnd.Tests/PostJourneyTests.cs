using System.Text.Json;
using AmbassadorNet.TestKit.Waiting;

namespace EndToEnd.Tests;

/// <summary>
/// A post's own promo code and link, through the gateway, with figures worked out by hand. It shares the
/// journey's system, whose clock that test moves two days on; orders follow the services' clock. Dana's
/// plan is the journey's tiered one (10% for her 1st and 2nd order of the month, 15% from the 3rd):
///
/// | order | how                           | amount | rank | commission   | refund | reversed           |
/// |-------|-------------------------------|--------|------|--------------|--------|--------------------|
/// | P1    | the reel's promo code         | 120.00 | 1    | 10% → 12.00  | 20.00  | 12 × 20/120 = 2.00 |
/// | P2    | a click on the reel's link    |  60.00 | 2    | 10% →  6.00  |        |                    |
/// | D1    | Dana's own promo code         |  50.00 | 3    | 15% →  7.50  |        |                    |
///
/// The reel: 1 click, 2 orders, revenue 180.00, refunds 20.00, net 160.00, commission 12 + 6 − 2 =
/// 16.00, and a gift of 2 × 15.00 = 30.00 shipped for it: cost 46.00. Dana and the campaign: 3 orders, revenue 230.00, refunds 20.00, commission
/// 25.50 − 2.00 = 23.50, gifts 30.00; cost 53.50; ROAS 210 / 53.5 = 3.925234.
/// </summary>
public sealed partial class BrandJourneyTests
{
    [Fact]
    public async Task An_order_through_a_posts_code_counts_once_for_the_post_its_creator_and_its_campaign()
    {
        var brand = await Brand.BootstrapAsync(Http, system.Gateway, system.OperatorKey);
        var dana = await brand.ApplyAsync("Dana Reel", "danareels", followers: 40_000, likes: 1_600, comments: 400);
        await brand.Manager.SendAsync(HttpMethod.Post, $"/api/creators/{Id(dana)}/approve");
        var campaignId = await brand.LaunchTieredCampaignAsync();
        await brand.EnrollAsync(campaignId, Id(dana));
        var enrollment = Items(await brand.Manager.SendAsync(HttpMethod.Get, $"/api/campaigns/{campaignId}/enrollments")).Single();

        var reel = await brand.Manager.SendAsync(HttpMethod.Post, "/api/posts", new
        {
            enrollmentId = Id(enrollment), platform = "instagram", format = "reel", url = "https://www.instagram.com/reel/DanaBox01/?igsh=x",
            publishedAt = DateTimeOffset.UtcNow.AddHours(-3), language = "en", market = "US", caption = "My box #ad", paidPartnershipLabel = true, promoCode = true,
        });
        var reelCode = (await brand.ItemsOnceAsync($"/api/promo-codes?postId={Id(reel)}", 1)).Single().GetProperty("code").GetString()!;
        var reelLink = (await brand.ItemsOnceAsync($"/api/links?postId={Id(reel)}", 1)).Single().GetProperty("code").GetString()!;
        var danaCode = (await brand.ItemsOnceAsync("/api/promo-codes", 2)).Single(c => c.GetProperty("postId").ValueKind == JsonValueKind.Null).GetProperty("code").GetString()!;
        Assert.NotEqual(danaCode, reelCode);

        using var visitor = new Visitor(system.Gateway);
        var answeredBefore = await brand.ClicksAnsweredAsync();
        var click = await visitor.ClickAsync(reelLink, Visitor.Browser);
        await brand.ClicksStoredAsync(expected: answeredBefore + 1);
        // The services' time, which the journey's test may have moved on: an order two days before its click would not be the click's.
        var orderedAt = DateTimeOffset.UtcNow + system.ClockOffset - TimeSpan.FromSeconds(1);
        var p1 = await brand.OrderAsync("P1", 120.00m, orderedAt, promoCode: reelCode);
        var p2 = await brand.OrderAsync("P2", 60.00m, orderedAt, clickId: click.ClickId);
        var d1 = await brand.OrderAsync("D1", 50.00m, orderedAt, promoCode: danaCode);
        await brand.RefundAsync("P1", "P1-r1", 20.00m);
        var gift = await brand.Manager.SendAsync(HttpMethod.Post, "/api/gifts", new
        {
            enrollmentId = Id(enrollment), postId = Id(reel), product = "Spring box", sku = "SB-01", quantity = 2, unitValue = 15.00m,
        });
        await brand.Manager.SendAsync(HttpMethod.Post, $"/api/gifts/{Id(gift)}/ship");
        var delivered = await brand.Manager.SendAsync(HttpMethod.Post, $"/api/gifts/{Id(gift)}/deliver");

        Assert.Equal((Id(reel), Id(reel), JsonValueKind.Null), (p1.GetProperty("postId").GetGuid(), p2.GetProperty("postId").GetGuid(), d1.GetProperty("postId").ValueKind));
        Assert.Equal(([1, 2, 3]), new[] { p1, p2, d1 }.Select(o => o.GetProperty("rankInMonth").GetInt32()));

        var post = await brand.SettledAsync($"/api/analytics/posts/{Id(reel)}/summary",
            s => Figure(s, "refunds") == 20.00m && Figure(s, "gifts") == 30.00m && Figure(s, "commission") == 16.00m);
        Assert.Equal(
            (1m, 1m, 2m, 180.00m, 20.00m, 160.00m, 16.00m, 30.00m, 46.00m),
            (Figure(post, "clicks"), Figure(post, "uniqueClicks"), Figure(post, "conversions"), Figure(post, "revenue"), Figure(post, "refunds"),
                Figure(post, "netRevenue"), Figure(post, "commission"), Figure(post, "gifts"), Figure(post, "cost")));
        Assert.Equal(("instagram", "reel", campaignId), (post.GetProperty("platform").GetString(), post.GetProperty("format").GetString(), post.GetProperty("campaignId").GetGuid()));

        var summary = await brand.SettledAsync($"/api/analytics/campaigns/{campaignId}/summary", s => Metric(s, "commission") == 23.50m && Metric(s, "gifts") == 30.00m);
        Assert.Equal(
            (1m, 3m, 230.00m, 20.00m, 23.50m, 30.00m, 3.925234m),
            (Metric(summary, "clicks"), Metric(summary, "conversions"), Metric(summary, "revenue"), Metric(summary, "refunds"), Metric(summary, "commission"),
                Metric(summary, "gifts"), Metric(summary, "roas")));
        var creators = await brand.SettledAsync($"/api/analytics/campaigns/{campaignId}/creators", c => Items(c).Count() == 1);
        var row = Items(creators).Single();
        Assert.Equal((Id(dana), 3m, 230.00m, 20.00m), (row.GetProperty("creatorId").GetGuid(), Metric(row, "conversions"), Metric(row, "revenue"), Metric(row, "refunds")));

        var year = DateOnly.Parse(delivered.GetProperty("deliveredOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Year;
        var payee = await Eventually.UntilAsync(
            _ => brand.Finance.SendAsync(HttpMethod.Get, $"/api/ledger/payee-totals?year={year}"),
            t => Items(t).Any(p => p.GetProperty("gifts").GetDecimal() == 30.00m), "payouts to learn of the delivered gift");
        Assert.Equal(25.50m, Items(payee).Single().GetProperty("commission").GetDecimal()); // 12 + 6 + 7.50, before the 2.00 reversed

        await ContentReportsAsync(brand, campaignId, Id(reel), Id(enrollment));
    }

    private static decimal? Figure(JsonElement view, string name) =>
        view.GetProperty("figures").GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal() : null;
}
