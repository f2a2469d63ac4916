using AmbassadorNet.Contracts;
using AmbassadorNet.Contracts.Campaigns;
using AmbassadorNet.Contracts.Creators;
using AmbassadorNet.Contracts.Payouts;
using AmbassadorNet.Contracts.Tracking;

namespace Analytics.Tests;

/// <summary>Other services' events as analytics receives them.</summary>
public static class Events
{
    public static DateTimeOffset At(DateOnly day, int hour = 12) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    public static CampaignLaunched Campaign(Guid brand, Guid campaignId, string name = "Spring Box", string currency = "USD", decimal? budget = 1000m, long version = 2) =>
        new(brand, DateTimeOffset.UtcNow, campaignId, version, new CampaignState(campaignId, name, "sales", "active", null, null,
            budget is null ? null : new MoneyAmount(budget.Value, currency),
            new CampaignTerms(1, DateTimeOffset.UtcNow, currency, 30, 30, new CommissionPlan("percent", 10m, null, []),
                "https://shop.example.com", ["example.com"], null, null)));

    public static CampaignUpdated CampaignUpdated(Guid brand, Guid campaignId, string name, decimal? budget, long version, string currency = "USD") =>
        new(brand, DateTimeOffset.UtcNow, campaignId, version, Campaign(brand, campaignId, name, currency, budget).Campaign);

    public static CreatorApproved Creator(Guid brand, Guid creatorId, string tier, decimal? engagement, string name = "Jane", long version = 3, string handle = "@jane") =>
        new(brand, DateTimeOffset.UtcNow, creatorId, version, new CreatorState(creatorId, name, "US", ["food"], "approved", tier, 5_000, engagement,
            [new SocialAccountState("instagram", handle, null, 5_000, engagement, DateTimeOffset.UtcNow)]));

    public static RecordedClick Click(Guid campaignId, Guid creatorId, DateTimeOffset at, bool bot = false, bool duplicate = false) =>
        new(Guid.CreateVersion7(), Guid.NewGuid(), Guid.NewGuid(), campaignId, creatorId, at, bot, duplicate, true);

    /// <summary>
    /// A batch of clicks as tracking announces it: counted per link and UTC day, one link per
    /// (campaign, creator, post) as an enrollment's or a post's link would be.
    /// </summary>
    public static ClicksCounted Clicks(Guid brand, params IEnumerable<RecordedClick>[] clicks) =>
        new(brand, DateTimeOffset.UtcNow, Guid.CreateVersion7(), [.. clicks.SelectMany(c => c)
            .GroupBy(c => (c.CampaignId, c.CreatorId, c.PostId, Day: DateOnly.FromDateTime(c.ClickedAt.UtcDateTime)))
            .Select(g => new ClickCount(Guid.NewGuid(), Guid.NewGuid(), g.Key.CampaignId, g.Key.CreatorId, g.Key.Day,
                g.Count(), g.Count(c => !c.IsBot && !c.IsDuplicate), g.Count(c => c.IsBot), g.Count(c => c.IsDuplicate), g.Count(c => c.IsAttributable),
                g.Min(c => c.ClickedAt), g.Max(c => c.ClickedAt), g.Key.PostId))]);

    /// <summary>The same batch as the retired per-click event listed it, as one published before the upgrade would be re-published.</summary>
    public static ClicksRecorded RetiredClicks(Guid brand, params IEnumerable<RecordedClick>[] clicks) =>
        new(brand, DateTimeOffset.UtcNow, Guid.CreateVersion7(), clicks.SelectMany(c => c).ToList());

    public static IEnumerable<RecordedClick> Repeat(int count, Func<int, RecordedClick> click) => Enumerable.Range(0, count).Select(click);

    public static ConversionAttributed Attributed(Guid brand, Guid conversionId, Guid campaignId, Guid creatorId, decimal amount, DateTimeOffset orderedAt, string currency = "USD") =>
        new(brand, orderedAt.AddMinutes(1), conversionId, $"order-{conversionId:N}", Guid.NewGuid(), campaignId, creatorId, new MoneyAmount(amount, currency),
            "click", null, null, null, orderedAt, 1, null, []);

    public static ConversionReversed Refunded(
        Guid brand, Guid conversionId, string refundId, Guid campaignId, Guid creatorId, decimal amount, decimal cumulative, decimal orderAmount, DateTimeOffset refundedAt) =>
        new(brand, refundedAt.AddMinutes(1), conversionId, $"order-{conversionId:N}", refundId, new MoneyAmount(amount, "USD"), new MoneyAmount(cumulative, "USD"),
            new MoneyAmount(orderAmount, "USD"), cumulative == orderAmount, refundedAt, Guid.NewGuid(), campaignId, creatorId);

    public static CommissionAccrued Accrued(Guid brand, Guid conversionId, Guid campaignId, Guid creatorId, decimal commission, DateTimeOffset orderedAt, string currency = "USD") =>
        new(brand, orderedAt.AddMinutes(2), Guid.CreateVersion7(), conversionId, $"order-{conversionId:N}", Guid.NewGuid(), campaignId, creatorId,
            new MoneyAmount(commission, currency), new MoneyAmount(commission * 10, currency), orderedAt, orderedAt.AddDays(30), "percent", false);

    public static CommissionReversed CommissionReversed(Guid brand, Guid conversionId, string refundId, Guid campaignId, Guid creatorId, decimal amount, DateTimeOffset at) =>
        new(brand, at, Guid.CreateVersion7(), conversionId, refundId, Guid.NewGuid(), campaignId, creatorId, new MoneyAmount(amount, "USD"),
            new MoneyAmount(amount, "USD"), false);

    public static DeliverableFeeBooked Fee(Guid brand, Guid campaignId, Guid creatorId, decimal fee, DateTimeOffset at) =>
        new(brand, at, Guid.CreateVersion7(), Guid.NewGuid(), Guid.NewGuid(), campaignId, creatorId, new MoneyAmount(fee, "USD"));

    /// <summary>A post as campaigns records it: published at 09:00 UTC on <paramref name="published"/>.</summary>
    public static PostRecorded Recorded(Guid brand, Guid post, Guid campaign, Guid creator, string platform, string format, string market, DateOnly published, long? followers) =>
        new(brand, DateTimeOffset.UtcNow, post, 1, new PostState(
            post, Guid.NewGuid(), campaign, creator, null, platform, format, $"https://social.example/{post}", At(published, 9), "de", market, null, true, followers),
            true, false);

    /// <summary>A USD gift of <paramref name="value"/> shipped for a post.</summary>
    public static GiftShipped Gift(Guid brand, Guid campaign, Guid creator, Guid post, decimal value, DateOnly on)
    {
        var gift = Guid.CreateVersion7();
        return new GiftShipped(brand, At(on), gift, 2, new GiftState(
            gift, Guid.NewGuid(), campaign, creator, post, "Box", "B-1", 1, new MoneyAmount(value, "USD"), new MoneyAmount(value, "USD"), "shipped", on, null));
    }
}
