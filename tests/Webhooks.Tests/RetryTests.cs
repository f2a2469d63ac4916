using AmbassadorNet.Messaging.Outbox;
using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Webhooks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Webhooks.Tests;

public sealed class RetryTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Fact]
    public async Task A_500_is_retried_with_the_same_webhook_id_and_a_fresh_signature_until_it_succeeds()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, secret) = await service.SubscribeAsync(brand, "flaky");
        service.Receiver.Script("flaky", new Reply(500));
        await service.PublishAsync(Events.Approved(brand));

        var requests = await service.ReceivedAsync("flaky", 2);
        var delivery = await service.DeliveryAsync(brand, subscription, "succeeded");
        var log = delivery.AttemptLog();

        Assert.Equal(requests[0].WebhookId, requests[1].WebhookId);
        Assert.Null(await StandardWebhooksVerifier.VerifyAsync(secret, requests[1].Headers, requests[1].Body));
        Assert.Equal([500, 200], log.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(["retry_scheduled", "succeeded"], log.Select(a => a.GetProperty("outcome").GetString()));
        Assert.All(log, a => Assert.True(a.GetProperty("latencyMs").GetInt32() >= 0));
        Assert.Equal(2, await service.SettledCountAsync("flaky"));
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, _) = await service.SubscribeAsync(brand, "rejects");
        service.Receiver.Script("rejects", new Reply(400));
        await service.PublishAsync(Events.Approved(brand));

        var delivery = await service.DeliveryAsync(brand, subscription, "failed");

        Assert.Equal(1, await service.SettledCountAsync("rejects"));
        Assert.Equal("failed", Assert.Single(delivery.AttemptLog()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_redirect_is_a_failure_and_is_not_followed()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, _) = await service.SubscribeAsync(brand, "moved");
        service.Receiver.Script("moved", new Reply(302, new Dictionary<string, string> { ["Location"] = service.Receiver.UrlFor("moved-here") }));
        await service.PublishAsync(Events.Approved(brand));

        var delivery = await service.DeliveryAsync(brand, subscription, "failed");

        Assert.Equal(302, Assert.Single(delivery.AttemptLog()).GetProperty("statusCode").GetInt32());
        Assert.Equal(1, await service.SettledCountAsync("moved"));
        Assert.Empty(service.Receiver.ReceivedAt("moved-here"));
    }

    [Fact]
    public async Task A_429_waits_at_least_its_Retry_After()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, _) = await service.SubscribeAsync(brand, "busy");
        service.Receiver.Script("busy", new Reply(429, new Dictionary<string, string> { ["Retry-After"] = "2" }));
        await service.PublishAsync(Events.Approved(brand));

        var requests = await service.ReceivedAsync("busy", 2);
        await service.DeliveryAsync(brand, subscription, "succeeded");

        // The schedule alone would retry after ~0.2 s.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1.9), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task A_410_disables_the_subscription_and_publishes_an_event()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, _) = await service.SubscribeAsync(brand, "gone");
        service.Receiver.Script("gone", new Reply(410));
        await service.PublishAsync(Events.Approved(brand));

        var disabled = await service.SubscriptionAsync(brand, subscription, "disabled");
        await service.PublishAsync(Events.Suspended(brand));

        Assert.Equal("gone", disabled.GetProperty("disabledReason").GetString());
        Assert.Equal("gone", Assert.Single(await DisabledEventsAsync(brand)).GetProperty("reason").GetString());
        Assert.Equal(1, await service.SettledCountAsync("gone"));
    }

    [Fact]
    public async Task A_subscription_that_keeps_failing_is_disabled_after_its_deliveries_use_up_the_schedule()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, _) = await service.SubscribeAsync(brand, "down");
        service.Receiver.Script("down", Enumerable.Repeat(new Reply(503), 100).ToArray());
        for (var i = 0; i < WebhooksService.DisableAfterFailedDeliveries; i++)
        {
            await service.PublishAsync(Events.Approved(brand));
        }

        var disabled = await service.SubscriptionAsync(brand, subscription, "disabled");
        var deliveries = await service.DeliveriesAsync(brand, subscription);

        Assert.Equal("failing", disabled.GetProperty("disabledReason").GetString());
        Assert.All(deliveries, d => Assert.Equal(WebhooksService.RetrySchedule.Length + 1, d.AttemptLog().Count));
        var disabledEvent = Assert.Single(await DisabledEventsAsync(brand));
        Assert.Equal(WebhooksService.DisableAfterFailedDeliveries, disabledEvent.GetProperty("failedDeliveries").GetInt32());
    }

    private async Task<List<System.Text.Json.JsonElement>> DisabledEventsAsync(Guid brand)
    {
        await using var scope = service.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BrandScope>().Set(brand);
        var rows = await scope.ServiceProvider.GetRequiredService<WebhooksDbContext>().Set<OutboxMessage>()
            .Where(m => m.BrandId == brand && m.MessageType.StartsWith("AmbassadorNet.Contracts.Webhooks.WebhookSubscriptionDisabled,")).ToListAsync();
        return rows.Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.Clone()).ToList();
    }
}
