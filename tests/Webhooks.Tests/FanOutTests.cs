using System.Net;
using AmbassadorNet.Contracts.Creators;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Webhooks.Tests;

public sealed class FanOutTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Fact]
    public async Task An_event_goes_to_each_subscription_of_its_brand_that_wants_its_type()
    {
        var brand = Guid.CreateVersion7();
        await service.SubscribeAsync(brand, "all");
        await service.SubscribeAsync(brand, "approvals", "creator.approved");
        await service.SubscribeAsync(brand, "suspensions", "creator.suspended");
        await service.SubscribeAsync(Guid.CreateVersion7(), "other-brand");

        await service.PublishAsync(Events.Approved(brand));
        var counts = await Task.WhenAll(new[] { "all", "approvals", "suspensions", "other-brand" }.Select(path => service.SettledCountAsync(path)));

        Assert.Equal([1, 1, 0, 0], counts);
    }

    [Fact]
    public async Task A_duplicated_event_is_delivered_once()
    {
        var brand = Guid.CreateVersion7();
        await service.SubscribeAsync(brand, "dedupe");
        var bus = service.Services.GetRequiredService<IBus>();
        var approved = Events.Approved(brand);
        var messageId = NewId.NextGuid();

        await bus.Publish(approved, context => context.MessageId = messageId, TestContext.Current.CancellationToken);
        await bus.Publish(approved, context => context.MessageId = messageId, TestContext.Current.CancellationToken);

        Assert.Equal(1, await service.SettledCountAsync("dedupe"));
    }

    [Fact]
    public async Task A_deleted_subscription_is_gone_and_receives_nothing()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, _) = await service.SubscribeAsync(brand, "deleted");

        var deleted = await service.SendAsync(HttpMethod.Delete, $"/api/webhooks/{subscription}", brand);
        await service.PublishAsync(Events.Approved(brand));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.SendAsync(HttpMethod.Get, $"/api/webhooks/{subscription}", brand)).StatusCode);
        Assert.Equal(0, await service.SettledCountAsync("deleted"));
    }

    [Fact]
    public async Task Events_of_other_types_reach_subscriptions_to_all()
    {
        var brand = Guid.CreateVersion7();
        await service.SubscribeAsync(brand, "payouts");
        await service.PublishAsync(new CreatorPayoutProfileUpdated(brand, DateTimeOffset.UtcNow, Guid.CreateVersion7(), 4, "paypal", "USD", "pp-ref-1", "verified", true));

        var request = (await service.ReceivedAsync("payouts", 1))[0];

        Assert.Contains("\"type\":\"creator.payout_profile_updated\"", request.Body);
    }
}
