namespace Webhooks.Tests;

public sealed class RestartTests(WebhooksService service) : IClassFixture<WebhooksService>
{
    [Fact]
    public async Task A_delivery_cut_off_by_a_restart_arrives_after_it_with_the_same_webhook_id()
    {
        var brand = Guid.CreateVersion7();
        var (subscription, secret) = await service.SubscribeAsync(brand, "restart");
        var never = new TaskCompletionSource();
        service.Receiver.Script("restart", new Reply(200, WaitFor: never.Task)); // hangs until the service goes away
        await service.PublishAsync(Events.Approved(brand));
        var first = (await service.ReceivedAsync("restart", 1))[0];

        await service.StopAppAsync(); // mid-delivery: no answer was recorded, the row keeps its lease
        await service.StartAppAsync(); // a new process on the same database

        var requests = await service.ReceivedAsync("restart", 2);
        var delivery = await service.DeliveryAsync(brand, subscription, "succeeded");

        Assert.Equal(first.WebhookId, requests[1].WebhookId);
        Assert.Null(await StandardWebhooksVerifier.VerifyAsync(secret, requests[1].Headers, requests[1].Body));
        Assert.Equal("succeeded", Assert.Single(delivery.AttemptLog()).GetProperty("outcome").GetString());
    }
}
