using AmbassadorNet.TestKit.Network;
using Reliability.Tests.Money;

namespace Reliability.Tests.Faults;

/// <summary>
/// Issue 15, scenario 2: RabbitMQ unreachable for this system (its proxy refuses and resets every
/// connection) while visitors click and a shop posts orders and a refund. Everything is accepted
/// meanwhile (outboxes hold the events); once the broker is back everything arrives, once.
/// </summary>
[Collection(FaultySystemCollection.Name)]
public sealed class BrokerOutageTests(FaultySystemFixture fixture)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Everything_accepted_while_the_broker_is_away_arrives_once_it_is_back()
    {
        var shop = await Shop.OpenAsync(await fixture.NewBrandAsync("Broker outage"), "mqout", creators: 2,
            [new CampaignSpec("Outage percent", new Plan("percent", Percent: 10m), HoldingPeriodDays: 0)], partnerKeys: 1);
        var partner = shop.Partners[0];
        var model = new ReferenceModel();
        var orderedAt = DateTimeOffset.UtcNow.AddDays(-1);
        var clicked = shop.Enrollments[0];
        await using var load = RedirectLoad.Start(() => new Uri(fixture.Running["tracking"].Url, $"/r/{clicked.LinkCode}"), visitors: 4);
        await Orders.PostAsync(partner, model, "mqout-before", clicked, 100m, orderedAt, clicked.PromoCode);

        fixture.RabbitMq.SetMode(ProxyMode.Refuse);
        var answeredBefore = load.Answered;
        var orders = 0;
        try
        {
            var until = DateTimeOffset.UtcNow + Outage;
            while (DateTimeOffset.UtcNow < until)
            {
                var enrollment = shop.Enrollments[orders % shop.Enrollments.Count];
                await Orders.PostAsync(partner, model, $"mqout-{orders}", enrollment, 40m + orders, orderedAt, enrollment.PromoCode);
                orders++;
                await Task.Delay(300);
            }

            await Orders.RefundAsync(partner, model, "mqout-0", "mqout-refund", 10m);
        }
        finally
        {
            fixture.RabbitMq.SetMode(ProxyMode.Forward);
        }

        Assert.True(load.Answered > answeredBefore, "redirects stopped while the broker was away");
        Assert.True(orders >= 10, $"only {orders} orders were accepted during the outage");
        await load.WaitForMoreAsync(200, TimeSpan.FromMinutes(1));
        await load.StopAsync();

        var releasedAt = await fixture.ReleaseAtRestAsync(shop.Admin);
        var books = await fixture.AtRestAsync(_ => Books.ReadAsync(shop.Admin, shop.CreatorIds, shop.CampaignIds), "the books after the broker outage");
        Invariants.Hold(books);
        Invariants.MatchModel(shop, model, releasedAt, books);
        var stored = await fixture.AtRestAsync(_ => fixture.CountAsync("tracking", "SELECT count(*) FROM clicks WHERE enrollment_id = $1", clicked.Id), "clicks stored");
        Assert.Equal(load.Answered, stored);
        Assert.Equal(stored, books.Campaign(clicked.CampaignId).Clicks);
        await fixture.AssertErrorQueuesAsExpectedAsync(["tracking", "payouts", "analytics", "campaigns", "creators", "webhooks"]);
    }
}
