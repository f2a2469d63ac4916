using AmbassadorNet.SystemTestKit;
using Reliability.Tests.Money;

namespace Reliability.Tests.Faults;

/// <summary>
/// What the outage scenarios share: a brand with two creators on a percent campaign, a partner,
/// visitors following the first creator's link directly on tracking, and the reckoning at the end.
/// </summary>
public sealed class OutageScenario
{
    private readonly FaultySystemFixture _fixture;

    private OutageScenario(FaultySystemFixture fixture, Shop shop, RedirectLoad load)
    {
        _fixture = fixture;
        Shop = shop;
        Load = load;
    }

    public Shop Shop { get; }

    public GatewayClient Partner => Shop.Partners[0];

    public ReferenceModel Model { get; } = new();

    /// <summary>The enrollment whose link the visitors follow.</summary>
    public Enrollment Clicked => Shop.Enrollments[0];

    public RedirectLoad Load { get; }

    public DateTimeOffset OrderedAt { get; } = DateTimeOffset.UtcNow.AddDays(-1);

    public static async Task<OutageScenario> OpenAsync(FaultySystemFixture fixture, string name, string handlePrefix)
    {
        var shop = await Shop.OpenAsync(await fixture.NewBrandAsync(name), handlePrefix, creators: 2,
            [new CampaignSpec($"{name} percent", new Plan("percent", Percent: 10m), HoldingPeriodDays: 0)], partnerKeys: 1);
        var link = shop.Enrollments[0].LinkCode;
        return new OutageScenario(fixture, shop, RedirectLoad.Start(() => new Uri(fixture.Running["tracking"].Url, $"/r/{link}"), visitors: 4));
    }

    /// <summary>
    /// Once everything is at rest: the books hold and equal the reference model, every redirect the
    /// visitors were answered is a stored click and an analytics click, and no message was dead-lettered.
    /// </summary>
    public async Task AssertEverythingArrivedAsync(string after)
    {
        await Load.StopAsync();
        var releasedAt = await _fixture.ReleaseAtRestAsync(Shop.Admin);
        var books = await _fixture.AtRestAsync(_ => Books.ReadAsync(Shop.Admin, Shop.CreatorIds, Shop.CampaignIds), $"the books after {after}");
        Invariants.Hold(books);
        Invariants.MatchModel(Shop, Model, releasedAt, books);
        var stored = await _fixture.AtRestAsync(_ => _fixture.StoredClicksAsync(Clicked), "clicks stored");
        Assert.Equal(Load.Answered, stored);
        Assert.Equal(stored, books.Campaign(Clicked.CampaignId).Clicks);
        await _fixture.AssertErrorQueuesAsExpectedAsync(["tracking", "payouts", "analytics", "campaigns", "creators", "webhooks"]);
    }
}
