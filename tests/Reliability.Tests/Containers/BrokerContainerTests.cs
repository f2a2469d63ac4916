using Reliability.Tests.Faults;
using Reliability.Tests.Money;

namespace Reliability.Tests.Containers;

/// <summary>
/// The system's RabbitMQ, a real server in a container, stopped for a minute or killed under load, then
/// started again (the proxy's counterparts: <see cref="BrokerOutageTests"/>). Visitors click and a shop
/// posts orders and a refund throughout; the outboxes hold what could not be published, the quorum
/// queues keep what they held, and once the broker is back everything arrives, once.
/// </summary>
[Collection(ContainerSystemCollection.Name)]
public sealed class BrokerContainerTests(ContainerSystemFixture fixture)
{
    private static readonly TimeSpan Stopped = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Everything_accepted_while_the_broker_is_stopped_for_a_minute_arrives_once_it_runs_again()
    {
        var scenario = await OutageScenario.OpenAsync(fixture, "Broker stopped", "mqstop");
        await using var load = scenario.Load;
        await Orders.PostAsync(scenario.Partner, scenario.Model, "mqstop-before", scenario.Clicked, 100m, scenario.OrderedAt, scenario.Clicked.PromoCode);

        await fixture.RabbitMq.StopAsync();
        var answeredBefore = load.Answered;
        var orders = await scenario.PostOrdersAsync("mqstop", Stopped);
        await Orders.RefundAsync(scenario.Partner, scenario.Model, "mqstop-0", "mqstop-refund", 10m);
        await fixture.RabbitMq.StartAsync();

        Assert.True(load.Answered > answeredBefore, "redirects stopped while the broker was stopped");
        Assert.True(orders >= 60, $"only {orders} orders were accepted while the broker was stopped");
        await load.WaitForMoreAsync(200, TimeSpan.FromMinutes(1));
        await scenario.AssertEverythingArrivedAsync("a minute without the broker");
    }

    [Fact]
    public async Task A_broker_killed_under_load_and_started_again_loses_nothing_and_applies_nothing_twice()
    {
        var scenario = await OutageScenario.OpenAsync(fixture, "Broker killed", "mqkill");
        await using var load = scenario.Load;
        // Orders flow while the broker dies: some of their events are queued, some delivered and not yet
        // acknowledged, some still in the outboxes.
        var meanwhile = scenario.PostOrdersAsync("mqkill", TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(5));
        await fixture.RabbitMq.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await fixture.RabbitMq.StartAsync();
        var orders = await meanwhile;

        Assert.True(orders >= 20, $"only {orders} orders were accepted around the broker's crash");
        await load.WaitForMoreAsync(200, TimeSpan.FromMinutes(1));
        await scenario.AssertEverythingArrivedAsync("the broker's crash");
    }
}
