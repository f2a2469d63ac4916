using System.Net;
using AmbassadorNet.Contracts;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Contracts.Tracking;
using static Analytics.Tests.Events;

namespace Analytics.Tests;

/// <summary>A post's figures: only what its own link and code brought, always part of its creator's and campaign's.</summary>
public sealed class PostFigureTests(AnalyticsService service) : IClassFixture<AnalyticsService>
{
    private static readonly DateOnly Day1 = new(2026, 5, 4);
    private static readonly DateOnly Day2 = new(2026, 5, 5);

    [Fact]
    public async Task Orders_and_clicks_through_a_post_count_for_the_post_its_creator_and_its_campaign_once_each()
    {
        var (brand, campaign, jane, post) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var viaPost = Guid.CreateVersion7();
        var attributedViaPost = Attributed(brand, viaPost, campaign, jane, 80m, At(Day1)) with { PostId = post };
        var refundViaPost = Refunded(brand, viaPost, "r-1", campaign, jane, 30m, 30m, 80m, At(Day2)) with { PostId = post };
        await service.PublishAllAsync([
            Campaign(brand, campaign),
            Recorded(brand, post, campaign, jane),
            Recorded(brand, post, campaign, jane), // a duplicate changes nothing
            Stale(Recorded(brand, post, campaign, jane)), // nor does an older version (its platform would show)
            Clicks(brand, Repeat(3, _ => PostClick(campaign, jane, post, At(Day1))), [PostClick(campaign, jane, post, At(Day1)) with { IsBot = true }],
                Repeat(2, _ => Click(campaign, jane, At(Day1)))),
            attributedViaPost,
            attributedViaPost, // the same fact again (a redelivery under a new message id)
            Attributed(brand, Guid.CreateVersion7(), campaign, jane, 20m, At(Day1)), // the creator's own code: not the post's
            refundViaPost,
        ]);

        var postSummary = await service.SettledAsync($"/api/analytics/posts/{post}/summary", brand);
        var day2Only = await service.ReadAsync($"/api/analytics/posts/{post}/summary?from=2026-05-05&to=2026-05-05", brand);
        var campaignSummary = await service.ReadAsync($"/api/analytics/campaigns/{campaign}/summary", brand);
        var creators = await service.ReadAsync($"/api/analytics/campaigns/{campaign}/creators", brand);

        // The post: 4 clicks (3 unique, 1 bot), 1 order of 80.00, 30.00 refunded on day 2.
        Assert.Equal(("instagram", "reel", "DE", "USD"), (postSummary.GetProperty("platform").GetString(), postSummary.GetProperty("format").GetString(), postSummary.GetProperty("market").GetString(), postSummary.GetProperty("currency").GetString()));
        Expect.Figures(postSummary.GetProperty("figures"),
            ("clicks", 4), ("uniqueClicks", 3), ("botClicks", 1), ("conversions", 1), ("revenue", 80m), ("refunds", 30m), ("netRevenue", 50m),
            ("conversionRate", 0.333333m), ("averageOrderValue", 80m));
        Expect.Figures(day2Only.GetProperty("figures"), ("clicks", 0), ("conversions", 0), ("revenue", 0m), ("refunds", 30m), ("netRevenue", -30m));
        // The creator and the campaign: the post's figures plus the creator's own 2 clicks and the 20.00 order.
        Expect.Figures(campaignSummary.GetProperty("metrics"), ("clicks", 6), ("uniqueClicks", 5), ("conversions", 2), ("revenue", 100m), ("refunds", 30m));
        Expect.Figures(creators.GetProperty("items")[0].GetProperty("metrics"), ("clicks", 6), ("conversions", 2), ("revenue", 100m), ("netRevenue", 70m));
    }

    [Fact]
    public async Task A_shipped_gift_counts_once_in_its_campaigns_creators_and_posts_cost_on_the_day_shipped()
    {
        var (brand, campaign, jane, post) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var gift = Shipped(brand, campaign, jane, post, quantity: 2, unitValue: 12.50m, on: Day1);
        await service.PublishAllAsync([
            Campaign(brand, campaign),
            Recorded(brand, post, campaign, jane),
            Attributed(brand, Guid.CreateVersion7(), campaign, jane, 100m, At(Day1)) with { PostId = post },
            Accrued(brand, Guid.CreateVersion7(), campaign, jane, 10m, At(Day1)) with { PostId = post },
            gift,
            gift, // again under a new message id: counted once
            Shipped(brand, campaign, jane, null, quantity: 1, unitValue: 5m, on: Day2),
        ]);

        var summary = await service.SettledAsync($"/api/analytics/campaigns/{campaign}/summary", brand);
        var day1 = await service.ReadAsync($"/api/analytics/campaigns/{campaign}/summary?from=2026-05-04&to=2026-05-04", brand);
        var postSummary = await service.ReadAsync($"/api/analytics/posts/{post}/summary", brand);

        // Cost = commission 10 + gifts 2 × 12.50 + 5 = 40; ROAS = net revenue 100 / 40 = 2.5. Budget spend stays the cash: 10.
        Expect.Figures(summary.GetProperty("metrics"), ("gifts", 30m), ("commission", 10m), ("roas", 2.5m), ("costPerAcquisition", 40m));
        Expect.Figures(day1.GetProperty("metrics"), ("gifts", 25m));
        Assert.Equal(10m, summary.GetProperty("budgetConsumed").GetDecimal());
        // The post: commission 10 + its gift 25 = cost 35; ROAS 100 / 35.
        Expect.Figures(postSummary.GetProperty("figures"), ("gifts", 25m), ("revenue", 100m), ("commission", 10m), ("cost", 35m), ("roas", 2.857143m));
    }

    [Fact]
    public async Task A_post_nobody_has_heard_of_is_not_found_and_a_bad_range_is_named()
    {
        var brand = Guid.CreateVersion7();
        using var unknown = await service.SendAsync(HttpMethod.Get, $"/api/analytics/posts/{Guid.CreateVersion7()}/summary", brand);
        using var badRange = await service.SendAsync(HttpMethod.Get, $"/api/analytics/posts/{Guid.CreateVersion7()}/summary?from=2026-05-06&to=2026-05-01", brand);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
    }

    private static GiftShipped Shipped(Guid brand, Guid campaign, Guid creator, Guid? post, int quantity, decimal unitValue, DateOnly on)
    {
        var gift = Guid.CreateVersion7();
        return new GiftShipped(brand, At(on), gift, 2, new GiftState(
            gift, Guid.NewGuid(), campaign, creator, post, "Vegan box", "VB-01", quantity, new MoneyAmount(unitValue, "USD"),
            new MoneyAmount(quantity * unitValue, "USD"), "shipped", on, null));
    }

    private static PostRecorded Stale(PostRecorded recorded) => recorded with { Version = 0, Post = recorded.Post with { Platform = "tiktok", Format = "short_video" } };

    private static RecordedClick PostClick(Guid campaign, Guid creator, Guid post, DateTimeOffset at) => Click(campaign, creator, at) with { PostId = post };

    private static PostRecorded Recorded(Guid brand, Guid post, Guid campaign, Guid creator) =>
        new(brand, DateTimeOffset.UtcNow, post, 1, new PostState(
            post, Guid.NewGuid(), campaign, creator, null, "instagram", "reel", "https://www.instagram.com/reel/abc", At(Day1, 9), "de", "DE", null, true, 12_000),
            true, true);
}
