using AmbassadorNet.TestKit.Network;
using Reliability.Tests.Money;

namespace Reliability.Tests.Faults;

/// <summary>
/// Scenario 2 of docs/reliability.md: RabbitMQ unreachable for this system (its proxy refuses and resets every
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
        var scenario = await OutageScenario.OpenAsync(fixture, "Broker outage", "mqout");
        await using var load = scenario.Load;
        await Orders.PostAsync(scenario.Partner, scenario.Model, "mqout-before", scenario.Clicked, 100m, scenario.OrderedAt, scenario.Clicked.PromoCode);

        fixture.RabbitMq.SetMode(ProxyMode.Refuse);
        var answeredBefore = load.Answered;
        int orders;
        try
        {
            orders = await scenario.PostOrdersAsync("mqout", Outage);
            await Orders.RefundAsync(scenario.Partner, scenario.Model, "mqout-0", "mqout-refund", 10m);
        }
        finally
        {
            fixture.RabbitMq.SetMode(ProxyMode.Forward);
        }

        Assert.True(load.Answered > answeredBefore, "redirects stopped while the broker was away");
        Assert.True(orders >= 10, $"only {orders} orders were accepted during the outage");
        await load.WaitForMoreAsync(200, TimeSpan.FromMinutes(1));
        await scenario.AssertEverythingArrivedAsync("the broker outage");
    }
}
