using AmbassadorNet.SystemTestKit;
using Reliability.Tests.Faults;
using Reliability.Tests.Money;

namespace Reliability.Tests.Containers;

/// <summary>
/// Tracking's PostgreSQL, a real server in a container, restarted while visitors click and a shop posts
/// orders (the proxy's counterpart: <see cref="DatabaseOutageTests"/>). The service rides it out without
/// being restarted: redirects are answered from memory and their clicks buffered, an order refused
/// meanwhile is sent again by the shop and accepted once, and a second sending of an accepted order
/// changes nothing.
/// </summary>
[Collection(ContainerSystemCollection.Name)]
public sealed class DatabaseContainerTests(ContainerSystemFixture fixture)
{
    [Fact]
    public async Task Tracking_rides_out_a_restart_of_its_database_and_retried_orders_count_once()
    {
        var scenario = await OutageScenario.OpenAsync(fixture, "Database restarted", "pgrestart");
        await using var load = scenario.Load;
        var (shop, partner) = (scenario.Shop, scenario.Partner);
        await Orders.PostAsync(partner, scenario.Model, "pgrestart-before", scenario.Clicked, 100m, scenario.OrderedAt, scenario.Clicked.PromoCode);
        await load.WaitForMoreAsync(200, TimeSpan.FromMinutes(1));
        var trackingProcess = fixture.System.ProcessIdOf(ContainerSystemFixture.DatabaseService);

        using var stopOrders = new CancellationTokenSource();
        var posted = new List<(string OrderId, Enrollment Enrollment, decimal Amount)>();
        var refusals = 0;
        var shopping = Task.Run(async () =>
        {
            for (var i = 0; !stopOrders.IsCancellationRequested; i++)
            {
                var order = ($"pgrestart-{i}", shop.Enrollments[i % 2], 30m + i);
                refusals += await Orders.PostUntilAcceptedAsync(partner, scenario.Model, order.Item1, order.Item2, order.Item3, scenario.OrderedAt);
                posted.Add(order);
                await Task.Delay(200);
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(3));
        var answeredBefore = load.Answered;
        await fixture.Database.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await fixture.Database.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stopOrders.CancelAsync();
        await shopping;

        Assert.True(load.Answered > answeredBefore + 100, "redirects stopped while tracking's database restarted");
        Assert.Equal(trackingProcess, fixture.System.ProcessIdOf(ContainerSystemFixture.DatabaseService));
        Assert.True(posted.Count >= 20, $"only {posted.Count} orders were accepted around the restart");
        Assert.True(refusals > 0, "no order was refused: the restart did not happen while the shop was posting");

        // The shop sends every accepted order once more: the same answer, nothing new.
        foreach (var (orderId, enrollment, amount) in posted)
        {
            var again = await partner.SendAsync(HttpMethod.Post, "/api/conversions", Orders.Body(orderId, amount, scenario.OrderedAt, enrollment.PromoCode));
            Assert.Equal(enrollment.Id, again.GetProperty("enrollmentId").GetGuid());
        }

        await load.WaitForMoreAsync(200, TimeSpan.FromMinutes(1));
        await scenario.AssertEverythingArrivedAsync("the restart of tracking's database");
    }
}
