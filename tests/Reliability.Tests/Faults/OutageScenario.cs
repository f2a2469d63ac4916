using AmbassadorNet.SystemTestKit;
using Reliability.Tests.Money;

namespace Reliability.Tests.Faults;

/// <summary>
/// What the outage scenarios share: a brand with two creators on a percent campaign, a partner,
/// visitors following the first creator's link directly on tracking, and the reckoning at the end.
/// </summary>
public sealed class OutageScenario
{
    /// <summary>
    /// Paced so an outage cannot fill tracking's click buffer (100,000 clicks): 4 × 250/s for the
    /// 12–15 s outages is under 15,000. Unpaced, one clean-clone .ci/run answered 122,248 redirects and stored
    /// 100,277 clicks: the buffer filled while the database was away and the overflow was dropped and
    /// counted, as designed (ClickBufferTests), which is not what these scenarios are about.
    /// </summary>
    private const int VisitorRate = 250;

    private readonly LedgerSystemFixture _fixture;

    private OutageScenario(LedgerSystemFixture fixture, Shop shop, RedirectLoad load)
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

    public static async Task<OutageScenario> OpenAsync(LedgerSystemFixture fixture, string name, string handlePrefix)
    {
        var shop = await Shop.OpenAsync(await fixture.NewBrandAsync(name), handlePrefix, creators: 2,
            [new CampaignSpec($"{name} percent", new Plan("percent", Percent: 10m), HoldingPeriodDays: 0)], partnerKeys: 1);
        var link = shop.Enrollments[0].LinkCode;
        var load = RedirectLoad.Start(() => new Uri(fixture.System.UrlOf("tracking"), $"/r/{link}"), visitors: 4, perVisitorPerSecond: VisitorRate);
        return new OutageScenario(fixture, shop, load);
    }

    /// <summary>
    /// The shop posts an order every 300 ms for <paramref name="duration"/>, each accepted at once, the
    /// creators in turn (ids <c>{prefix}-0</c>, <c>{prefix}-1</c>, ...); returns how many.
    /// </summary>
    public async Task<int> PostOrdersAsync(string prefix, TimeSpan duration)
    {
        var orders = 0;
        for (var until = DateTimeOffset.UtcNow + duration; DateTimeOffset.UtcNow < until; orders++)
        {
            var enrollment = Shop.Enrollments[orders % Shop.Enrollments.Count];
            await Orders.PostAsync(Partner, Model, $"{prefix}-{orders}", enrollment, 40m + orders, OrderedAt, enrollment.PromoCode);
            await Task.Delay(300);
        }

        return orders;
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
        if (Load.Answered != stored)
        {
            Assert.Fail($"{Load.Answered} redirects answered, {stored} clicks stored: {await _fixture.ClickDiagnosticsAsync()}");
        }

        Assert.Equal(stored, books.Campaign(Clicked.CampaignId).Clicks);
        await _fixture.AssertErrorQueuesAsExpectedAsync(["tracking", "payouts", "analytics", "campaigns", "creators", "webhooks"]);
    }
}
